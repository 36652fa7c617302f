// Plain HTTP on the chat port: /healthz, /metrics and the static files, with traversal attempts.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "bot/server/static_files.hpp"
#include "server_support.hpp"

namespace {

using namespace test;
namespace json = boost::json;

TEST(ServerHttp, HealthzShowsGenerationAndUptime) {
  running_server srv;
  auto r = http(srv.port(), "GET", "/healthz");
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.header("content-type"), "application/json");
  auto v = json::parse(r.body).as_object();
  EXPECT_EQ(v.at("status"), "ok");
  EXPECT_EQ(v.at("generation").to_number<int>(), 1);
  EXPECT_GE(v.at("uptime_seconds").to_number<double>(), 0);
  EXPECT_EQ(http(srv.port(), "POST", "/healthz").status, 405);
}

TEST(ServerHttp, MetricsInPrometheusTextFormat) {
  running_server srv;
  {
    ws_client c(srv.port());
    ASSERT_TRUE(c.connected()) << c.error();
    ASSERT_TRUE(c.ask("lening voor een bakkerij"));
    ASSERT_TRUE(c.read());
    ASSERT_TRUE(c.send("{"));
    ASSERT_TRUE(c.read());
    auto r = http(srv.port(), "GET", "/metrics");
    ASSERT_EQ(r.status, 200) << r.error;
    EXPECT_EQ(r.header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    for (const char* line : {
             "# TYPE finwijzer_connections gauge\n",
             "finwijzer_connections 1\n",
             "# TYPE finwijzer_questions_total counter\n",
             "finwijzer_questions_total 1\n",
             "# TYPE finwijzer_answer_latency_seconds histogram\n",
             "finwijzer_answer_latency_seconds_bucket{le=\"+Inf\"} 1\n",
             "finwijzer_answer_latency_seconds_count 1\n",
             "finwijzer_answer_latency_seconds_sum ",
             "# TYPE finwijzer_errors_total counter\n",
             "finwijzer_errors_total{code=\"bad_json\"} 1\n",
             "finwijzer_errors_total{code=\"rate_limited\"} 0\n",
             "finwijzer_index_generation 1\n",
         })
      EXPECT_NE(r.body.find(line), std::string::npos) << line << "\n" << r.body;
  }
  // The gauge goes down when the connection is gone.
  bool down = false;
  for (int i = 0; i < 100 && !down; ++i)
    down = http(srv.port(), "GET", "/metrics").body.find("finwijzer_connections 0\n") !=
           std::string::npos;
  EXPECT_TRUE(down);
}

TEST(ServerHttp, StaticFilesWithTypesAndSecurityHeaders) {
  running_server srv;
  auto r = http(srv.port(), "GET", "/");
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(r.body, "<!doctype html><title>Finwijzer</title>\n");
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.header("content-security-policy"), "default-src 'self'");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("referrer-policy"), "no-referrer");

  const std::pair<const char*, const char*> types[] = {
      {"/index.html", "text/html; charset=utf-8"},
      {"/app.js", "text/javascript; charset=utf-8"},
      {"/style.css", "text/css; charset=utf-8"},
      {"/data.json", "application/json"},
      {"/logo.svg", "image/svg+xml"},
      {"/icon.png", "image/png"},
      {"/favicon.ico", "image/vnd.microsoft.icon"},
      {"/font.woff2", "font/woff2"},
      {"/alias.html", "text/html; charset=utf-8"},  // a symlink inside the root is fine
      {"/sub/", "text/html; charset=utf-8"},
      {"/app.js?v=3", "text/javascript; charset=utf-8"},
  };
  for (const auto& [target, type] : types) {
    auto f = http(srv.port(), "GET", target);
    EXPECT_EQ(f.status, 200) << target;
    EXPECT_EQ(f.header("content-type"), type) << target;
    EXPECT_EQ(f.header("x-content-type-options"), "nosniff") << target;
  }

  auto head = http(srv.port(), "HEAD", "/app.js");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), "22");
  EXPECT_TRUE(head.body.empty());

  for (const char* method : {"POST", "PUT", "DELETE", "OPTIONS"}) {
    auto m = http(srv.port(), method, "/index.html");
    EXPECT_EQ(m.status, 405) << method;
    EXPECT_EQ(m.header("allow"), "GET, HEAD");
  }
  auto ws = http(srv.port(), "GET", "/ws");
  EXPECT_EQ(ws.status, 426);  // the websocket needs an upgrade
}

TEST(ServerHttp, NotFoundIsDutchAndDirectoriesAreNeverListed) {
  running_server srv;
  for (const char* target : {"/bestaat-niet.html", "/sub", "/.hidden.txt", "/notes.xyz",
                             "/%252e%252e/etc/passwd", "/index.html/"}) {
    auto r = http(srv.port(), "GET", target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.body, "Deze pagina bestaat niet.\n") << target;
    EXPECT_EQ(r.header("content-security-policy"), "default-src 'self'");
  }
}

TEST(ServerHttp, TraversalAttemptsNeverLeaveTheWebRoot) {
  running_server srv;
  const std::pair<const char*, int> cases[] = {
      {"/../etc/passwd", 400},
      {"/%2e%2e/x", 400},
      {"/%2E%2E/%2E%2E/etc/passwd", 400},
      {"/..%5cx", 400},
      {"/..%2f..%2fetc/passwd", 400},
      {"/sub/../../etc/passwd", 400},
      {"/./index.html", 400},
      {"/a%00b.html", 400},
      {"/index.html%0a", 400},
      {"/%zz", 400},
      {"/escape.txt", 404},         // a symlink to a file outside the root
      {"/escdir/secret.txt", 404},  // a symlink to a directory outside the root
      {"//etc/passwd", 404},
      {"/etc/passwd", 404},
  };
  for (const auto& [target, status] : cases) {
    auto r = http(srv.port(), "GET", target);
    EXPECT_EQ(r.status, status) << target;
    EXPECT_EQ(r.body.find("outside the web root"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
  }
}

TEST(ServerHttp, UpgradeOnAnotherPathIs404) {
  running_server srv;
  ws_client c(srv.port(), "/chat");
  EXPECT_FALSE(c.connected());
  EXPECT_EQ(c.handshake_status(), 404);
}

TEST(ServerStaticFiles, ResolveWithoutAServer) {
  bot::server::static_files files(web_root());
  EXPECT_EQ(files.resolve("/").status, 200);
  EXPECT_EQ(files.resolve("/").mime, "text/html; charset=utf-8");
  EXPECT_EQ(files.resolve("relative").status, 400);
  EXPECT_EQ(files.resolve("").status, 400);
  EXPECT_EQ(files.resolve("/a\\b").status, 400);
  EXPECT_EQ(files.resolve("/%").status, 400);
  EXPECT_EQ(files.resolve("/%4").status, 400);
  EXPECT_EQ(files.resolve("/index.html#top").status, 200);

  bot::server::static_files none(web_root() / "does-not-exist");
  EXPECT_EQ(none.resolve("/").status, 404);
  EXPECT_EQ(none.resolve("/../x").status, 400);

  std::string out;
  EXPECT_TRUE(bot::server::percent_decode("/a%20b%2F", out));
  EXPECT_EQ(out, "/a b/");
  EXPECT_FALSE(bot::server::percent_decode("/a%2", out));
  EXPECT_EQ(bot::server::mime_type(".js"), "text/javascript; charset=utf-8");
  EXPECT_TRUE(bot::server::mime_type(".exe").empty());
}

}  // namespace
