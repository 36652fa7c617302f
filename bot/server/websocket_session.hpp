/** @file websocket_session.hpp
 *  @brief One chat connection: the protocol of docs/protocol.md over a Beast websocket stream.
 *
 *  Everything here runs on the connection's strand. Questions go to the advisor pool one at a
 *  time, in order (so a quick reply never overtakes the question it answers); their results are
 *  posted back to the strand. Outgoing messages wait in a bounded queue, written one by one.
 */
#pragma once

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <chrono>
#include <deque>
#include <memory>
#include <string>
#include <variant>

#include "bot/server/net.hpp"
#include "bot/server/protocol.hpp"
#include "bot/server/routes.hpp"
#include "bot/server/shared_state.hpp"
#include "bot/server/worker.hpp"

namespace bot::server {

class websocket_session : public connection,
                          public session_owner,
                          public std::enable_shared_from_this<websocket_session> {
 public:
  websocket_session(tcp::socket&& socket, std::shared_ptr<shared_state> state, connection_slot slot,
                    std::uint64_t id);
  ~websocket_session() override;

  /// Completes the handshake of the upgrade request `req` and starts the conversation.
  void run(http_request req);
  void shutdown() override;
  void taken_over() override;

 private:
  using clock = std::chrono::steady_clock;
  using pending = std::variant<job, protocol::reset>;

  void on_accept(beast::error_code ec);
  void do_read();
  void on_read(beast::error_code ec, std::size_t bytes);
  void on_message(std::string_view frame);
  void on_question(job j);
  void on_feedback(const protocol::feedback& f);
  bool allow_question();
  void start_next();
  void on_turn_done(job_result r, clock::time_point received);
  void drop_pending();

  void send(std::string message);
  void send_error(error_code code, std::string_view message = {});
  void do_write();
  void on_write(beast::error_code ec, std::size_t bytes);
  void begin_close(beast::websocket::close_reason reason, bool flush);
  void do_close();
  void on_close(beast::error_code ec);
  void log(std::string_view message) const;

  beast::websocket::stream<beast::tcp_stream> ws_;
  std::shared_ptr<shared_state> state_;
  connection_slot slot_;
  const std::uint64_t id_;
  std::string tag_;  // "c12 3fa2c1d0": connection and the first 8 hex digits of the session
  beast::flat_buffer buffer_;
  net::steady_timer close_timer_;  // a close that does not complete in time ends the TCP socket
  std::string requested_token_;
  std::string token_;
  bool joined_ = false, accepted_ = false, stopping_ = false;

  std::deque<pending> pending_;  // questions and resets waiting for the one in the pool
  bool busy_ = false;            // a question is in the pool
  std::deque<clock::time_point> recent_questions_;  // for the rate limit

  std::deque<std::string> queue_;  // outgoing; the front one is being written
  bool close_pending_ = false, close_sent_ = false;
  beast::websocket::close_reason close_reason_;
};

}  // namespace bot::server
