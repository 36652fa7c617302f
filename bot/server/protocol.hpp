/** @file protocol.hpp
 *  @brief The JSON messages of docs/protocol.md: reading what a client sends, writing what the
 *  server sends. No I/O here, so it is easy to test and to reuse for another transport.
 */
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "bot/advisor.hpp"
#include "bot/server/metrics.hpp"

namespace bot::server::protocol {

inline constexpr std::size_t max_question_chars = 2000;
inline constexpr std::size_t max_comment_chars = 1000;

struct ask {
  std::string text;
};
struct answer_field {
  std::string field;
  boost::json::value value;  ///< number, bool, string or null (forget the field)
};
struct reset {};
struct feedback {
  std::string answer_id;
  unsigned answer_number = 0;  ///< the N of "aN"
  bool useful = false;
  std::string comment;
};
using request = std::variant<ask, answer_field, reset, feedback>;

/** Why a frame was refused: the code and the B1 Dutch message for the `error` reply. */
struct refusal {
  error_code code;
  std::string message;
};

/// Reads one text frame. Never throws.
std::variant<request, refusal> parse(std::string_view frame);

/// The Dutch message for a code, when nothing more precise is to be said.
std::string_view default_message(error_code c);

std::string error(error_code c, std::string_view message = {});
std::string ack(std::string_view of);
/// `fields` may be null (no index yet): `understood` is then empty.
std::string welcome(std::string_view token, bool resumed, const conversation& c,
                    const kb::field_set* fields);
/// The advisor's answer with "type" and "answer_id" in front.
std::string answer(unsigned answer_number, const boost::json::object& body);

/// The facts of a profile as `understood` items: {field, label, value, display, derived, type}.
boost::json::array understood(const kb::profile& p, const kb::field_set& fields);

/// Unicode code points in valid UTF-8 (what "characters" means in the protocol's limits).
std::size_t utf8_length(std::string_view s);

}  // namespace bot::server::protocol
