/** @file options.hpp
 *  @brief Settings of `finwijzer serve`. The defaults are the limits of docs/protocol.md; tests
 *  shorten the timeouts.
 */
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "bot/server/logging.hpp"

namespace bot::server {

using namespace std::chrono_literals;

struct options {
  std::filesystem::path index_dir;
  std::filesystem::path web_dir = "web";
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  ///< 0: any free port (see server::port())

  unsigned io_threads = 1;             ///< Asio threads: accept, HTTP, websocket frames (1-2)
  unsigned worker_threads = 2;         ///< advisor threads, each with its own Xapian handles
  std::size_t max_connections = 1000;  ///< websocket connections; beyond: 503 on the upgrade
  std::size_t max_sessions = 50000;    ///< conversations kept; beyond: the oldest idle one goes
  std::size_t answer_limit = 5;        ///< matches per answer

  std::size_t max_message = 64 * 1024;   ///< bigger frames: close 1009
  std::size_t write_queue_limit = 64;    ///< more queued outgoing messages: close 1008
  std::size_t questions_per_second = 5;  ///< per connection; more: error rate_limited
  std::chrono::steady_clock::duration handshake_timeout = 10s;  ///< HTTP request, ws handshake
  std::chrono::steady_clock::duration idle_timeout = 300s;      ///< no frame (pings keep it open)
  std::chrono::steady_clock::duration session_ttl = 30min;      ///< idle detached conversations
  std::chrono::steady_clock::duration sweep_interval = 60s;
  std::chrono::steady_clock::duration index_check_interval = 1s;
  std::chrono::steady_clock::duration shutdown_grace = 4s;  ///< then stop hard (exit within 5 s)

  bool handle_signals = false;  ///< SIGINT/SIGTERM stop the server (finwijzer serve sets it)
  log_sink log;                 ///< empty: stderr
  /// Test hook: runs on the pool thread before each advisor turn (to hold an answer "in flight").
  std::function<void()> before_turn;
};

}  // namespace bot::server
