#include "bot/server/metrics.hpp"

#include <cstdio>

namespace bot::server {

std::string_view to_string(error_code c) {
  switch (c) {
    case error_code::bad_json:
      return "bad_json";
    case error_code::unknown_type:
      return "unknown_type";
    case error_code::bad_request:
      return "bad_request";
    case error_code::rate_limited:
      return "rate_limited";
    case error_code::unavailable:
      return "unavailable";
    case error_code::internal:
      return "internal";
  }
  return "internal";
}

void metrics::answered(double seconds) {
  std::size_t i = 0;
  while (i < latency_buckets.size() && seconds > latency_buckets[i]) ++i;
  ++bucket_counts_[i];
  latency_sum_ += seconds;
  ++questions_;
}

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

void family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

}  // namespace

std::string metrics::render(const metrics_snapshot& s) const {
  std::string out;
  family(out, "finwijzer_connections", "gauge", "Open websocket connections.");
  out += "finwijzer_connections " + std::to_string(connections_.load()) + "\n";
  family(out, "finwijzer_sessions", "gauge", "Conversations kept in memory.");
  out += "finwijzer_sessions " + std::to_string(s.sessions) + "\n";
  family(out, "finwijzer_questions_total", "counter", "Answered ask and answer_field messages.");
  out += "finwijzer_questions_total " + std::to_string(questions_.load()) + "\n";

  family(out, "finwijzer_answer_latency_seconds", "histogram",
         "Time from receiving a question to queueing its answer.");
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i <= latency_buckets.size(); ++i) {
    cumulative += bucket_counts_[i].load();
    const std::string le = i < latency_buckets.size() ? number(latency_buckets[i]) : "+Inf";
    out += "finwijzer_answer_latency_seconds_bucket{le=\"" + le + "\"} " +
           std::to_string(cumulative) + "\n";
  }
  out += "finwijzer_answer_latency_seconds_sum " + number(latency_sum_.load()) + "\n";
  out += "finwijzer_answer_latency_seconds_count " + std::to_string(cumulative) + "\n";

  family(out, "finwijzer_errors_total", "counter", "Error messages sent, by protocol code.");
  for (std::size_t i = 0; i < error_code_count; ++i)
    out += "finwijzer_errors_total{code=\"" + std::string(to_string(static_cast<error_code>(i))) +
           "\"} " + std::to_string(errors_[i].load()) + "\n";

  family(out, "finwijzer_feedback_total", "counter", "Feedback on answers, by thumbs up or down.");
  out +=
      "finwijzer_feedback_total{useful=\"true\"} " + std::to_string(feedback_useful_.load()) + "\n";
  out += "finwijzer_feedback_total{useful=\"false\"} " +
         std::to_string(feedback_not_useful_.load()) + "\n";
  family(out, "finwijzer_slow_client_closes_total", "counter",
         "Connections closed with 1008 because their outgoing queue was full.");
  out += "finwijzer_slow_client_closes_total " + std::to_string(slow_clients_.load()) + "\n";

  family(out, "finwijzer_index_generation", "gauge", "Index generation in use (0: none).");
  out += "finwijzer_index_generation " + std::to_string(s.index_generation) + "\n";
  family(out, "finwijzer_uptime_seconds", "gauge", "Seconds since the server started.");
  out += "finwijzer_uptime_seconds " + number(s.uptime_seconds) + "\n";
  return out;
}

}  // namespace bot::server
