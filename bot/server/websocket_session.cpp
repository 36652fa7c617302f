#include "bot/server/websocket_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

namespace bot::server {

namespace websocket = beast::websocket;

namespace {

constexpr std::size_t max_pending = 16;  // questions and resets waiting behind the one in work
constexpr std::uint16_t taken_over_code = 4001;

/// The `session` parameter of "/ws?session=…&…", or empty.
std::string session_param(std::string_view target) {
  const auto q = target.find('?');
  if (q == std::string_view::npos) return {};
  std::string_view query = target.substr(q + 1);
  query = query.substr(0, query.find('#'));
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    if (pair.substr(0, 8) == "session=") return std::string(pair.substr(8));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return {};
}

}  // namespace

websocket_session::websocket_session(tcp::socket&& socket, std::shared_ptr<shared_state> state,
                                     connection_slot slot, std::uint64_t id)
    : ws_(std::move(socket)),
      state_(std::move(state)),
      slot_(std::move(slot)),
      id_(id),
      tag_(std::string("c").append(std::to_string(id))),
      close_timer_(ws_.get_executor()) {}

websocket_session::~websocket_session() {
  if (!token_.empty()) state_->sessions().detach(token_, id_);
  if (accepted_) {
    state_->stats().connection_closed();
    try {
      log("connection closed");
    } catch (...) {  // nothing useful to do about a log line that failed
    }
  }
  if (joined_) state_->leave(this);
}

void websocket_session::log(std::string_view message) const {
  state_->log()(tag_, message);
}

void websocket_session::run(http_request req) {
  joined_ = state_->join(this, weak_from_this());
  if (!joined_) return;
  requested_token_ = session_param(req.target());
  const auto& o = state_->opts();
  websocket::stream_base::timeout t;
  t.handshake_timeout = o.handshake_timeout;
  t.idle_timeout = o.idle_timeout;
  t.keep_alive_pings = true;  // a live client answers the ping; a dead one is dropped
  ws_.set_option(t);
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& res) { res.set(beast::http::field::server, "finwijzer"); }));
  ws_.read_message_max(o.max_message);
  // Beast copies what it needs from `req` before this returns.
  ws_.async_accept(req,
                   beast::bind_front_handler(&websocket_session::on_accept, shared_from_this()));
}

void websocket_session::on_accept(beast::error_code ec) {
  if (ec) return fail(state_->log(), tag_, ec, "websocket handshake");
  accepted_ = true;
  state_->stats().connection_opened();
  if (stopping_) return begin_close(websocket::close_code::going_away, true);

  auto a = state_->sessions().attach(requested_token_, id_, weak_from_this());
  token_ = a.token;
  tag_ += " ";
  tag_ += token_tag(token_);
  if (auto previous = a.previous.lock()) previous->taken_over();
  if (a.resumed)
    log("connected: session resumed");
  else if (!requested_token_.empty())
    log("connected: unknown or expired session, new session");
  else
    log("connected: new session");
  auto snap = state_->index().loaded();
  send(protocol::welcome(token_, a.resumed, a.conv, snap ? &snap->corpus.fields : nullptr));
  do_read();
}

void websocket_session::do_read() {
  ws_.async_read(buffer_,
                 beast::bind_front_handler(&websocket_session::on_read, shared_from_this()));
}

void websocket_session::on_read(beast::error_code ec, std::size_t) {
  if (ec == websocket::error::closed) {
    const auto& r = ws_.reason();
    if (!close_sent_) log("closed by the client (" + std::to_string(r.code) + ")");
    return;
  }
  if (ec == websocket::error::message_too_big) {
    // Beast has already sent the close frame with 1009.
    return log("message over " + std::to_string(state_->opts().max_message) +
               " bytes: closed with 1009");
  }
  if (ec) return fail(state_->log(), tag_, ec, "websocket read");

  std::string frame = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  if (!close_pending_) {
    if (ws_.got_text())
      on_message(frame);
    else
      send_error(error_code::bad_json);  // the protocol is JSON text frames only
  }
  do_read();  // after our close frame, this reads until the client's close frame
}

