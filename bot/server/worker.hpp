/** @file worker.hpp
 *  @brief What a pool thread does with one question: the advisor turn, away from the I/O threads.
 *
 *  Each pool thread keeps its own `bot::advisor` in a thread_local (it owns Xapian handles, which
 *  must never cross threads) and rebuilds it when the index cache hands out a newer snapshot.
 *  Only plain data goes in and out: a job, a conversation copy, a result.
 */
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "bot/advisor.hpp"
#include "bot/server/index_cache.hpp"
#include "bot/server/metrics.hpp"

namespace bot::server {

/** An `ask` (text) or an `answer_field` (field, value). */
struct job {
  enum class kind { ask, answer_field } what = kind::ask;
  std::string text;
  std::string field;
  boost::json::value value;
  std::chrono::steady_clock::time_point received;
};

struct job_result {
  conversation conv;         ///< updated by the turn
  boost::json::object body;  ///< the answer without type and answer_id
  std::optional<error_code> error;
  std::string message;      ///< B1 Dutch for the client; empty: the code's default message
  std::string detail;       ///< English, for the log, when `error` is set
  unsigned generation = 0;  ///< index generation that answered
};

/// Runs one turn on the calling (pool) thread. Never throws.
job_result run_job(index_cache& index, const job& j, conversation conv, std::size_t limit);

}  // namespace bot::server
