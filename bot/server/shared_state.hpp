/** @file shared_state.hpp
 *  @brief What all connections share: settings, conversations, the index, metrics, the advisor
 *  pool, and the list of live connections that a graceful stop walks through.
 *
 *  As in Beast's chat-multi example, sessions hold a shared_ptr to it; everything in it is
 *  thread-safe (atomics, or a mutex per part).
 */
#pragma once

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "bot/server/index_cache.hpp"
#include "bot/server/logging.hpp"
#include "bot/server/metrics.hpp"
#include "bot/server/options.hpp"
#include "bot/server/session_store.hpp"
#include "bot/server/static_files.hpp"

namespace bot::server {

/** A live connection (HTTP or websocket) as the graceful stop sees it. */
class connection {
 public:
  virtual ~connection() = default;
  /// Finish what is in flight, then close. Called from any thread: post onto your strand.
  virtual void shutdown() = 0;
};

/** A counted websocket slot (--max-connections); released when destroyed. */
class connection_slot {
 public:
  connection_slot() = default;
  explicit connection_slot(std::atomic<std::size_t>* count) : count_(count) {}
  connection_slot(connection_slot&& o) noexcept : count_(std::exchange(o.count_, nullptr)) {}
  connection_slot& operator=(connection_slot&&) = delete;
  ~connection_slot() {
    if (count_) --*count_;
  }
  explicit operator bool() const { return count_ != nullptr; }

 private:
  std::atomic<std::size_t>* count_ = nullptr;
};

class shared_state {
 public:
  shared_state(options opts, boost::asio::thread_pool& pool);

  const options& opts() const { return opts_; }
  const logger& log() const { return log_; }
  metrics& stats() { return metrics_; }
  session_store& sessions() { return sessions_; }
  index_cache& index() { return index_; }
  const static_files& files() const { return files_; }
  boost::asio::thread_pool& pool() { return pool_; }

  /// A websocket slot, or an empty one when --max-connections are open.
  connection_slot try_open_slot();
  /// A new connection id (for logs and session ownership).
  std::uint64_t next_connection_id() { return ++last_id_; }
  double uptime_seconds() const;
  metrics_snapshot snapshot_for_metrics() const;

  /// Registers a live connection. False when the server is stopping: then close at once.
  bool join(connection* c, std::weak_ptr<connection> ref);
  void leave(connection* c);
  bool stopping() const { return stopping_; }

  /// Marks the server as stopping and asks every live connection to finish and close.
  void begin_shutdown();
  /// Waits until no connection is left or `deadline` passes. True when none is left.
  bool wait_until_idle(std::chrono::steady_clock::time_point deadline);

 private:
  const options opts_;
  logger log_;
  metrics metrics_;
  session_store sessions_;
  index_cache index_;
  static_files files_;
  boost::asio::thread_pool& pool_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::atomic<std::size_t> open_slots_{0};
  std::atomic<std::uint64_t> last_id_{0};

  std::mutex mu_;  // guards live_ and, with it, the moment stopping_ turns true
  std::condition_variable idle_;
  std::unordered_map<connection*, std::weak_ptr<connection>> live_;
  std::atomic<bool> stopping_{false};
};

}  // namespace bot::server
