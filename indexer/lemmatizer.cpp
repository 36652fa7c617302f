#include "indexer/lemmatizer.hpp"

#include <hunspell.hxx>

#include <filesystem>

#include "kb/text.hpp"

namespace indexer {

lemmatizer::lemmatizer() {
  if (std::filesystem::exists(hunspell_aff) && std::filesystem::exists(hunspell_dic))
    hs_ = std::make_unique<Hunspell>(hunspell_aff, hunspell_dic);
}

lemmatizer::~lemmatizer() = default;

const std::string& lemmatizer::lemma(const std::string& lower) {
  auto it = cache_.find(lower);
  if (it != cache_.end()) return it->second;
  std::string best = kb::fold(lower);
  if (hs_ && lower.size() < 64) {
    // Hunspell offers the word itself and its base forms; the shortest that is a real form is the
    // base ("fietsen" -> "fiets", "ziekenhuizen" -> "ziekenhuis").
    for (const auto& cand : hs_->stem(lower)) {
      std::string f = kb::fold(cand);
      if (f.size() >= 2 && f.size() < best.size()) best = f;
    }
  }
  if (cache_.size() > 200000) cache_.clear();  // bound memory on hostile input
  return cache_.emplace(lower, std::move(best)).first->second;
}

}  // namespace indexer
