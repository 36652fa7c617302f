// The chat protocol of docs/protocol.md over a real websocket on loopback.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "server_support.hpp"

namespace {

using namespace test;
namespace json = boost::json;

std::string type_of(const json::object& m) {
  auto it = m.find("type");
  return it != m.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}

std::string error_code_of(const std::optional<json::object>& m) {
  if (!m || type_of(*m) != "error") return "(no error)";
  return std::string(m->at("code").as_string());
}

TEST(ServerChat, WelcomeThenAskGetsAnAnswerWithMatches) {
  running_server srv;
  ws_client c(srv.port());
  ASSERT_TRUE(c.connected()) << c.error();
  const auto& w = c.welcome();
  EXPECT_EQ(w.at("resumed"), false);
  EXPECT_EQ(c.token().size(), 64u);
  EXPECT_EQ(c.token().find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_TRUE(w.at("profile").is_object());
  EXPECT_TRUE(w.at("understood").is_array());

  ASSERT_TRUE(c.ask("borgstelling voor een lening bij de bank"));
  auto a = c.read();
  ASSERT_TRUE(a) << c.error();
  ASSERT_EQ(type_of(*a), "answer") << json::serialize(*a);
  EXPECT_EQ(a->at("answer_id"), "a1");
  EXPECT_EQ(a->at("question"), "borgstelling voor een lening bij de bank");
  ASSERT_FALSE(a->at("matches").as_array().empty());
  const auto& first = a->at("matches").as_array()[0].as_object();
  for (const char* key : {"id", "title", "kind", "status", "score", "snippet", "why"})
    EXPECT_TRUE(first.contains(key)) << key;

  ASSERT_TRUE(c.ask("geld voor een nieuwe machine"));
  auto b = c.read();
  ASSERT_TRUE(b);
  EXPECT_EQ(b->at("answer_id"), "a2");  // numbered per session, never reused
  EXPECT_TRUE(srv.log().contains("answer a2"));
}

TEST(ServerChat, QuickReplyUpdatesTheProfileAndNullForgetsIt) {
  auto o = test_options();
  o.questions_per_second = 100;  // this test asks quickly; the limit has its own test
  running_server srv(o);
  ws_client c(srv.port());
  ASSERT_TRUE(c.connected()) << c.error();
  ASSERT_TRUE(c.ask("ik zoek een lening"));
  ASSERT_TRUE(c.read());

  ASSERT_TRUE(c.answer_field("werkzame_personen", 12));
  auto a = c.read();
  ASSERT_TRUE(a);
  ASSERT_EQ(type_of(*a), "answer") << json::serialize(*a);
  EXPECT_EQ(a->at("profile").at("werkzame_personen").to_number<double>(), 12);
  EXPECT_EQ(a->at("question"), "ik zoek een lening");  // the last question, answered again

  ASSERT_TRUE(c.answer_field("gemeente", "Goor"));  // a place resolves to its gemeente
  auto g = c.read();
  ASSERT_TRUE(g);
  ASSERT_EQ(type_of(*g), "answer") << json::serialize(*g);
  EXPECT_EQ(g->at("profile").at("gemeente"), "hof van twente");

  ASSERT_TRUE(c.answer_field("werkzame_personen", nullptr));
  auto f = c.read();
  ASSERT_TRUE(f);
  EXPECT_FALSE(f->at("profile").as_object().contains("werkzame_personen"));

  ASSERT_TRUE(c.answer_field("schoenmaat", 43));
  EXPECT_EQ(error_code_of(c.read()), "bad_request");
  ASSERT_TRUE(c.answer_field("werkzame_personen", "veel"));
  EXPECT_EQ(error_code_of(c.read()), "bad_request");
  ASSERT_TRUE(c.send(R"({"type":"answer_field","field":"werkzame_personen"})"));
  EXPECT_EQ(error_code_of(c.read()), "bad_request");
}

TEST(ServerChat, MalformedJsonAndUnknownTypesGetAnErrorAndTheConnectionStaysUsable) {
  running_server srv;
  ws_client c(srv.port());
  ASSERT_TRUE(c.connected()) << c.error();
  const std::pair<std::string, std::string> cases[] = {
      {"{not json", "bad_json"},
      {"[1,2,3]", "bad_json"},
      {"\"ask\"", "bad_json"},
      {"", "bad_json"},
      {R"({"text":"geen type"})", "unknown_type"},
      {R"({"type":"dans"})", "unknown_type"},
      {R"({"type":42})", "unknown_type"},
      {R"({"type":"ask"})", "bad_request"},
      {R"({"type":"ask","text":42})", "bad_request"},
      {R"({"type":"ask","text":"   "})", "bad_request"},
      {R"({"type":"ask","text":")" + std::string(2001, 'x') + "\"}", "bad_request"},
      {R"({"type":"feedback","answer_id":"a1"})", "bad_request"},
  };
  for (const auto& [frame, code] : cases) {
    ASSERT_TRUE(c.send(frame)) << c.error();
    auto m = c.read();
    ASSERT_TRUE(m) << frame << ": " << c.error();
    EXPECT_EQ(error_code_of(m), code) << frame;
    EXPECT_FALSE(m->at("message").as_string().empty());
  }
  ASSERT_TRUE(c.send_binary("{\"type\":\"ask\",\"text\":\"lening\"}"));
  EXPECT_EQ(error_code_of(c.read()), "bad_json");  // JSON text frames only

  // 2,000 characters is allowed, counted as characters (é is two bytes, one character).
  std::string longest;
  for (int i = 0; i < 1000; ++i) longest += "é ";
  ASSERT_TRUE(c.ask(longest));
  auto ok = c.read();
  ASSERT_TRUE(ok);
  EXPECT_EQ(type_of(*ok), "answer") << json::serialize(*ok);

  ASSERT_TRUE(c.ask("lening voor starters"));
  auto a = c.read();
  ASSERT_TRUE(a);
  EXPECT_EQ(type_of(*a), "answer");

  auto m = http(srv.port(), "GET", "/metrics");
  EXPECT_NE(m.body.find("finwijzer_errors_total{code=\"bad_json\"} 5"), std::string::npos)
      << m.body;
  EXPECT_NE(m.body.find("finwijzer_errors_total{code=\"unknown_type\"} 3"), std::string::npos);
}

TEST(ServerChat, ResetForgetsTheConversation) {
  running_server srv;
  ws_client c(srv.port());
  ASSERT_TRUE(c.connected()) << c.error();
  ASSERT_TRUE(c.answer_field("werkzame_personen", 3));
  auto a = c.read();
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->at("profile").as_object().contains("werkzame_personen"));
  ASSERT_TRUE(c.send(R"({"type":"reset"})"));
  auto ack = c.read();
  ASSERT_TRUE(ack);
  EXPECT_EQ(type_of(*ack), "ack");
  EXPECT_EQ(ack->at("of"), "reset");
  ASSERT_TRUE(c.ask("lening"));
  auto b = c.read();
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->at("profile").as_object().empty());
  EXPECT_EQ(b->at("answer_id"), "a2");  // a reset does not reuse answer ids
}

