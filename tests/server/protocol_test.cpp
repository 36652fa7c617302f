// Reading client frames and writing server messages, without a network.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "bot/server/protocol.hpp"

namespace {

namespace protocol = bot::server::protocol;
using bot::server::error_code;
namespace json = boost::json;

error_code refused(std::string_view frame) {
  auto r = protocol::parse(frame);
  if (auto* f = std::get_if<protocol::refusal>(&r)) {
    EXPECT_FALSE(f->message.empty());
    return f->code;
  }
  ADD_FAILURE() << "accepted: " << frame;
  return error_code::internal;
}

TEST(ServerProtocol, ParsesTheFourClientMessages) {
  auto a = protocol::parse(R"({"type":"ask","text":"lening voor een bakkerij","extra":1})");
  ASSERT_TRUE(std::holds_alternative<protocol::request>(a));
  EXPECT_EQ(std::get<protocol::ask>(std::get<protocol::request>(a)).text,
            "lening voor een bakkerij");

  auto f = protocol::parse(R"({"type":"answer_field","field":"sector","value":null})");
  const auto& af = std::get<protocol::answer_field>(std::get<protocol::request>(f));
  EXPECT_EQ(af.field, "sector");
  EXPECT_TRUE(af.value.is_null());

  auto r = protocol::parse(R"({"type":"reset"})");
  EXPECT_TRUE(std::holds_alternative<protocol::reset>(std::get<protocol::request>(r)));

  auto fb = protocol::parse(R"({"type":"feedback","answer_id":"a12","useful":false})");
  const auto& fd = std::get<protocol::feedback>(std::get<protocol::request>(fb));
  EXPECT_EQ(fd.answer_number, 12u);
  EXPECT_FALSE(fd.useful);
  EXPECT_TRUE(fd.comment.empty());
}

TEST(ServerProtocol, RefusesWhatDoesNotFit) {
  EXPECT_EQ(refused("nope"), error_code::bad_json);
  EXPECT_EQ(refused("null"), error_code::bad_json);
  EXPECT_EQ(refused(std::string(100, '[') + std::string(100, ']')), error_code::bad_json);
  EXPECT_EQ(refused("{\"type\":\"ask\",\"text\":\"\xff\"}"), error_code::bad_json);  // no UTF-8
  EXPECT_EQ(refused(R"({"type":null})"), error_code::unknown_type);
  EXPECT_EQ(refused(R"({"type":"ASK","text":"x"})"), error_code::unknown_type);
  EXPECT_EQ(refused(R"({"type":"answer_field","value":1})"), error_code::bad_request);
  EXPECT_EQ(refused(R"({"type":"answer_field","field":"sector","value":[1]})"),
            error_code::bad_request);
  EXPECT_EQ(refused(R"({"type":"answer_field","field":"","value":1})"), error_code::bad_request);
  for (const char* id : {"a0", "b1", "a", "a1x", "a-1", "a99999999999"})
    EXPECT_EQ(
        refused(std::string(R"({"type":"feedback","useful":true,"answer_id":")") + id + "\"}"),
        error_code::bad_request)
        << id;
  EXPECT_EQ(refused(R"({"type":"feedback","answer_id":"a1","useful":"ja"})"),
            error_code::bad_request);
  EXPECT_EQ(refused(R"({"type":"feedback","answer_id":"a1","useful":true,"comment":5})"),
            error_code::bad_request);
}

TEST(ServerProtocol, CountsCharactersNotBytes) {
  EXPECT_EQ(protocol::utf8_length("één"), 3u);
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "ë";
  EXPECT_TRUE(std::holds_alternative<protocol::request>(
      protocol::parse(json::serialize(json::object{{"type", "ask"}, {"text", text}}))));
  text += "ë";
  EXPECT_EQ(refused(json::serialize(json::object{{"type", "ask"}, {"text", text}})),
            error_code::bad_request);
}

TEST(ServerProtocol, ServerMessages) {
  auto e = json::parse(protocol::error(error_code::rate_limited)).as_object();
  EXPECT_EQ(e.at("type"), "error");
  EXPECT_EQ(e.at("code"), "rate_limited");
  EXPECT_FALSE(e.at("message").as_string().empty());
  EXPECT_EQ(json::parse(protocol::ack("reset")), json::parse(R"({"type":"ack","of":"reset"})"));

  json::object body{{"question", "q"}, {"matches", json::array()}};
  auto a = json::parse(protocol::answer(7, body)).as_object();
  EXPECT_EQ(a.begin()->key(), "type");  // type first, for readers of raw frames
  EXPECT_EQ(a.at("type"), "answer");
  EXPECT_EQ(a.at("answer_id"), "a7");
  EXPECT_EQ(a.at("question"), "q");

  bot::conversation c;
  auto w = json::parse(protocol::welcome("ab", false, c, nullptr)).as_object();
  EXPECT_EQ(w.at("type"), "welcome");
  EXPECT_EQ(w.at("session"), "ab");
  EXPECT_EQ(w.at("resumed"), false);
  EXPECT_TRUE(w.at("profile").as_object().empty());
  EXPECT_TRUE(w.at("understood").as_array().empty());
}

}  // namespace
