#include "test_client.hpp"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

namespace test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
namespace json = boost::json;
using tcp = net::ip::tcp;
using clock = std::chrono::steady_clock;

namespace {

/// Runs handlers until `done` or the deadline. False on the deadline.
bool pump(net::io_context& ioc, const bool& done, clock::time_point deadline) {
  ioc.restart();
  while (!done)
    if (ioc.run_one_until(deadline) == 0) return done;
  return true;
}

/// Starts one operation with a handler that records its result, and waits for it. On a timeout
/// the socket is closed (so the handler still runs) and timed_out is returned.
template <class Start>
beast::error_code wait(net::io_context& ioc, tcp::socket& sock, Start start, ms timeout) {
  bool done = false;
  beast::error_code result;
  start([&](beast::error_code ec, auto&&...) {
    result = ec;
    done = true;
  });
  if (pump(ioc, done, clock::now() + timeout)) return result;
  beast::error_code ignored;
  sock.close(ignored);
  pump(ioc, done, clock::now() + 5s);
  return net::error::timed_out;
}

const tcp::endpoint loopback(unsigned short port) {
  return {net::ip::make_address("127.0.0.1"), port};
}

}  // namespace

struct ws_client::impl {
  net::io_context ioc;
  websocket::stream<beast::tcp_stream> ws{ioc};
  beast::flat_buffer buf;
  websocket::response_type res;
  bool ok = false;
  bool ended = false;
  bool timed_out = false;
  int close_code = 0;
  std::string error;
  json::object welcome;

  tcp::socket& sock() { return beast::get_lowest_layer(ws).socket(); }
  template <class Start>
  beast::error_code run(Start start, ms timeout) {
    auto ec = wait(ioc, sock(), start, timeout);
    if (ec == net::error::timed_out) {
      timed_out = true;
      ended = true;
    }
    return ec;
  }
};

ws_client::ws_client(unsigned short port, std::string target, int rcvbuf)
    : p_(std::make_unique<impl>()) {
  auto& p = *p_;
  if (rcvbuf > 0) {
    p.sock().open(tcp::v4());
    p.sock().set_option(net::socket_base::receive_buffer_size(rcvbuf));
  }
  auto ec =
      p.run([&](auto&& h) { beast::get_lowest_layer(p.ws).async_connect(loopback(port), h); }, 10s);
  if (ec) {
    p.error = "connect: " + ec.message();
    return;
  }
  p.sock().set_option(tcp::no_delay(true));
  ec = p.run([&](auto&& h) { p.ws.async_handshake(p.res, "127.0.0.1", target, h); }, 10s);
  if (ec) {
    p.error = "handshake: " + ec.message();
    p.ended = true;
    return;
  }
  p.ok = true;
  auto w = read();
  if (!w || !w->contains("type") || w->at("type") != "welcome") {
    ADD_FAILURE() << "no welcome message: " << p.error;
    return;
  }
  p.welcome = std::move(*w);
}

ws_client::~ws_client() = default;

bool ws_client::connected() const {
  return p_->ok;
}
int ws_client::handshake_status() const {
  return static_cast<int>(p_->res.result_int());
}
const json::object& ws_client::welcome() const {
  return p_->welcome;
}
std::string ws_client::token() const {
  auto it = p_->welcome.find("session");
  return it != p_->welcome.end() && it->value().is_string() ? std::string(it->value().as_string())
                                                            : std::string();
}
std::string ws_client::error() const {
  return p_->error;
}
int ws_client::close_code() const {
  return p_->close_code;
}

bool ws_client::send(std::string_view text) {
  auto& p = *p_;
  if (p.ended) return false;
  p.ws.text(true);
  auto ec = p.run([&](auto&& h) { p.ws.async_write(net::buffer(text), h); }, 20s);
  if (ec) p.error = "write: " + ec.message();
  return !ec;
}

bool ws_client::send_binary(std::string_view bytes) {
  auto& p = *p_;
  if (p.ended) return false;
  p.ws.binary(true);
  auto ec = p.run([&](auto&& h) { p.ws.async_write(net::buffer(bytes), h); }, 20s);
  p.ws.text(true);
  if (ec) p.error = "write: " + ec.message();
  return !ec;
}

bool ws_client::send_json(const json::object& o) {
  return send(json::serialize(o));
}

bool ws_client::ask(std::string_view text) {
  return send_json({{"type", "ask"}, {"text", text}});
}

bool ws_client::answer_field(std::string_view field, const json::value& value) {
  return send_json({{"type", "answer_field"}, {"field", field}, {"value", value}});
}

std::optional<json::object> ws_client::read(ms timeout) {
  auto& p = *p_;
  if (p.ended) return std::nullopt;
  auto ec = p.run([&](auto&& h) { p.ws.async_read(p.buf, h); }, timeout);
  if (ec) {
    if (ec == websocket::error::closed) p.close_code = p.ws.reason().code;
    p.error = "read: " + ec.message();
    p.ended = true;
    return std::nullopt;
  }
  const std::string text = beast::buffers_to_string(p.buf.data());
  p.buf.consume(p.buf.size());
  boost::system::error_code jec;
  auto v = json::parse(text, jec);
  if (jec || !v.is_object()) {
    ADD_FAILURE() << "the server sent something that is not a JSON object: " << text;
    return json::object();
  }
  return std::move(v.as_object());
}

