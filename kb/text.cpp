#include "kb/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

namespace kb {

std::string fold(std::string_view utf8) {
  // Plain ASCII needs only lowercasing; this fast path keeps loading the 400k-word lexicon cheap.
  bool ascii = true;
  for (unsigned char c : utf8) ascii = ascii && c < 0x80;
  if (ascii) {
    std::string out(utf8);
    for (auto& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU normalizers unavailable");

  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  s = casefold->normalize(s, status);
  s = nfd->normalize(s, status);
  // Drop combining marks so that é, ë and ï match e and i, as Dutch writers often omit them.
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) stripped.append(c);
    i += U16_LENGTH(c);
  }
  stripped = nfc->normalize(stripped, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU normalization failed");
  std::string out;
  stripped.toUTF8String(out);
  return out;
}

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    auto pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.emplace_back(s.substr(start));
      return out;
    }
    out.emplace_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string dutch_title_case(std::string_view s) {
  static const char* const particles[] = {"van", "de", "den", "der", "aan", "en", "op", "het"};
  std::string out;
  for (const auto& w : split(s, ' ')) {
    std::string part = w;
    bool particle = false;
    for (const char* p : particles) particle = particle || part == p;
    if (!out.empty()) out += ' ';
    if (!particle || out.empty()) {
      bool start = true;
      for (auto& c : part) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        start = c == '-';
      }
    }
    out += part;
  }
  return out;
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size(), over = limit + 1;
  if ((n > m ? n - m : m - n) > limit) return over;
  // Three rows of the dynamic programme: the swap looks two rows back.
  std::vector<std::size_t> back(m + 1), prev(m + 1), row(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], back[j - 2] + 1);
      best = std::min(best, row[j]);
    }
    if (best > limit) return over;  // every later row is at least as far
    std::swap(back, prev);
    std::swap(prev, row);
  }
  return std::min(prev[m], over);
}

}  // namespace kb