TEST(ServerChat, FeedbackIsAcknowledgedLoggedAndCounted) {
  running_server srv;
  ws_client c(srv.port());
  ASSERT_TRUE(c.connected()) << c.error();
  ASSERT_TRUE(c.ask("lening"));
  ASSERT_TRUE(c.read());
  ASSERT_TRUE(
      c.send(R"({"type":"feedback","answer_id":"a1","useful":true,"comment":"Duidelijk!\nDank"})"));
  auto ack = c.read();
  ASSERT_TRUE(ack);
  EXPECT_EQ(type_of(*ack), "ack");
  EXPECT_EQ(ack->at("of"), "feedback");
  // One line per event: the newline of the comment is escaped.
  EXPECT_TRUE(srv.log().contains(R"(feedback on a1: useful, comment "Duidelijk!\nDank")"));
  EXPECT_TRUE(srv.log().contains("[c"));

  ASSERT_TRUE(c.send(R"({"type":"feedback","answer_id":"a7","useful":false})"));
  EXPECT_EQ(error_code_of(c.read()), "bad_request");  // no such answer in this session
  ASSERT_TRUE(c.send(R"({"type":"feedback","answer_id":"a1","useful":false,"comment":")" +
                     std::string(1001, 'x') + "\"}"));
  EXPECT_EQ(error_code_of(c.read()), "bad_request");

  auto m = http(srv.port(), "GET", "/metrics");
  EXPECT_NE(m.body.find("finwijzer_feedback_total{useful=\"true\"} 1"), std::string::npos);
  EXPECT_NE(m.body.find("finwijzer_feedback_total{useful=\"false\"} 0"), std::string::npos);
}

