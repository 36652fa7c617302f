/** @file session_store.hpp
 *  @brief The conversations, by session token: they outlive a connection so that a client can
 *  reconnect (`/ws?session=<token>`) and go on where it was.
 *
 *  A session is attached to at most one connection. Attaching it elsewhere takes it over: the
 *  store tells the old owner, which closes. A detached session expires after `ttl` idle time
 *  (`sweep()` removes it). Thread-safe: one mutex, held only for map operations and copies.
 */
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "bot/advisor.hpp"

namespace bot::server {

/** What a connection that holds a session must do when another connection takes it over. */
class session_owner {
 public:
  virtual ~session_owner() = default;
  /// Called from any thread, never under the store's lock.
  virtual void taken_over() = 0;
};

class session_store {
 public:
  using clock = std::chrono::steady_clock;

  session_store(clock::duration ttl, std::size_t max_sessions);

  struct attached {
    std::string token;
    bool resumed = false;
    conversation conv;                      ///< a copy, for the welcome message
    std::weak_ptr<session_owner> previous;  ///< the connection it was taken from, if any
  };

  /// Attaches connection `conn` to the session `token` names, or to a new session when the token
  /// is empty, malformed, unknown or expired.
  attached attach(std::string_view token, std::uint64_t conn, std::weak_ptr<session_owner> owner);
  /// The connection ended: the session starts its idle time (unless another connection owns it).
  void detach(const std::string& token, std::uint64_t conn);

  /// A copy of the conversation, or nothing when `conn` no longer owns the session.
  std::optional<conversation> get(const std::string& token, std::uint64_t conn) const;
  /// Stores the conversation after an answer and numbers that answer (1, 2, …; never reused in a
  /// session). Nothing when `conn` no longer owns the session: the result is then dropped.
  std::optional<unsigned> commit(const std::string& token, std::uint64_t conn, conversation c);
  /// Forgets profile and asked fields. False when `conn` no longer owns the session.
  bool reset(const std::string& token, std::uint64_t conn);
  /// True when answer `n` was sent in this session (feedback may refer only to those).
  bool issued(const std::string& token, unsigned n) const;

  /// Removes detached sessions idle for longer than the ttl. Returns how many.
  std::size_t sweep();
  std::size_t size() const;

  /// 32 random bytes (libsodium), hex: 64 characters.
  static std::string new_token();
  static bool well_formed(std::string_view token);

 private:
  struct entry {
    conversation conv;
    unsigned answers = 0;
    std::uint64_t owner = 0;  ///< connection id, 0 when detached
    std::weak_ptr<session_owner> owner_ref;
    clock::time_point last_used;
  };
  void evict_one_locked();

  const clock::duration ttl_;
  const std::size_t max_sessions_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, entry> sessions_;
};

}  // namespace bot::server
