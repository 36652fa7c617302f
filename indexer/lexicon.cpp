#include "indexer/lexicon.hpp"

#include <fstream>
#include <map>
#include <mutex>

#include "indexer/stopwords.hpp"
#include "kb/text.hpp"

namespace indexer {

std::shared_ptr<const lexicon::word_list> lexicon::read_word_list(const std::string& path) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const word_list>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = cache[path];
  if (slot) return slot;
  auto words = std::make_shared<word_list>();
  words->all.reserve(420000);
  words->common.reserve(360000);
  std::ifstream in(path);
  std::string line;
  std::unordered_set<std::string> plain;  // lowercase words written without diacritics
  std::vector<std::string> marked;        // lowercase words written with them
  while (std::getline(in, line)) {
    if (line.empty() || line.find(' ') != std::string::npos) continue;
    bool has_lower = false, has_digit = false;
    for (unsigned char c : line) {
      has_lower = has_lower || (c >= 'a' && c <= 'z') || c >= 0x80;
      has_digit = has_digit || (c >= '0' && c <= '9');
    }
    if (!has_lower || has_digit) continue;  // skip "MKB", "06-dealer"
    bool lowercase = !(line[0] >= 'A' && line[0] <= 'Z');
    auto folded = kb::fold(line);
    if (lowercase) {
      words->common.insert(folded);
      if (folded == line)
        plain.insert(line);
      else
        marked.push_back(line);
    }
    words->all.insert(std::move(folded));
  }
  for (auto& m : marked)
    if (auto f = kb::fold(m); !plain.count(f)) words->accented.emplace(std::move(f), std::move(m));
  slot = std::move(words);
  return slot;
}

lexicon::lexicon(const std::string& word_list_path, const std::vector<std::string>& extra)
    : base_(read_word_list(word_list_path)) {
  for (const auto& w : extra) {
    auto f = kb::fold(w);
    if (!base_->all.count(f)) extra_.insert(std::move(f));
  }
}

std::size_t lexicon::size() const {
  return base_->all.size() + extra_.size();
}

namespace {
bool is_part_word(const lexicon& lex, std::string_view w) {
  return w.size() >= decompounder::min_part && lex.contains(w) && !is_stopword(w);
}

/// Suffixes that make a new word from a stem and are words of their own as well: "lijk"
/// (corpse) in "gebruikelijk", "schap" (shelf) in "ondernemerschap", "baar" in "haalbaar".
/// Such a tail is no head noun: the word is no compound.
bool is_suffix_word(std::string_view w) {
  for (std::string_view s : {"lijk", "loos", "baar", "heid", "schap", "achtig", "zaam", "matig"})
    if (w == s) return true;
  return false;
}

/// A front that takes a linking "s" in a compound: nouns in -ing, -heid, -schap, -teit
/// ("verzekeringsmaatschappij", "gezondheidszorg") and "bedrijf", the commonest front of this
/// domain. Before a tail that starts with "s", the "s" is the link: "bedrijfs|panden", not
/// "bedrijf|spanden" (the past tense of "spannen"); "overbruggings|potje".
bool takes_linking_s(std::string_view front) {
  for (std::string_view end : {"ing", "heid", "schap", "teit"})
    if (front.ends_with(end)) return true;
  return front == "bedrijf";
}
}  // namespace

bool decompounder::split_into(std::string_view w, std::vector<std::string>& out, int depth,
                              std::size_t min_tail) const {
  if (depth > 4) return false;
  // Prefer the longest tail (the head noun of a Dutch compound is at the end); in front of it,
  // prefer a known word with its linking morpheme ("borgstelling|s|krediet") over splitting the
  // front further ("borg|stel|lings|krediet").
  for (std::size_t cut = min_part; cut + min_tail <= w.size(); ++cut) {
    std::string_view tail = w.substr(cut);
    bool tail_ok = tail.size() >= min_part ? is_part_word(lex_, tail)
                                           : lex_.contains(tail) && !is_stopword(tail);
    if (!tail_ok || is_suffix_word(tail)) continue;
    std::string_view front = w.substr(0, cut);
    if (tail[0] == 's' && takes_linking_s(front) && is_part_word(lex_, tail.substr(1))) continue;
    for (int pass = 0; pass < 2; ++pass) {
      for (std::string_view link : {"", "s", "en", "e"}) {
        if (front.size() < link.size() + min_part) continue;
        if (front.substr(front.size() - link.size()) != link) continue;
        std::string_view head = front.substr(0, front.size() - link.size());
        std::vector<std::string> parts;
        if (pass == 0 && is_part_word(lex_, head)) {
          parts.emplace_back(head);
        } else if (pass == 1 && split_into(head, parts, depth + 1, min_part)) {
          // front split into known parts
        } else {
          continue;
        }
        parts.emplace_back(tail);
        out.insert(out.end(), parts.begin(), parts.end());
        return true;
      }
    }
  }
  return false;
}

std::vector<std::string> decompounder::split(std::string_view folded) const {
  std::vector<std::string> out;
  if (folded.find('-') != std::string_view::npos) {
    for (const auto& piece : kb::split(folded, '-')) {
      if (piece.empty()) continue;
      out.push_back(piece);
      auto sub = split(piece);
      out.insert(out.end(), sub.begin(), sub.end());
    }
    return out.size() > 1 ? out : std::vector<std::string>{};
  }
  if (folded.size() < 2 * min_part) return out;
  if (folded.size() <= whole_max && lex_.contains(folded)) return out;
  std::vector<std::string> parts;
  if (split_into(folded, parts, 0, min_part)) {
    // A long part is kept and also split ("borgstelling" -> borg, stelling), so a search for
    // either level finds it.
    for (const auto& p : parts) {
      out.push_back(p);
      if (p.size() > whole_max) {
        auto sub = split(p);
        out.insert(out.end(), sub.begin(), sub.end());
      }
    }
  }
  return out;
}

}  // namespace indexer

namespace indexer {

std::vector<std::string> decompounder::split_unknown(std::string_view folded) const {
  std::vector<std::string> parts;
  if (folded.find('-') != std::string_view::npos || folded.size() < min_part + 3) return parts;
  if (!split_into(folded, parts, 0, 3)) parts.clear();
  if (!parts.empty()) return parts;
  // A separable verb the word list lacks: "meeinvesteren" is "investeren", "terugbetalen" is
  // "betalen". The particle carries no topic, so only the verb remains.
  for (std::string_view particle : {"mee", "terug", "samen", "door", "over", "voor", "weg", "bij",
                                    "toe", "uit", "aan", "af", "op", "in", "na", "om"}) {
    if (!folded.starts_with(particle)) continue;
    std::string_view verb = folded.substr(particle.size());
    if (verb.size() >= min_part + 2 && lex_.contains(verb)) return {std::string(verb)};
  }
  // A typo in the front of a compound ("koffikmachine", "maachinebouwer") still leaves its head,
  // and the head names what the thing is: the longest known tail of five letters or more.
  for (std::size_t cut = 3; cut + min_part + 1 <= folded.size(); ++cut) {
    std::string_view tail = folded.substr(cut);
    if (is_part_word(lex_, tail) && !is_suffix_word(tail)) return {std::string(tail)};
  }
  return parts;
}

}  // namespace indexer