TEST(ServerChat, LogsNameTheSessionByPrefixOnly) {
  running_server srv;
  {
    ws_client c(srv.port());
    ASSERT_TRUE(c.connected()) << c.error();
    ASSERT_TRUE(srv.log().wait_for("connected: new session"));
    EXPECT_TRUE(srv.log().contains(c.token().substr(0, 8)));
    EXPECT_FALSE(srv.log().contains(c.token()));
  }
}

TEST(ServerChat, ReconnectWithTheTokenKeepsTheProfile) {
  running_server srv;
  std::string token;
  {
    ws_client c(srv.port());
    ASSERT_TRUE(c.connected()) << c.error();
    token = c.token();
    ASSERT_TRUE(c.answer_field("werkzame_personen", 12));
    ASSERT_TRUE(c.read());
    c.close();
  }
  ws_client again(srv.port(), "/ws?session=" + token);
  ASSERT_TRUE(again.connected()) << again.error();
  EXPECT_EQ(again.welcome().at("resumed"), true);
  EXPECT_EQ(again.token(), token);
  EXPECT_EQ(again.welcome().at("profile").at("werkzame_personen").to_number<double>(), 12);
  const auto& understood = again.welcome().at("understood").as_array();
  ASSERT_EQ(understood.size(), 1u);
  EXPECT_EQ(understood[0].at("field"), "werkzame_personen");
  EXPECT_FALSE(understood[0].at("label").as_string().empty());
  ASSERT_TRUE(again.ask("lening"));
  auto a = again.read();
  ASSERT_TRUE(a);
  EXPECT_EQ(a->at("answer_id"), "a2");
  EXPECT_EQ(a->at("profile").at("werkzame_personen").to_number<double>(), 12);

  // An unknown or malformed token silently starts a new session.
  for (std::string bad : {std::string(64, 'a'), std::string("xyz"), token + "00"}) {
    ws_client other(srv.port(), "/ws?session=" + bad);
    ASSERT_TRUE(other.connected());
    EXPECT_EQ(other.welcome().at("resumed"), false);
    EXPECT_NE(other.token(), token);
    EXPECT_TRUE(other.welcome().at("profile").as_object().empty());
  }
}

TEST(ServerChat, ASecondConnectionTakesTheSessionOver) {
  running_server srv;
  ws_client first(srv.port());
  ASSERT_TRUE(first.connected()) << first.error();
  ASSERT_TRUE(first.answer_field("werkzame_personen", 4));
  ASSERT_TRUE(first.read());

  ws_client second(srv.port(), "/ws?session=" + first.token());
  ASSERT_TRUE(second.connected()) << second.error();
  EXPECT_EQ(second.welcome().at("resumed"), true);
  EXPECT_EQ(first.read_until_close(10s), 4001);  // documented in docs/protocol.md
  ASSERT_TRUE(second.ask("lening"));
  auto a = second.read();
  ASSERT_TRUE(a);
  EXPECT_EQ(a->at("profile").at("werkzame_personen").to_number<double>(), 4);
}

TEST(ServerChat, IdleSessionsExpire) {
  auto o = test_options();
  o.session_ttl = 200ms;
  o.sweep_interval = 50ms;
  running_server srv(o);
  std::string token;
  {
    ws_client c(srv.port());
    ASSERT_TRUE(c.connected()) << c.error();
    token = c.token();
    c.close();
  }
  ASSERT_TRUE(srv.log().wait_for("idle session(s) expired", 5s));
  auto m = http(srv.port(), "GET", "/metrics");
  EXPECT_NE(m.body.find("finwijzer_sessions 0"), std::string::npos) << m.body;
  ws_client again(srv.port(), "/ws?session=" + token);
  ASSERT_TRUE(again.connected());
  EXPECT_EQ(again.welcome().at("resumed"), false);
}

}  // namespace