int ws_client::read_until_close(ms timeout, std::vector<json::object>* seen) {
  const auto deadline = clock::now() + timeout;
  while (clock::now() < deadline) {
    auto m = read(std::chrono::duration_cast<ms>(deadline - clock::now()));
    if (!m) return p_->timed_out ? -1 : p_->close_code;
    if (seen) seen->push_back(std::move(*m));
  }
  return -1;
}

std::optional<json::object> ws_client::idle_then_send(ms idle, std::string_view text, ms timeout) {
  auto& p = *p_;
  if (p.ended) return std::nullopt;
  bool read_done = false, write_done = false, timer_done = false;
  beast::error_code read_ec;
  p.ws.async_read(p.buf, [&](beast::error_code ec, std::size_t) {
    read_ec = ec;
    read_done = true;
  });
  net::steady_timer timer(p.ioc, idle);
  timer.async_wait([&](beast::error_code ec) {
    if (ec || read_done) {
      timer_done = write_done = true;
      return;
    }
    timer_done = true;
    p.ws.text(true);
    p.ws.async_write(net::buffer(text), [&](beast::error_code, std::size_t) { write_done = true; });
  });
  const bool in_time = pump(p.ioc, read_done, clock::now() + idle + timeout);
  timer.cancel();
  if (!in_time) {
    beast::error_code ignored;
    p.sock().close(ignored);
    p.timed_out = true;
  }
  auto settled = [&] { return read_done && timer_done && write_done; };
  const auto until = clock::now() + 5s;
  p.ioc.restart();
  while (!settled() && p.ioc.run_one_until(until) != 0) {
  }
  if (!in_time || read_ec) {
    if (read_ec == websocket::error::closed) p.close_code = p.ws.reason().code;
    p.error = "read: " + read_ec.message();
    p.ended = true;
    return std::nullopt;
  }
  const std::string s = beast::buffers_to_string(p.buf.data());
  p.buf.consume(p.buf.size());
  auto v = json::parse(s);
  return v.is_object() ? std::optional<json::object>(v.as_object()) : std::nullopt;
}

void ws_client::close() {
  auto& p = *p_;
  if (p.ended) return;
  p.run([&](auto&& h) { p.ws.async_close(websocket::close_code::normal, h); }, 10s);
  p.ended = true;
}

http_reply http(unsigned short port, std::string_view method, std::string_view target, ms timeout) {
  http_reply out;
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  auto& sock = stream.socket();
  const auto deadline = clock::now() + timeout;
  auto left = [&] { return std::chrono::duration_cast<ms>(deadline - clock::now()); };
  auto ec = wait(
      ioc, sock, [&](auto&& h) { stream.async_connect(loopback(port), h); }, left());
  if (ec) {
    out.error = "connect: " + ec.message();
    return out;
  }
  bhttp::request<bhttp::empty_body> req;
  req.method_string(method);
  req.target(target);
  req.version(11);
  req.set(bhttp::field::host, "127.0.0.1");
  req.keep_alive(false);
  ec = wait(
      ioc, sock, [&](auto&& h) { bhttp::async_write(stream, req, h); }, left());
  if (ec) {
    out.error = "write: " + ec.message();
    return out;
  }
  beast::flat_buffer buf;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(16 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);  // a HEAD response has headers only
  ec = wait(
      ioc, sock, [&](auto&& h) { bhttp::async_read(stream, buf, parser, h); }, left());
  if (ec) {
    out.error = "read: " + ec.message();
    return out;
  }
  const auto& res = parser.get();
  out.status = static_cast<int>(res.result_int());
  for (const auto& f : res) {
    std::string name(f.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.headers[name] = std::string(f.value());
  }
  out.body = res.body();
  return out;
}

struct tcp_client::impl {
  net::io_context ioc;
  tcp::socket sock{ioc};
  bool ok = false;
};

tcp_client::tcp_client(unsigned short port) : p_(std::make_unique<impl>()) {
  auto& p = *p_;
  p.ok = !wait(
      p.ioc, p.sock, [&](auto&& h) { p.sock.async_connect(loopback(port), h); }, 5s);
}

tcp_client::~tcp_client() = default;

bool tcp_client::connected() const {
  return p_->ok;
}

bool tcp_client::send(std::string_view bytes) {
  auto& p = *p_;
  return !wait(
      p.ioc, p.sock, [&](auto&& h) { net::async_write(p.sock, net::buffer(bytes), h); }, 5s);
}

std::string tcp_client::read_some(ms timeout) {
  auto& p = *p_;
  std::string out(64 * 1024, '\0');
  std::size_t n = 0;
  auto ec = wait(
      p.ioc, p.sock,
      [&](auto&& h) {
        p.sock.async_read_some(net::buffer(out), [&n, h](beast::error_code e, std::size_t got) {
          n = got;
          h(e);
        });
      },
      timeout);
  out.resize(ec ? 0 : n);
  return out;
}

bool tcp_client::closed_by_server(ms timeout) {
  auto& p = *p_;
  const auto deadline = clock::now() + timeout;
  char buf[4096];
  while (clock::now() < deadline) {
    auto ec = wait(
        p.ioc, p.sock, [&](auto&& h) { p.sock.async_read_some(net::buffer(buf), h); },
        std::chrono::duration_cast<ms>(deadline - clock::now()));
    if (ec == net::error::timed_out) return false;
    if (ec) return true;  // end of file or reset: the server closed it
  }
  return false;
}

}  // namespace test
