/** @file index_cache.hpp
 *  @brief The published index the server answers from, reopened when a new generation appears.
 *
 *  `indexer::current_generation` (one readlink) is checked at most once per `check_interval`;
 *  when it moved, one thread opens the new generation while the others go on with the old one.
 *  The snapshot is immutable and shared; Xapian handles are not in it (each pool thread opens
 *  its own advisor from it, see worker.hpp).
 */
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>

#include "bot/server/logging.hpp"
#include "indexer/index.hpp"

namespace bot::server {

class index_cache {
 public:
  using clock = std::chrono::steady_clock;

  index_cache(std::filesystem::path dir, clock::duration check_interval, const logger& log);

  /// The newest usable snapshot, or null when none was ever published. May block while it opens
  /// a new generation: call it from pool threads (and once at start-up), never from I/O threads.
  std::shared_ptr<const indexer::snapshot> get();
  /// What is loaded now, without looking at the disk. Cheap: fine on I/O threads.
  std::shared_ptr<const indexer::snapshot> loaded() const;
  unsigned loaded_generation() const;

 private:
  void reload(unsigned generation);

  const std::filesystem::path dir_;
  const clock::duration interval_;
  const logger& log_;
  mutable std::mutex mu_;  // guards the three fields below; never held while opening
  std::shared_ptr<const indexer::snapshot> snap_;
  clock::time_point last_check_{};
  unsigned failed_generation_ = 0;  // logged once, not retried until another one appears
  std::mutex open_mu_;              // one opener at a time
};

}  // namespace bot::server
