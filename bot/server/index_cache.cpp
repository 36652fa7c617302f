#include "bot/server/index_cache.hpp"

namespace bot::server {

index_cache::index_cache(std::filesystem::path dir, clock::duration check_interval,
                         const logger& log)
    : dir_(std::move(dir)), interval_(check_interval), log_(log) {}

std::shared_ptr<const indexer::snapshot> index_cache::loaded() const {
  std::lock_guard lock(mu_);
  return snap_;
}

unsigned index_cache::loaded_generation() const {
  std::lock_guard lock(mu_);
  return snap_ ? snap_->generation : 0;
}

std::shared_ptr<const indexer::snapshot> index_cache::get() {
  {
    std::lock_guard lock(mu_);
    const auto now = clock::now();
    if (snap_ && now - last_check_ < interval_) return snap_;
    last_check_ = now;
  }
  const unsigned published = indexer::current_generation(dir_);
  {
    std::lock_guard lock(mu_);
    if (published == 0 || (snap_ && snap_->generation == published) ||
        published == failed_generation_)
      return snap_;
  }
  reload(published);
  return loaded();
}

void index_cache::reload(unsigned generation) {
  // Another thread is opening it already: use the old snapshot meanwhile, unless there is none.
  std::unique_lock open(open_mu_, std::try_to_lock);
  if (!open.owns_lock()) {
    if (loaded()) return;
    open.lock();
  }
  {
    std::lock_guard lock(mu_);
    if (snap_ && snap_->generation == generation) return;  // done while we waited
  }
  try {
    auto fresh = indexer::open_index(dir_);
    log_("index", "generation " + std::to_string(fresh->generation) + " loaded (" +
                      std::to_string(fresh->corpus.instruments.size()) + " instruments)");
    std::lock_guard lock(mu_);
    snap_ = std::move(fresh);
  } catch (const std::exception& e) {
    log_("index", "generation " + std::to_string(generation) + " not usable: " + e.what());
    std::lock_guard lock(mu_);
    failed_generation_ = generation;
  }
}

}  // namespace bot::server
