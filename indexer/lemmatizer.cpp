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
    // Hunspell also analyses compounds and offers their first part ("kredietunie" -> "krediet"):
    // accept only a base that differs from the word by an inflection, i.e. shares all but the
    // last few letters and is not much shorter.
    const std::string word = best;
    for (const auto& cand : hs_->stem(lower)) {
      std::string f = kb::fold(cand);
      if (f.size() < 2 || f.size() >= best.size() || f.size() + 5 < word.size()) continue;
      std::size_t common = 0;
      while (common < f.size() && f[common] == word[common]) ++common;
      if (common + 3 >= f.size()) best = f;
    }
  }
  if (cache_.size() > 200000) cache_.clear();  // bound memory on hostile input
  return cache_.emplace(lower, std::move(best)).first->second;
}

}  // namespace indexer
