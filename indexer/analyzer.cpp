#include "indexer/analyzer.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cmath>
#include <cstdio>
#include <optional>

#include "indexer/stopwords.hpp"
#include "indexer/tokenize.hpp"
#include "kb/text.hpp"

namespace indexer {

namespace {

std::string lowercase(const std::string& s) {
  static const icu::Locale dutch("nl");
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toLower(dutch);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string analysis_signature(const lexicon& lex) {
  return "format=1;tokenizer=icu-nl;fold=nfkc-cf-nomarks;stop=snowball-nl+chat5;amount-words-stop;"
         "lemma=hunspell-nl+accents+head;stem=dutch;"
         "decompound=wdutch+corpus,min4,whole11,nosuffix,slink;"
         "lexicon=" +
         std::to_string(lex.size());
}

std::optional<double> parse_number(std::string_view t) {
  if (t.empty() || !(t[0] >= '0' && t[0] <= '9')) return std::nullopt;
  double mult = 1;
  if (t.back() == 'k') {
    mult = 1000;
    t.remove_suffix(1);
  }
  // Dutch: '.' groups thousands (only in groups of three), ',' marks decimals.
  std::string digits;
  std::size_t group = 0;
  bool seen_point = false, seen_comma = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      ++group;
    } else if (c == '.' && !seen_comma) {
      if ((seen_point && group != 3) || group > 3 || group == 0) return std::nullopt;
      seen_point = true;
      group = 0;
    } else if (c == ',' && !seen_comma) {
      if (seen_point && group != 3) return std::nullopt;
      seen_comma = true;
      digits += '.';
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (seen_point && !seen_comma && group != 3) return std::nullopt;
  if (digits.empty() || digits.back() == '.') return std::nullopt;
  if (digits.size() > 18) return std::nullopt;
  return std::stod(digits) * mult;
}

double amount_multiplier(std::string_view w) {
  if (w == "duizend" || w == "mille" || w == "k" || w == "dzd") return 1e3;
  if (w == "ton") return 1e5;
  if (w == "miljoen" || w == "mln" || w == "mio" || w == "miljoenen") return 1e6;
  if (w == "miljard" || w == "mld") return 1e9;
  return 0;
}

std::string format_number(double v) {
  char buf[64];
  if (std::floor(v) == v && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.6g", v);
  }
  return buf;
}

analyzer::analyzer(std::shared_ptr<const lexicon> lex)
    : lex_(std::move(lex)), decompounder_(*lex_) {}

std::string analyzer::stem_word(const std::string& lower) {
  return stemmer_(lemma_of(lower));
}

std::string analyzer::lemma_of(const std::string& lower, int depth) {
  if (depth >= 4) return lemmatizer_.lemma(lex_->accented(lower));
  std::string folded = kb::fold(lower);
  return lemma_of(lower, folded, decompounder_.split(folded), depth);
}

std::string analyzer::lemma_of(const std::string& lower, const std::string& folded,
                               const std::vector<std::string>& parts, int depth) {
  if (parts.size() >= 2 && folded.size() > parts.back().size() && folded.ends_with(parts.back()))
    return folded.substr(0, folded.size() - parts.back().size()) +
           lemma_of(parts.back(), depth + 1);
  return lemmatizer_.lemma(lex_->accented(lower));
}

void analyzer::split_unknown(word& w) {
  w.parts = decompounder_.split_unknown(w.folded);
  w.part_stems.clear();
  for (const auto& p : w.parts) w.part_stems.push_back(stem_word(p));
}

std::vector<word> analyzer::analyze(std::string_view text) {
  std::vector<token> toks = tokenize(text);
  std::vector<word> out;
  out.reserve(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const token& t = toks[i];
    word w;
    w.surface = t.original;
    w.folded = t.text;
    w.position = static_cast<unsigned>(out.size());
    if (auto n = parse_number(t.text)) {
      double v = *n;
      // "50 mille", "1,5 miljoen", "2 ton": one amount.
      if (i + 1 < toks.size()) {
        if (double m = amount_multiplier(toks[i + 1].text); m > 0) {
          v *= m;
          w.surface += " " + toks[i + 1].original;
          ++i;
        }
      }
      w.number = true;
      w.folded = format_number(v);
      out.push_back(std::move(w));
      continue;
    }
    // "een paar ton", "anderhalve mille": an amount without digits. It names a size, not a
    // topic, so it is a stop word too: neither indexed nor searched ("ton" must not find the
    // "ton CO2" of one text). The advisor reads the amount from the text itself.
    if (t.text.size() > 1 && amount_multiplier(t.text) > 0) {
      w.number = true;
      w.stop = true;
      out.push_back(std::move(w));
      continue;
    }
    w.stop = is_stopword(w.folded);
    if (!w.stop) {
      std::string lower = lowercase(t.original);
      // Strip the possessive the tokenizer removed from `text` from the lower form as well.
      if (lower.size() > t.text.size() + 1 && lower.ends_with("'s")) lower.resize(lower.size() - 2);
      // Stem and compound parts depend only on the word: computed once per analyzer.
      auto it = cache_.find(lower);
      if (it == cache_.end()) {
        cached c;
        // The parts found here are the ones the lemma uses: the word is split once.
        std::string folded = kb::fold(lower);
        c.parts = decompounder_.split(w.folded);
        c.stem =
            stemmer_(folded == w.folded ? lemma_of(lower, folded, c.parts, 0) : lemma_of(lower));
        for (const auto& p : c.parts) c.part_stems.push_back(stem_word(p));
        if (cache_.size() > 200000) cache_.clear();  // bound memory on hostile input
        it = cache_.emplace(lower, std::move(c)).first;
      }
      w.stem = it->second.stem;
      w.parts = it->second.parts;
      w.part_stems = it->second.part_stems;
    }
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace indexer
