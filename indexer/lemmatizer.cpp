#include "indexer/lemmatizer.hpp"

#include <hunspell.hxx>

#include <filesystem>

#include "kb/text.hpp"

namespace indexer {

namespace {

bool is_inflection(std::string_view suffix) {
  static const char* const suffixes[] = {"s",    "'s",    "en",  "n",    "e",    "es",  "er",
                                         "ere",  "ers",   "st",  "ste",  "t",    "te",  "ten",
                                         "d",    "de",    "den", "je",   "jes",  "tje", "tjes",
                                         "etje", "etjes", "pje", "pjes", "ende", "end"};
  for (const char* s : suffixes)
    if (suffix == s) return true;
  return false;
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'o' || c == 'u';
}

}  // namespace

bool inflects(const std::string& base, const std::string& word) {
  auto check = [&](const std::string& b) {
    if (word.size() > b.size() && word.compare(0, b.size(), b) == 0)
      return is_inflection(std::string_view(word).substr(b.size()));
    // s/f at the end of the base become z/v before a suffix (huis/huizen, bedrijf/bedrijven).
    if (b.size() >= 2 && word.size() > b.size() &&
        word.compare(0, b.size() - 1, b, 0, b.size() - 1) == 0) {
      char from = b.back(), to = word[b.size() - 1];
      if ((from == 's' && to == 'z') || (from == 'f' && to == 'v'))
        return is_inflection(std::string_view(word).substr(b.size()));
    }
    return false;
  };
  if (check(base)) return true;
  // A long vowel is written single before a suffix (zaak/zaken, boom/bomen).
  for (std::size_t i = 0; i + 2 < base.size(); ++i) {
    if (is_vowel(base[i]) && base[i + 1] == base[i] && i + 3 == base.size()) {
      std::string shortened = base.substr(0, i + 1) + base.substr(i + 2);
      if (check(shortened)) return true;
    }
  }
  return false;
}

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
    // Hunspell also analyses compounds and derivations and offers a part ("kredietunie" ->
    // "krediet", "overheid" -> "over"): accept only a base that the word inflects.
    const std::string word = best;
    for (const auto& cand : hs_->stem(lower)) {
      std::string f = kb::fold(cand);
      if (f.size() >= 2 && f.size() < best.size() && inflects(f, word)) best = f;
    }
  }
  if (cache_.size() > 200000) cache_.clear();  // bound memory on hostile input
  return cache_.emplace(lower, std::move(best)).first->second;
}

}  // namespace indexer
