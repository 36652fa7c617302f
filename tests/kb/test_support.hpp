// Shared helpers for kb tests: a temporary directory and the small test corpus.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "indexer/index.hpp"
#include "kb/corpus.hpp"
#include "kb/eligibility.hpp"

namespace test {

/** A fresh directory under the system temp dir, removed at scope exit. */
class temp_dir {
 public:
  temp_dir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("finwijzer-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~temp_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

 private:
  std::filesystem::path path_;
};

inline std::filesystem::path mini_corpus() {
  return std::filesystem::path(FINWIJZER_SOURCE_DIR) / "tests/data/corpus-mini";
}

inline kb::corpus load_mini(kb::diagnostics& diag) {
  return kb::load_corpus(mini_corpus(), diag, kb::date{2026, 11, 27});
}

/// The shipped corpus, indexed once per test program into a temporary directory.
inline std::shared_ptr<const indexer::snapshot> shipped_snapshot() {
  static temp_dir dir;
  static std::shared_ptr<const indexer::snapshot> snap = [] {
    kb::diagnostics diag;
    indexer::build_index(std::filesystem::path(FINWIJZER_SOURCE_DIR) / "corpus", dir.path(), diag,
                         {2026, 11, 27});
    return indexer::open_index(dir.path());
  }();
  return snap;
}

}  // namespace test
