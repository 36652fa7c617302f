/** @file logging.hpp
 *  @brief One line per event on stderr (or a sink the tests capture), in English.
 *
 *  Lines carry a tag that names the connection and the session by its first 8 hex digits; the full
 *  token is a secret (whoever has it can resume the conversation) and is never logged.
 */
#pragma once

#include <boost/system/error_code.hpp>

#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace bot::server {

/// Receives one finished line without a newline. Called from any thread, one call at a time.
using log_sink = std::function<void(std::string_view line)>;

class logger {
 public:
  /// An empty sink writes to stderr.
  explicit logger(log_sink sink = {});

  /// Writes "2026-11-27T10:15:02Z [tag] message". Thread-safe.
  void operator()(std::string_view tag, std::string_view message) const;

 private:
  log_sink sink_;
  mutable std::mutex mu_;  // keeps lines whole when several threads log at once
};

/// Reports a failed operation, as Beast's examples do; quiet for the errors that only mean "the
/// connection ended" (operation_aborted, end of stream, closed), which are normal events here.
void fail(const logger& log, std::string_view tag, boost::system::error_code ec,
          std::string_view what);

/// The session's log name: the first 8 hex digits of its token.
inline std::string_view token_tag(std::string_view token) {
  return token.substr(0, 8);
}

}  // namespace bot::server
