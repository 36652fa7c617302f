#include "bot/server/logging.hpp"

#include <boost/asio/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/websocket/error.hpp>

#include <chrono>
#include <ctime>
#include <iostream>

namespace bot::server {

logger::logger(log_sink sink) : sink_(std::move(sink)) {}

void logger::operator()(std::string_view tag, std::string_view message) const {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
  std::string line = stamp;
  line += " [";
  line += tag;
  line += "] ";
  line += message;
  std::lock_guard lock(mu_);
  if (sink_) {
    sink_(line);
  } else {
    line += '\n';
    std::cerr << line << std::flush;
  }
}

void fail(const logger& log, std::string_view tag, boost::system::error_code ec,
          std::string_view what) {
  // We cancelled it ourselves, or the peer ended the conversation the normal way.
  if (ec == boost::asio::error::operation_aborted || ec == boost::beast::websocket::error::closed ||
      ec == boost::beast::http::error::end_of_stream)
    return;
  log(tag, std::string(what) + ": " + ec.message());
}

}  // namespace bot::server
