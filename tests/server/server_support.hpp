// A server on an ephemeral loopback port for the tests, with the shipped corpus indexed once per
// test process and a web root that holds one file of each served type and a few traps.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bot/server/server.hpp"
#include "test_client.hpp"

namespace test {

/// An index of the shipped corpus (generation 1), built on first use, removed at exit.
const std::filesystem::path& shared_index();
/// Builds and publishes the next generation of the shipped corpus in `dir`.
unsigned publish_index(const std::filesystem::path& dir);
/// The web root: index.html, app.js, style.css, data.json, logo.svg, icon.png, favicon.ico,
/// font.woff2, sub/index.html, .hidden.txt, notes.xyz, alias.html -> index.html, and symlinks
/// out of the root: escape.txt -> ../outside/secret.txt, escdir -> ../outside.
const std::filesystem::path& web_root();

/** Collects the server's log lines (and echoes them to stderr for failing tests). */
class log_capture {
 public:
  bot::server::log_sink sink();
  bool contains(std::string_view text) const;
  /// Waits until a line contains `text`. False after `timeout`.
  bool wait_for(std::string_view text, ms timeout = 10s) const;

 private:
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::vector<std::string> lines_;
};

/// Options for a test server: shared index and web root, port 0, one advisor thread.
bot::server::options test_options();

/** A server running on its own thread; stopped and joined at scope exit. */
class running_server {
 public:
  explicit running_server(bot::server::options o = test_options());
  ~running_server();

  unsigned short port() const { return server_->port(); }
  /// Starts the graceful stop (non-blocking).
  void stop() { server_->stop(); }
  /// Waits for run() to return. False after `timeout`.
  bool wait_stopped(ms timeout);
  log_capture& log() { return log_; }

 private:
  log_capture log_;  // first: the server logs into it until it is gone
  std::unique_ptr<bot::server::server> server_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopped_ = false;
};

/// Polls GET /healthz until its generation is `generation`. False after `timeout`.
bool wait_for_generation(unsigned short port, unsigned generation, ms timeout = 30s);

}  // namespace test
