/** @file listener.hpp
 *  @brief Accepts TCP connections and starts an http_session for each, on its own strand.
 */
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>

#include "bot/server/net.hpp"
#include "bot/server/shared_state.hpp"

namespace bot::server {

class listener : public std::enable_shared_from_this<listener> {
 public:
  /// Opens, binds and listens; throws boost::system::system_error (port in use, bad address).
  listener(net::io_context& ioc, tcp::endpoint endpoint, std::shared_ptr<shared_state> state);

  void run();
  /// Stops accepting (thread-safe). Open connections are not touched.
  void stop();
  tcp::endpoint local_endpoint() const { return endpoint_; }

 private:
  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket);

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  net::steady_timer retry_;  // after EMFILE and the like, wait a little instead of spinning
  std::shared_ptr<shared_state> state_;
  tcp::endpoint endpoint_;
};

}  // namespace bot::server
