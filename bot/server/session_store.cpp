#include "bot/server/session_store.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace bot::server {

session_store::session_store(clock::duration ttl, std::size_t max_sessions)
    : ttl_(ttl), max_sessions_(max_sessions) {
  // randombytes_buf needs it once per process; it is idempotent and thread-safe.
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string session_store::new_token() {
  std::array<unsigned char, 32> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, 65> hex;
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  sodium_memzero(bytes.data(), bytes.size());
  return std::string(hex.data(), 64);
}

bool session_store::well_formed(std::string_view token) {
  if (token.size() != 64) return false;
  for (char c : token)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

session_store::attached session_store::attach(std::string_view token, std::uint64_t conn,
                                              std::weak_ptr<session_owner> owner) {
  attached out;
  const auto now = clock::now();
  std::lock_guard lock(mu_);
  if (well_formed(token)) {
    auto it = sessions_.find(std::string(token));
    // An expired session that the sweep has not removed yet is gone all the same.
    if (it != sessions_.end() && (it->second.owner != 0 || now - it->second.last_used <= ttl_)) {
      auto& e = it->second;
      if (e.owner != 0) out.previous = e.owner_ref;
      e.owner = conn;
      e.owner_ref = std::move(owner);
      e.last_used = now;
      out.token = it->first;
      out.resumed = true;
      out.conv = e.conv;
      return out;
    }
    if (it != sessions_.end()) sessions_.erase(it);
  }
  if (sessions_.size() >= max_sessions_) evict_one_locked();
  std::string fresh = new_token();
  while (sessions_.count(fresh)) fresh = new_token();  // 2^-256: never, but cheap to be sure
  auto& e = sessions_[fresh];
  e.owner = conn;
  e.owner_ref = std::move(owner);
  e.last_used = now;
  out.token = std::move(fresh);
  return out;
}

void session_store::evict_one_locked() {
  // The store is full: drop the detached session idle the longest. Linear, but only when full.
  auto oldest = sessions_.end();
  for (auto it = sessions_.begin(); it != sessions_.end(); ++it)
    if (it->second.owner == 0 &&
        (oldest == sessions_.end() || it->second.last_used < oldest->second.last_used))
      oldest = it;
  if (oldest != sessions_.end()) sessions_.erase(oldest);
}

void session_store::detach(const std::string& token, std::uint64_t conn) {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(token);
  if (it == sessions_.end() || it->second.owner != conn) return;
  it->second.owner = 0;
  it->second.owner_ref.reset();
  it->second.last_used = clock::now();
}

std::optional<conversation> session_store::get(const std::string& token, std::uint64_t conn) const {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(token);
  if (it == sessions_.end() || it->second.owner != conn) return std::nullopt;
  return it->second.conv;
}

std::optional<unsigned> session_store::commit(const std::string& token, std::uint64_t conn,
                                              conversation c) {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(token);
  if (it == sessions_.end() || it->second.owner != conn) return std::nullopt;
  it->second.conv = std::move(c);
  it->second.last_used = clock::now();
  return ++it->second.answers;
}

bool session_store::reset(const std::string& token, std::uint64_t conn) {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(token);
  if (it == sessions_.end() || it->second.owner != conn) return false;
  it->second.conv = conversation{};
  it->second.last_used = clock::now();
  return true;
}

bool session_store::issued(const std::string& token, unsigned n) const {
  std::lock_guard lock(mu_);
  auto it = sessions_.find(token);
  return it != sessions_.end() && n >= 1 && n <= it->second.answers;
}

std::size_t session_store::sweep() {
  const auto now = clock::now();
  std::lock_guard lock(mu_);
  return std::erase_if(sessions_, [&](const auto& kv) {
    return kv.second.owner == 0 && now - kv.second.last_used > ttl_;
  });
}

std::size_t session_store::size() const {
  std::lock_guard lock(mu_);
  return sessions_.size();
}

}  // namespace bot::server
