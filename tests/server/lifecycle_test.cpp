// Stopping gracefully (in process and by SIGTERM) and picking up newly published indexes.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <future>
#include <regex>

#include "server_support.hpp"
#include "test_support.hpp"

extern char** environ;

namespace {

using namespace test;
namespace json = boost::json;
using clock_type = std::chrono::steady_clock;

std::string type_of(const json::object& m) {
  auto it = m.find("type");
  return it != m.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
}

TEST(ServerLifecycle, StopLetsTheAnswerInFlightFinishThenClosesWith1001) {
  std::promise<void> started, go;
  auto go_future = go.get_future().share();
  std::atomic<bool> first{true};
  auto o = test_options();
  o.before_turn = [&, go_future] {
    if (!first.exchange(false)) return;
    started.set_value();
    go_future.wait_for(10s);  // bounded: the test releases it long before
  };
  running_server srv(o);
  ws_client c(srv.port());
  ASSERT_TRUE(c.connected()) << c.error();
  ASSERT_TRUE(c.ask("borgstelling voor een lening"));
  ASSERT_EQ(started.get_future().wait_for(30s), std::future_status::ready);

  const auto stop_at = clock_type::now();
  srv.stop();
  // Every connection has been told to stop before the answer comes back.
  ASSERT_TRUE(srv.log().wait_for("stopping: 1 connection(s) to finish"));
  EXPECT_FALSE(ws_client(srv.port()).connected());  // no longer accepting
  go.set_value();

  std::vector<json::object> seen;
  EXPECT_EQ(c.read_until_close(10s, &seen), 1001);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(type_of(seen[0]), "answer");
  EXPECT_EQ(seen[0].at("answer_id"), "a1");
  EXPECT_FALSE(seen[0].at("matches").as_array().empty());
  EXPECT_TRUE(srv.wait_stopped(5s));
  EXPECT_LT(clock_type::now() - stop_at, 5s);
}

TEST(ServerLifecycle, StopClosesIdleConnectionsAndKeepAliveHttp) {
  running_server srv;
  ws_client a(srv.port()), b(srv.port());
  ASSERT_TRUE(a.connected() && b.connected());
  tcp_client keep_alive(srv.port());  // waits for its next request: it must not hold the stop up
  ASSERT_TRUE(keep_alive.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  EXPECT_NE(keep_alive.read_some().find("200 OK"), std::string::npos);
  const auto stop_at = clock_type::now();
  srv.stop();
  EXPECT_EQ(a.read_until_close(5s), 1001);
  EXPECT_EQ(b.read_until_close(5s), 1001);
  EXPECT_TRUE(keep_alive.closed_by_server(5s));
  EXPECT_TRUE(srv.wait_stopped(5s));
  EXPECT_LT(clock_type::now() - stop_at, 2s);  // nothing to wait for: no need for the deadline
}

/// Reads the child's stderr until a line matches `re` or the deadline passes.
std::string read_until(int fd, const std::regex& re, std::string& all, ms timeout) {
  const auto deadline = clock_type::now() + timeout;
  std::smatch m;
  while (clock_type::now() < deadline) {
    if (std::regex_search(all, m, re)) return m[1].str();
    pollfd p{fd, POLLIN, 0};
    const auto left = std::chrono::duration_cast<ms>(deadline - clock_type::now()).count();
    if (::poll(&p, 1, static_cast<int>(std::max<long>(left, 1))) <= 0) continue;
    char buf[4096];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    all.append(buf, static_cast<std::size_t>(n));
  }
  return std::regex_search(all, m, re) ? m[1].str() : std::string();
}

TEST(ServerLifecycle, SigtermStopsTheProgramWithExitStatus0) {
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  const std::string index = shared_index().string(), web = web_root().string();
  std::vector<std::string> args = {FINWIJZER_BINARY, "serve", "--index",      index,
                                   "--web",          web,     "--listen",     "127.0.0.1:0",
                                   "--threads",      "1",     "--io-threads", "1"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, FINWIJZER_BINARY, &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);

  std::string log;
  const std::string port =
      read_until(pipe_fds[0], std::regex("listening on 127\\.0\\.0\\.1:(\\d+)"), log, 60s);
  ASSERT_FALSE(port.empty()) << log;
  {
    ws_client c(static_cast<unsigned short>(std::stoi(port)));
    ASSERT_TRUE(c.connected()) << c.error();
    ASSERT_TRUE(c.ask("lening"));
    auto a = c.read(60s);
    ASSERT_TRUE(a);
    EXPECT_EQ(type_of(*a), "answer");
    const auto sent = clock_type::now();
    ASSERT_EQ(::kill(pid, SIGTERM), 0);
    EXPECT_EQ(c.read_until_close(5s), 1001);
    int status = -1;
    pid_t done = 0;
    while ((done = ::waitpid(pid, &status, WNOHANG)) == 0 && clock_type::now() - sent < 5s)
      std::this_thread::sleep_for(10ms);
    if (done == 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      ADD_FAILURE() << "still running 5 s after SIGTERM";
    }
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  }
  read_until(pipe_fds[0], std::regex("(stopped)"), log, 2s);
  EXPECT_NE(log.find("SIGTERM: stopping"), std::string::npos) << log;
  EXPECT_NE(log.find("] stopped"), std::string::npos) << log;
  ::close(pipe_fds[0]);
}

TEST(ServerLifecycle, ANewlyPublishedIndexIsPickedUpWithoutARestart) {
  temp_dir dir;
  auto o = test_options();
  o.index_dir = dir.path();
  o.index_check_interval = 50ms;
  running_server srv(o);

  // No index yet: the chat still connects, questions are 'unavailable'.
  auto h = json::parse(http(srv.port(), "GET", "/healthz").body).as_object();
  EXPECT_EQ(h.at("status"), "no_index");
  EXPECT_EQ(h.at("generation").to_number<int>(), 0);
  ws_client c(srv.port());
  ASSERT_TRUE(c.connected()) << c.error();
  ASSERT_TRUE(c.ask("lening"));
  auto u = c.read();
  ASSERT_TRUE(u);
  EXPECT_EQ(u->at("code"), "unavailable");

  ASSERT_EQ(publish_index(dir.path()), 1u);
  ASSERT_TRUE(wait_for_generation(srv.port(), 1));
  ASSERT_TRUE(c.ask("lening"));
  auto a = c.read(60s);
  ASSERT_TRUE(a);
  EXPECT_EQ(type_of(*a), "answer");

  ASSERT_EQ(publish_index(dir.path()), 2u);
  ASSERT_TRUE(wait_for_generation(srv.port(), 2));
  EXPECT_TRUE(srv.log().contains("generation 2 loaded"));
  ASSERT_TRUE(c.ask("borgstelling"));
  auto b = c.read(60s);
  ASSERT_TRUE(b);
  EXPECT_EQ(type_of(*b), "answer");
  EXPECT_TRUE(srv.log().wait_for("(generation 2)"));  // the pool thread rebuilt its advisor
}

}  // namespace
