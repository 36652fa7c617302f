// The limits of docs/protocol.md: message size, question rate, connections, timeouts and the
// outgoing queue of a slow client.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <thread>

#include "server_support.hpp"

namespace {

using namespace test;
namespace json = boost::json;

std::string type_of(const json::object& m) {
  auto it = m.find("type");
  return it != m.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}

TEST(ServerLimits, AMessageOver64KiBClosesWith1009) {
  running_server srv;
  ws_client c(srv.port());
  ASSERT_TRUE(c.connected()) << c.error();
  // Exactly 64 KiB is still read (it is no JSON, so: an error, and the connection stays).
  ASSERT_TRUE(c.send(std::string(64 * 1024, ' ')));
  auto m = c.read();
  ASSERT_TRUE(m) << c.error();
  EXPECT_EQ(m->at("code"), "bad_json");

  std::string big = R"({"type":"ask","text":")" + std::string(65 * 1024, 'a') + "\"}";
  c.send(big);  // the server may close before it has read all of it
  EXPECT_EQ(c.read_until_close(10s), 1009);
  EXPECT_TRUE(srv.log().wait_for("closed with 1009"));
}

TEST(ServerLimits, MoreThanFiveQuestionsPerSecondAreRateLimited) {
  running_server srv;
  ws_client c(srv.port());
  ASSERT_TRUE(c.connected()) << c.error();
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(c.ask("lening " + std::to_string(i)));
  int answers = 0, limited = 0;
  for (int i = 0; i < 7; ++i) {
    auto m = c.read(60s);  // the first turn opens the advisor: allow for a slow sanitizer build
    ASSERT_TRUE(m) << c.error();
    if (type_of(*m) == "answer") ++answers;
    if (type_of(*m) == "error" && m->at("code") == "rate_limited") ++limited;
  }
  EXPECT_EQ(answers, 5);
  EXPECT_EQ(limited, 2);
  // answer_field counts as a question too; the window is one second.
  std::this_thread::sleep_for(1100ms);
  ASSERT_TRUE(c.answer_field("werkzame_personen", 3));
  auto m = c.read();
  ASSERT_TRUE(m);
  EXPECT_EQ(type_of(*m), "answer") << json::serialize(*m);
}

TEST(ServerLimits, MaxConnectionsGives503OnTheUpgrade) {
  auto o = test_options();
  o.max_connections = 2;
  running_server srv(o);
  auto a = std::make_unique<ws_client>(srv.port());
  ws_client b(srv.port());
  ASSERT_TRUE(a->connected() && b.connected());
  ws_client refused(srv.port());
  EXPECT_FALSE(refused.connected());
  EXPECT_EQ(refused.handshake_status(), 503);
  EXPECT_TRUE(srv.log().contains("upgrade refused"));
  // Plain HTTP is not counted.
  EXPECT_EQ(http(srv.port(), "GET", "/healthz").status, 200);

  a->close();
  a.reset();
  bool admitted = false;
  for (int i = 0; i < 100 && !admitted; ++i) {  // the slot frees when the server side is gone
    ws_client later(srv.port());
    admitted = later.connected();
    if (!admitted) std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(admitted);
}

TEST(ServerLimits, AConnectionThatSendsNoRequestIsClosedAfterTheHandshakeTimeout) {
  auto o = test_options();
  o.handshake_timeout = 300ms;
  running_server srv(o);
  const auto start = std::chrono::steady_clock::now();
  tcp_client silent(srv.port());
  ASSERT_TRUE(silent.connected());
  EXPECT_TRUE(silent.closed_by_server(5s));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 250ms);
}

TEST(ServerLimits, IdleTimeoutDropsADeadClientButPingsKeepALiveOneOpen) {
  auto o = test_options();
  o.idle_timeout = 400ms;
  running_server srv(o);

  ws_client live(srv.port());
  ASSERT_TRUE(live.connected()) << live.error();
  // Reading for three idle periods answers the server's pings; then a question still works.
  auto m = live.idle_then_send(1200ms, R"({"type":"reset"})");
  ASSERT_TRUE(m) << live.error();
  EXPECT_EQ(type_of(*m), "ack");

  ws_client dead(srv.port());
  ASSERT_TRUE(dead.connected()) << dead.error();
  std::this_thread::sleep_for(1200ms);  // not reading: the ping goes unanswered
  EXPECT_FALSE(dead.read(5s));
  EXPECT_NE(dead.error().find("read"), std::string::npos);
}

TEST(ServerLimits, ASlowClientIsClosedWith1008WhenItsQueueIsFull) {
  running_server srv;
  ws_client c(srv.port(), "/ws", 4096);  // a small receive buffer fills up soon
  ASSERT_TRUE(c.connected()) << c.error();
  // Each bad frame earns an error message; the client reads none of them.
  bool closed = false;
  for (int batch = 0; batch < 200 && !closed; ++batch) {
    for (int i = 0; i < 500; ++i)
      if (!c.send("x")) break;
    auto m = http(srv.port(), "GET", "/metrics");
    closed = m.body.find("finwijzer_slow_client_closes_total 1") != std::string::npos;
  }
  ASSERT_TRUE(closed);
  EXPECT_EQ(c.read_until_close(20s), 1008);
  EXPECT_TRUE(srv.log().contains("closed with 1008"));
}

}  // namespace
