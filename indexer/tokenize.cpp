#include "indexer/tokenize.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

#include "kb/text.hpp"

namespace indexer {

namespace {

/// One break iterator per thread: ICU break iterators are not thread-safe, cloning is cheap.
icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createWordInstance(icu::Locale("nl", "NL"), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU word break iterator unavailable");
    return b;
  }();
  return *it;
}

bool is_word_status(int32_t s) {
  return s >= UBRK_WORD_NUMBER && s < UBRK_WORD_IDEO_LIMIT;
}

std::string strip_possessive(std::string w) {
  // Dutch plural/possessive "'s" (auto's, baby's): the apostrophe form must meet the base word.
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
    if (w.size() > suffix.size() + 1 &&
        w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0)
      return w.substr(0, w.size() - suffix.size());
  }
  return w;
}

}  // namespace

std::vector<token> tokenize(std::string_view utf8) {
  std::vector<token> out;
  out.reserve(utf8.size() / 6 + 1);  // about one word in six bytes of Dutch: few reallocations
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::BreakIterator& bi = word_breaker();
  bi.setText(text);
  int32_t start = bi.first();
  // Join word pieces separated by a single hyphen so compounds like "MKB-krediet" stay one token.
  int32_t word_start = -1, word_end = -1;
  auto flush = [&] {
    if (word_start < 0) return;
    std::string original;
    text.tempSubStringBetween(word_start, word_end).toUTF8String(original);
    std::string folded = strip_possessive(kb::fold(original));
    if (!folded.empty()) out.push_back({folded, original, static_cast<unsigned>(out.size())});
    word_start = word_end = -1;
  };
  for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
    bool word = is_word_status(bi.getRuleStatus());
    if (word) {
      if (word_start >= 0 && word_end == start - 1 && text.charAt(word_end) == u'-') {
        word_end = end;  // continue the hyphenated word
      } else {
        flush();
        word_start = start;
        word_end = end;
      }
    } else if (!(end - start == 1 && text.charAt(start) == u'-' && word_start >= 0 &&
                 word_end == start)) {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace indexer
