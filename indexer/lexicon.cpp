#include "indexer/lexicon.hpp"

#include <fstream>

#include "indexer/stopwords.hpp"
#include "kb/text.hpp"

namespace indexer {

lexicon::lexicon(const std::string& word_list_path, const std::vector<std::string>& extra) {
  std::ifstream in(word_list_path);
  std::string line;
  words_.reserve(420000);
  while (std::getline(in, line)) {
    if (line.empty() || line.find(' ') != std::string::npos) continue;
    bool has_lower = false, has_digit = false;
    for (unsigned char c : line) {
      has_lower = has_lower || (c >= 'a' && c <= 'z') || c >= 0x80;
      has_digit = has_digit || (c >= '0' && c <= '9');
    }
    if (!has_lower || has_digit) continue;  // skip "MKB", "06-dealer"
    words_.insert(kb::fold(line));
  }
  for (const auto& w : extra) words_.insert(kb::fold(w));
}

namespace {
bool is_part_word(const lexicon& lex, std::string_view w) {
  return w.size() >= decompounder::min_part && lex.contains(w) && !is_stopword(w);
}
}  // namespace

bool decompounder::split_into(std::string_view w, std::vector<std::string>& out, int depth) const {
  if (depth > 4) return false;
  // Prefer the longest tail (the head noun of a Dutch compound is at the end); in front of it,
  // prefer a known word with its linking morpheme ("borgstelling|s|krediet") over splitting the
  // front further ("borg|stel|lings|krediet").
  for (std::size_t cut = min_part; cut + min_part <= w.size(); ++cut) {
    std::string_view tail = w.substr(cut);
    if (!is_part_word(lex_, tail)) continue;
    std::string_view front = w.substr(0, cut);
    for (int pass = 0; pass < 2; ++pass) {
      for (std::string_view link : {"", "s", "en", "e"}) {
        if (front.size() < link.size() + min_part) continue;
        if (front.substr(front.size() - link.size()) != link) continue;
        std::string_view head = front.substr(0, front.size() - link.size());
        std::vector<std::string> parts;
        if (pass == 0 && is_part_word(lex_, head)) {
          parts.emplace_back(head);
        } else if (pass == 1 && split_into(head, parts, depth + 1)) {
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
  if (split_into(folded, parts, 0)) {
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