void websocket_session::on_message(std::string_view frame) {
  auto parsed = protocol::parse(frame);
  if (const auto* refused = std::get_if<protocol::refusal>(&parsed))
    return send_error(refused->code, refused->message);
  auto& req = std::get<protocol::request>(parsed);
  if (auto* a = std::get_if<protocol::ask>(&req)) {
    job j;
    j.what = job::kind::ask;
    j.text = std::move(a->text);
    on_question(std::move(j));
  } else if (auto* f = std::get_if<protocol::answer_field>(&req)) {
    job j;
    j.what = job::kind::answer_field;
    j.field = std::move(f->field);
    j.value = std::move(f->value);
    on_question(std::move(j));
  } else if (std::holds_alternative<protocol::reset>(req)) {
    if (pending_.size() >= max_pending) return send_error(error_code::rate_limited);
    pending_.emplace_back(protocol::reset{});
    start_next();
  } else {
    on_feedback(std::get<protocol::feedback>(req));
  }
}

bool websocket_session::allow_question() {
  const auto now = clock::now();
  while (!recent_questions_.empty() && now - recent_questions_.front() >= std::chrono::seconds(1))
    recent_questions_.pop_front();
  if (recent_questions_.size() >= state_->opts().questions_per_second) return false;
  recent_questions_.push_back(now);
  return true;
}

void websocket_session::on_question(job j) {
  if (stopping_) return send_error(error_code::unavailable);
  if (!allow_question() || pending_.size() >= max_pending) {
    log("question dropped: rate limit");
    return send_error(error_code::rate_limited);
  }
  j.received = clock::now();
  pending_.emplace_back(std::move(j));
  start_next();
}

void websocket_session::on_feedback(const protocol::feedback& f) {
  if (!state_->sessions().issued(token_, f.answer_number))
    return send_error(error_code::bad_request, "Dit antwoord ken ik niet.");
  state_->stats().feedback(f.useful);
  std::string line = "feedback on " + f.answer_id + ": " + (f.useful ? "useful" : "not useful");
  // Serialised as JSON so that a comment cannot break the one-line-per-event log.
  if (!f.comment.empty())
    line += ", comment " + boost::json::serialize(boost::json::string(f.comment));
  log(line);
  send(protocol::ack("feedback"));
}

void websocket_session::start_next() {
  while (!busy_ && !pending_.empty() && !close_pending_) {
    pending next = std::move(pending_.front());
    pending_.pop_front();
    if (std::holds_alternative<protocol::reset>(next)) {
      if (state_->sessions().reset(token_, id_)) {
        log("conversation reset");
        send(protocol::ack("reset"));
      }
      continue;
    }
    auto conv = state_->sessions().get(token_, id_);
    if (!conv) continue;  // taken over: the new connection has the conversation now
    busy_ = true;
    // Only plain data crosses to the pool: the job, a copy of the conversation, the state
    // (thread-safe). `self` just keeps this object alive; the pool thread never touches it. The
    // tracked executor keeps the io_context from running out of work while the turn runs.
    net::post(
        state_->pool(),
        [self = shared_from_this(), state = state_, j = std::move(std::get<job>(next)),
         conv = std::move(*conv),
         ex = net::prefer(ws_.get_executor(), net::execution::outstanding_work.tracked)]() mutable {
          if (state->opts().before_turn) state->opts().before_turn();
          auto r = run_job(state->index(), j, std::move(conv), state->opts().answer_limit);
          net::post(ex,
                    [self = std::move(self), r = std::move(r), received = j.received]() mutable {
                      self->on_turn_done(std::move(r), received);
                    });
        });
  }
}

