/** @file advisor.hpp
 *  @brief The advisor: one conversation turn = extract facts → search → eligibility → next
 * question.
 *
 *  The same core serves `finwijzer ask --state FILE` and the websocket server. The answer is the
 *  JSON object of docs/protocol.md (`answer` without `type` and `answer_id`).
 */
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "bot/search.hpp"
#include "kb/extract.hpp"
#include "kb/profile.hpp"

namespace bot {

/** What is kept between turns of one chat. Plain data: copy it freely between threads. */
struct conversation {
  kb::profile profile;
  std::set<std::string> asked;  ///< fields Finwijzer already asked for
  std::string last_question;    ///< the last free-text question; a quick reply answers it again
};

/// {"profile":{…},"asked":[…],"last_question":"…"}, for `ask --state FILE`.
boost::json::object conversation_to_json(const conversation& c);
/// Reads what conversation_to_json wrote; throws kb::profile_error on a bad file.
conversation conversation_from_json(const boost::json::value& v, const kb::field_set& fields,
                                    const kb::place_index& places);

/// What is known, for display and correction:
/// [{"field","label","value","display","derived","type"}].
boost::json::array understood_json(const kb::profile& p, const kb::field_set& fields);

/** Not thread-safe (it owns a searcher with Xapian handles): one per thread. */
class advisor {
 public:
  explicit advisor(std::shared_ptr<const indexer::snapshot> snap);

  /// A free-text turn: the text updates the profile, then the answer is composed.
  boost::json::object ask(conversation& c, std::string_view text, std::size_t limit = 5);

  /// A quick reply or correction: sets `field` (JSON null forgets it) and answers the last question
  /// again. Throws kb::profile_error for an unknown field or a value that does not fit.
  boost::json::object answer_field(conversation& c, const std::string& field,
                                   const boost::json::value& value, std::size_t limit = 5);

  const indexer::snapshot& snap() const { return searcher_.snap(); }

 private:
  boost::json::object compose(conversation& c, const search_result& r);
  search_result search_for(const conversation& c, const std::string& question, std::size_t limit);

  searcher searcher_;
  kb::fact_extractor extractor_;
};

}  // namespace bot
