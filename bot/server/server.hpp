/** @file server.hpp
 *  @brief `finwijzer serve`: the chat page, the websocket `/ws`, `/healthz` and `/metrics` on one
 *  port (Boost.Beast).
 *
 *  Threads: `io_threads` run Asio (every connection on its own strand); `worker_threads` form a
 *  separate pool for the advisor, each with its own Xapian handles. Answers are posted back to the
 *  connection's strand. See docs/protocol.md for the messages and limits.
 */
#pragma once

#include <memory>

#include "bot/server/options.hpp"

namespace bot::server {

class server {
 public:
  /// Opens the index (if one is published) and starts listening. Throws on a bad address or a
  /// port in use (boost::system::system_error) and on bad options (std::invalid_argument).
  explicit server(options opts);
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// The port listened on (the real one when options::port was 0).
  unsigned short port() const;

  /// Serves until stop() (or SIGINT/SIGTERM with options::handle_signals), then lets answers in
  /// flight finish, closes websockets with 1001 and returns; after options::shutdown_grace it
  /// stops hard. Call once.
  void run();

  /// Starts the graceful stop. Thread-safe; may be called before or during run().
  void stop();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace bot::server
