#include "bot/server/http_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include "bot/server/routes.hpp"
#include "bot/server/websocket_session.hpp"

namespace bot::server {

namespace http = beast::http;

namespace {

constexpr std::size_t body_limit = 16 * 1024;   // GET and HEAD need none; room for a later /api
constexpr std::size_t header_limit = 8 * 1024;  // Beast's default, said out loud
constexpr auto write_timeout = std::chrono::seconds(30);

constexpr std::string_view too_busy =
    "Het is nu erg druk bij Finwijzer. Probeer het over een paar minuten opnieuw.\n";
constexpr std::string_view going_away = "Finwijzer start opnieuw op. Probeer het zo opnieuw.\n";
constexpr std::string_view no_such_socket = "Deze pagina bestaat niet.\n";

}  // namespace

http_session::http_session(tcp::socket&& socket, std::shared_ptr<shared_state> state)
    : stream_(std::move(socket)), state_(std::move(state)), id_(state_->next_connection_id()) {}

http_session::~http_session() {
  if (joined_) state_->leave(this);
}

void http_session::run() {
  joined_ = state_->join(this, weak_from_this());
  if (!joined_) return;  // stopping: the socket closes when this object goes
  // We may be on the listener's strand: start on our own.
  net::dispatch(stream_.get_executor(),
                beast::bind_front_handler(&http_session::do_read, shared_from_this()));
}

void http_session::shutdown() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    // Waiting for the next request of a keep-alive connection: stop waiting. A response being
    // written ends the connection itself, because routes.cpp turns keep-alive off when stopping.
    if (self->reading_) self->stream_.cancel();
  });
}

void http_session::do_read() {
  parser_.emplace();
  parser_->body_limit(body_limit);
  parser_->header_limit(header_limit);
  // The first request of a connection is also the websocket handshake: it must come in time.
  stream_.expires_after(state_->opts().handshake_timeout);
  reading_ = true;
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&http_session::on_read, shared_from_this()));
}

void http_session::on_read(beast::error_code ec, std::size_t) {
  reading_ = false;
  if (ec == http::error::end_of_stream) return do_close();
  if (ec) return fail(state_->log(), tag(), ec, "http read");
  if (beast::websocket::is_upgrade(parser_->get())) return on_upgrade();
  write(handle_request(*state_, parser_->release()));
}

void http_session::on_upgrade() {
  const auto& req = parser_->get();
  if (target_path(req.target()) != websocket_path)
    return write(text_response(req, http::status::not_found, no_such_socket, true));
  if (state_->stopping())
    return write(text_response(req, http::status::service_unavailable, going_away, true));
  auto slot = state_->try_open_slot();
  if (!slot) {
    state_->log()(tag(), "upgrade refused: " + std::to_string(state_->opts().max_connections) +
                             " connections open (--max-connections)");
    return write(text_response(req, http::status::service_unavailable, too_busy, true));
  }
  // The websocket stream has its own timeouts (websocket_session.cpp); the TCP one must be off.
  stream_.expires_never();
  std::make_shared<websocket_session>(stream_.release_socket(), state_, std::move(slot), id_)
      ->run(parser_->release());
}

void http_session::write(http::message_generator&& msg) {
  const bool keep_alive = msg.keep_alive();
  stream_.expires_after(write_timeout);
  beast::async_write(
      stream_, std::move(msg),
      beast::bind_front_handler(&http_session::on_write, shared_from_this(), keep_alive));
}

void http_session::on_write(bool keep_alive, beast::error_code ec, std::size_t) {
  if (ec) return fail(state_->log(), tag(), ec, "http write");
  if (!keep_alive || state_->stopping()) return do_close();
  do_read();
}

void http_session::do_close() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);  // the peer sees a clean end
}

std::string http_session::tag() const {
  std::string t = "c";  // not "c" + …: GCC 12 warns wrongly (-Wrestrict) about that
  t += std::to_string(id_);
  return t;
}

}  // namespace bot::server
