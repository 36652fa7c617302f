/** @file http_session.hpp
 *  @brief One HTTP connection: reads requests, answers them through routes.hpp, and hands the
 *  socket to a websocket_session on an upgrade to `/ws`.
 */
#pragma once

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message_generator.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <memory>
#include <optional>
#include <string>

#include "bot/server/net.hpp"
#include "bot/server/shared_state.hpp"

namespace bot::server {

class http_session : public connection, public std::enable_shared_from_this<http_session> {
 public:
  http_session(tcp::socket&& socket, std::shared_ptr<shared_state> state);
  ~http_session() override;

  void run();
  void shutdown() override;

 private:
  void do_read();
  void on_read(beast::error_code ec, std::size_t bytes);
  void on_upgrade();
  void write(beast::http::message_generator&& msg);
  void on_write(bool keep_alive, beast::error_code ec, std::size_t bytes);
  void do_close();
  std::string tag() const;

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::shared_ptr<shared_state> state_;
  std::optional<beast::http::request_parser<beast::http::string_body>> parser_;
  std::uint64_t id_;      // "c12" in logs; the websocket session keeps it
  bool reading_ = false;  // a read is outstanding: shutdown() may cancel it
  bool joined_ = false;
};

}  // namespace bot::server
