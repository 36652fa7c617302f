#include "bot/server/listener.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include "bot/server/http_session.hpp"

namespace bot::server {

listener::listener(net::io_context& ioc, tcp::endpoint endpoint,
                   std::shared_ptr<shared_state> state)
    : ioc_(ioc),
      acceptor_(net::make_strand(ioc)),
      retry_(acceptor_.get_executor()),
      state_(std::move(state)) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(net::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(net::socket_base::max_listen_connections);
  endpoint_ = acceptor_.local_endpoint();
}

void listener::run() {
  net::post(acceptor_.get_executor(),
            beast::bind_front_handler(&listener::do_accept, shared_from_this()));
}

void listener::stop() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ec;
    self->acceptor_.close(ec);
    self->retry_.cancel();
  });
}

void listener::do_accept() {
  if (!acceptor_.is_open()) return;
  // Each connection gets its own strand, so that handlers of one connection never run at once.
  acceptor_.async_accept(net::make_strand(ioc_),
                         beast::bind_front_handler(&listener::on_accept, shared_from_this()));
}

void listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;  // stopped
  if (ec) {
    fail(state_->log(), "listener", ec, "accept");
    retry_.expires_after(std::chrono::milliseconds(100));
    retry_.async_wait([self = shared_from_this()](beast::error_code e) {
      if (!e) self->do_accept();
    });
    return;
  }
  // Small JSON messages: Nagle plus delayed ACKs would add 40 ms steps (engineering notes 2.6).
  socket.set_option(tcp::no_delay(true), ec);
  std::make_shared<http_session>(std::move(socket), state_)->run();
  do_accept();
}

}  // namespace bot::server
