// Loopback clients for the server tests: a websocket client and a one-shot HTTP request.
// Every wait is bounded; Beast stays in test_client.cpp so the test files compile quickly.
#pragma once

#include <boost/json/object.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace test {

using namespace std::chrono_literals;
using ms = std::chrono::milliseconds;

class ws_client {
 public:
  /// Connects to 127.0.0.1:`port` and does the websocket handshake for `target`. A `rcvbuf` > 0
  /// shrinks the socket's receive buffer (a slow client fills up sooner).
  explicit ws_client(unsigned short port, std::string target = "/ws", int rcvbuf = 0);
  ~ws_client();
  ws_client(const ws_client&) = delete;
  ws_client& operator=(const ws_client&) = delete;

  bool connected() const;
  /// HTTP status of the handshake response (101 on success, 503 when refused, 0: none).
  int handshake_status() const;
  /// The welcome message (read by the constructor).
  const boost::json::object& welcome() const;
  std::string token() const;
  std::string error() const;

  bool send(std::string_view text);
  bool send_binary(std::string_view bytes);
  bool send_json(const boost::json::object& o);
  /// The next message. Nothing on a close, an error or a timeout (see close_code(), error()).
  std::optional<boost::json::object> read(ms timeout = 20s);
  /// Reads messages until the server closes. Returns the close code, 0 when the connection ended
  /// without a close frame, -1 on a timeout. Messages read on the way go to `seen`.
  int read_until_close(ms timeout = 20s, std::vector<boost::json::object>* seen = nullptr);
  /// Keeps a read outstanding for `wait` (so pings are answered, as a live browser does), then
  /// sends `text`; returns the first message that arrives (nothing when the connection ended).
  std::optional<boost::json::object> idle_then_send(ms wait, std::string_view text,
                                                    ms timeout = 20s);
  int close_code() const;
  /// Sends a normal close (1000) and waits for the server's reply.
  void close();

  /// Shorthands: {"type":"ask","text":…} and {"type":"answer_field",…}.
  bool ask(std::string_view text);
  bool answer_field(std::string_view field, const boost::json::value& value);

 private:
  struct impl;
  std::unique_ptr<impl> p_;
};

struct http_reply {
  int status = 0;                              ///< 0: no response (see error)
  std::map<std::string, std::string> headers;  ///< lower-case names
  std::string body;
  std::string error;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

/// One request on a fresh connection; the target is sent exactly as given.
http_reply http(unsigned short port, std::string_view method, std::string_view target,
                ms timeout = 10s);

/** A bare TCP connection: for clients that say nothing, or keep an HTTP connection alive. */
class tcp_client {
 public:
  explicit tcp_client(unsigned short port);
  ~tcp_client();
  tcp_client(const tcp_client&) = delete;
  tcp_client& operator=(const tcp_client&) = delete;

  bool connected() const;
  bool send(std::string_view bytes);
  /// What arrives within `timeout` (at least one read; empty on a close or a timeout).
  std::string read_some(ms timeout = 10s);
  /// Reads and discards until the server closes the connection. False after `timeout`.
  bool closed_by_server(ms timeout);

 private:
  struct impl;
  std::unique_ptr<impl> p_;
};

}  // namespace test
