/** @file metrics.hpp
 *  @brief Counters for `GET /metrics` in the Prometheus text format (version 0.0.4).
 *
 *  Plain atomics: every I/O and pool thread updates them without a lock; a scrape reads each
 *  value once, so a scrape taken during an update may be off by one, which Prometheus tolerates.
 */
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace bot::server {

/// The error codes of docs/protocol.md, in table order.
enum class error_code { bad_json, unknown_type, bad_request, rate_limited, unavailable, internal };
inline constexpr std::size_t error_code_count = 6;
std::string_view to_string(error_code c);

/// What the scrape shows besides the counters.
struct metrics_snapshot {
  unsigned index_generation = 0;  ///< loaded generation, 0 when none
  double uptime_seconds = 0;
  std::size_t sessions = 0;  ///< conversations kept, attached or not
};

class metrics {
 public:
  /// Upper bounds of the answer latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 11> latency_buckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                             0.5,   1,    2.5,   5,    10};

  void connection_opened() { ++connections_; }
  void connection_closed() { --connections_; }
  long connections() const { return connections_; }
  /// One answered `ask` or `answer_field`; `seconds` from receipt to the answer being queued.
  void answered(double seconds);
  void error(error_code c) { ++errors_[static_cast<std::size_t>(c)]; }
  void feedback(bool useful) { ++(useful ? feedback_useful_ : feedback_not_useful_); }
  /// A connection closed because its outgoing queue overflowed (code 1008).
  void slow_client() { ++slow_clients_; }
  std::uint64_t questions() const { return questions_; }
  std::uint64_t errors(error_code c) const { return errors_[static_cast<std::size_t>(c)]; }

  /// The whole exposition text.
  std::string render(const metrics_snapshot& s) const;

 private:
  std::atomic<long> connections_{0};
  std::atomic<std::uint64_t> questions_{0};
  std::array<std::atomic<std::uint64_t>, latency_buckets.size() + 1>
      bucket_counts_{};  // last: +Inf
  std::atomic<double> latency_sum_{0};
  std::array<std::atomic<std::uint64_t>, error_code_count> errors_{};
  std::atomic<std::uint64_t> feedback_useful_{0}, feedback_not_useful_{0};
  std::atomic<std::uint64_t> slow_clients_{0};
};

}  // namespace bot::server
