#include "bot/server/shared_state.hpp"

#include <vector>

namespace bot::server {

shared_state::shared_state(options opts, boost::asio::thread_pool& pool)
    : opts_(std::move(opts)),
      log_(opts_.log),
      sessions_(opts_.session_ttl, opts_.max_sessions),
      index_(opts_.index_dir, opts_.index_check_interval, log_),
      files_(opts_.web_dir),
      pool_(pool) {}

connection_slot shared_state::try_open_slot() {
  std::size_t n = open_slots_.load();
  do {
    if (n >= opts_.max_connections) return connection_slot();
  } while (!open_slots_.compare_exchange_weak(n, n + 1));
  return connection_slot(&open_slots_);
}

double shared_state::uptime_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

metrics_snapshot shared_state::snapshot_for_metrics() const {
  metrics_snapshot s;
  s.index_generation = index_.loaded_generation();
  s.uptime_seconds = uptime_seconds();
  s.sessions = sessions_.size();
  return s;
}

bool shared_state::join(connection* c, std::weak_ptr<connection> ref) {
  std::lock_guard lock(mu_);
  if (stopping_) return false;
  live_.emplace(c, std::move(ref));
  return true;
}

void shared_state::leave(connection* c) {
  std::lock_guard lock(mu_);
  live_.erase(c);
  if (live_.empty()) idle_.notify_all();
}

void shared_state::begin_shutdown() {
  std::vector<std::weak_ptr<connection>> all;
  {
    std::lock_guard lock(mu_);
    if (stopping_.exchange(true)) return;
    all.reserve(live_.size());
    for (const auto& [c, ref] : live_) all.push_back(ref);
  }
  // Outside the lock: a connection's shutdown() may end it, and its destructor calls leave().
  for (const auto& ref : all)
    if (auto c = ref.lock()) c->shutdown();
  log_("server", "stopping: " + std::to_string(all.size()) + " connection(s) to finish");
}

bool shared_state::wait_until_idle(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mu_);
  return idle_.wait_until(lock, deadline, [&] { return live_.empty(); });
}

}  // namespace bot::server
