#include "bot/server/protocol.hpp"

#include <boost/json.hpp>

#include <charconv>

namespace bot::server::protocol {

namespace json = boost::json;

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;  // count every byte that is not a continuation byte
  return n;
}

std::string_view default_message(error_code c) {
  switch (c) {
    case error_code::bad_json:
      return "Dit bericht kan ik niet lezen.";
    case error_code::unknown_type:
      return "Dit soort bericht ken ik niet.";
    case error_code::bad_request:
      return "Er klopt iets niet in dit bericht.";
    case error_code::rate_limited:
      return "U stuurt te veel vragen kort na elkaar. Wacht even en probeer het dan opnieuw.";
    case error_code::unavailable:
      return "Finwijzer is nu even niet beschikbaar. Probeer het later opnieuw.";
    case error_code::internal:
      return "Er ging bij ons iets mis. Probeer het opnieuw.";
  }
  return "Er ging bij ons iets mis. Probeer het opnieuw.";
}

namespace {

refusal bad(std::string message) {
  return {error_code::bad_request, std::move(message)};
}

const json::string* string_field(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? &it->value().as_string() : nullptr;
}

std::variant<request, refusal> parse_ask(const json::object& o) {
  const auto* text = string_field(o, "text");
  if (!text) return bad("Typ eerst uw vraag.");
  std::string_view t = *text;
  if (utf8_length(t) > max_question_chars)
    return bad("Uw vraag is te lang. Gebruik niet meer dan 2000 tekens.");
  if (t.find_first_not_of(" \t\r\n") == std::string_view::npos) return bad("Typ eerst uw vraag.");
  return request{ask{std::string(t)}};
}

std::variant<request, refusal> parse_answer_field(const json::object& o) {
  const auto* field = string_field(o, "field");
  auto value = o.find("value");
  if (!field || field->empty() || value == o.end())
    return bad("Er ontbreekt een gegeven of een antwoord in dit bericht.");
  const auto& v = value->value();
  if (!(v.is_null() || v.is_bool() || v.is_number() || v.is_string()))
    return bad("Dit antwoord kan ik niet gebruiken. Geef een getal, ja of nee, of een woord.");
  return request{answer_field{std::string(*field), v}};
}

std::variant<request, refusal> parse_feedback(const json::object& o) {
  const auto* id = string_field(o, "answer_id");
  auto useful = o.find("useful");
  if (!id || useful == o.end() || !useful->value().is_bool())
    return bad("Er ontbreekt iets in uw reactie.");
  feedback f;
  f.answer_id = std::string(*id);
  f.useful = useful->value().as_bool();
  // "a" followed by a positive number, as the server numbers its answers.
  std::string_view digits = f.answer_id;
  if (digits.size() < 2 || digits.size() > 11 || digits[0] != 'a' || digits[1] == '0')
    return bad("Dit antwoord ken ik niet.");
  digits.remove_prefix(1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), f.answer_number);
  if (ec != std::errc() || end != digits.data() + digits.size())
    return bad("Dit antwoord ken ik niet.");
  if (auto c = o.find("comment"); c != o.end() && !c->value().is_null()) {
    if (!c->value().is_string()) return bad("Uw opmerking kan ik niet lezen.");
    f.comment = std::string(c->value().as_string());
    if (utf8_length(f.comment) > max_comment_chars)
      return bad("Uw opmerking is te lang. Gebruik niet meer dan 1000 tekens.");
  }
  return request{std::move(f)};
}

}  // namespace

std::variant<request, refusal> parse(std::string_view frame) {
  boost::system::error_code ec;
  json::value v = json::parse(frame, ec);
  if (ec || !v.is_object())
    return refusal{error_code::bad_json, std::string(default_message(error_code::bad_json))};
  const auto& o = v.as_object();
  const auto* type = string_field(o, "type");
  if (!type)
    return refusal{error_code::unknown_type,
                   std::string(default_message(error_code::unknown_type))};
  if (*type == "ask") return parse_ask(o);
  if (*type == "answer_field") return parse_answer_field(o);
  if (*type == "reset") return request{reset{}};
  if (*type == "feedback") return parse_feedback(o);
  return refusal{error_code::unknown_type, std::string(default_message(error_code::unknown_type))};
}

std::string error(error_code c, std::string_view message) {
  json::object o;
  o["type"] = "error";
  o["code"] = to_string(c);
  o["message"] = message.empty() ? default_message(c) : message;
  return json::serialize(o);
}

std::string ack(std::string_view of) {
  json::object o;
  o["type"] = "ack";
  o["of"] = of;
  return json::serialize(o);
}

std::string welcome(std::string_view token, bool resumed, const conversation& c,
                    const kb::field_set* fields) {
  json::object o;
  o["type"] = "welcome";
  o["session"] = token;
  o["resumed"] = resumed;
  o["profile"] = kb::profile_to_json(c.profile);
  o["understood"] = fields ? understood_json(c.profile, *fields) : json::array();
  return json::serialize(o);
}

std::string answer(unsigned answer_number, const json::object& body) {
  json::object o;
  o.reserve(body.size() + 2);
  o["type"] = "answer";
  std::string id = "a";  // not "a" + …: GCC 12 warns wrongly (-Wrestrict) about that
  id += std::to_string(answer_number);
  o["answer_id"] = id;
  for (const auto& kv : body)
    if (kv.key() != "type" && kv.key() != "answer_id") o[kv.key()] = kv.value();
  return json::serialize(o);
}

}  // namespace bot::server::protocol