void websocket_session::on_turn_done(job_result r, clock::time_point received) {
  busy_ = false;
  const double seconds = std::chrono::duration<double>(clock::now() - received).count();
  if (r.error) {
    if (!r.detail.empty()) log(std::string(to_string(*r.error)) + ": " + r.detail);
    send_error(*r.error, r.message);
  } else if (auto n = state_->sessions().commit(token_, id_, std::move(r.conv))) {
    state_->stats().answered(seconds);
    const auto matches = r.body.contains("matches") && r.body.at("matches").is_array()
                             ? r.body.at("matches").as_array().size()
                             : 0;
    log("answer a" + std::to_string(*n) + ": " + std::to_string(matches) + " match(es) in " +
        std::to_string(static_cast<long>(seconds * 1000)) + " ms (generation " +
        std::to_string(r.generation) + ")");
    send(protocol::answer(*n, r.body));
  }
  if (stopping_) {
    drop_pending();
    return begin_close(websocket::close_code::going_away, true);
  }
  start_next();
}

void websocket_session::drop_pending() {
  for (auto& p : pending_)
    if (std::holds_alternative<job>(p)) send_error(error_code::unavailable);
  pending_.clear();
}

void websocket_session::shutdown() {
  net::post(ws_.get_executor(), [self = shared_from_this()] {
    self->stopping_ = true;
    if (!self->accepted_) return;  // on_accept closes right after the handshake
    self->drop_pending();
    // An answer in the pool is still sent: on_turn_done closes after it.
    if (!self->busy_) self->begin_close(websocket::close_code::going_away, true);
  });
}

void websocket_session::taken_over() {
  net::post(ws_.get_executor(), [self = shared_from_this()] {
    self->log("session taken over by another connection");
    self->pending_.clear();
    websocket::close_reason why(taken_over_code);
    why.reason = "session taken over";
    self->begin_close(why, true);
  });
}

void websocket_session::send(std::string message) {
  if (close_pending_) return;
  if (queue_.size() >= state_->opts().write_queue_limit) {
    state_->stats().slow_client();
    log("client reads too slowly (" + std::to_string(queue_.size()) +
        " messages queued): closed with 1008");
    return begin_close(websocket::close_code::policy_error, false);
  }
  queue_.push_back(std::move(message));
  if (queue_.size() == 1) do_write();
}

void websocket_session::send_error(error_code code, std::string_view message) {
  state_->stats().error(code);
  send(protocol::error(code, message));
}

void websocket_session::do_write() {
  ws_.text(true);
  ws_.async_write(net::buffer(queue_.front()),
                  beast::bind_front_handler(&websocket_session::on_write, shared_from_this()));
}

void websocket_session::on_write(beast::error_code ec, std::size_t) {
  if (ec) return fail(state_->log(), tag_, ec, "websocket write");
  queue_.pop_front();
  if (!queue_.empty()) return do_write();
  if (close_pending_ && !close_sent_) do_close();
}

void websocket_session::begin_close(websocket::close_reason reason, bool flush) {
  if (close_pending_) return;
  close_pending_ = true;
  close_reason_ = reason;
  // Keep only the message being written when the rest should not wait (a slow client).
  if (!flush && queue_.size() > 1) queue_.erase(queue_.begin() + 1, queue_.end());
  if (queue_.empty()) do_close();
  // Whatever happens (a client that neither reads nor answers the close), the socket goes.
  close_timer_.expires_after(state_->opts().handshake_timeout);
  close_timer_.async_wait([weak = weak_from_this()](beast::error_code ec) {
    if (ec) return;
    if (auto self = weak.lock()) {
      self->log("close did not complete in time: connection dropped");
      beast::error_code ignored;
      beast::get_lowest_layer(self->ws_).socket().close(ignored);
    }
  });
}

void websocket_session::do_close() {
  close_sent_ = true;
  ws_.async_close(close_reason_,
                  beast::bind_front_handler(&websocket_session::on_close, shared_from_this()));
}

void websocket_session::on_close(beast::error_code ec) {
  if (ec) return fail(state_->log(), tag_, ec, "websocket close");
  log("closed by the server (" + std::to_string(close_reason_.code) + ")");
}

}  // namespace bot::server
