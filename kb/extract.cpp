#include "kb/extract.hpp"

#include <unicode/parsepos.h>
#include <unicode/rbnf.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "kb/text.hpp"

namespace kb {
namespace {

// ---------------------------------------------------------------------------------------------
// Dutch grammar. These are the only words the code knows; every word that names a fact comes
// from velden.yaml or plaatsen.tsv.

constexpr std::size_t max_text_bytes = 64 * 1024;
constexpr std::size_t max_cue_gap = 4;  ///< words between a signal word and its number
/// An amount of money may stand further from its signal word, within one clause: "de omzet is
/// vorig jaar met 20% gestegen tot 1,4 miljoen".
constexpr std::size_t max_amount_gap = 12;
constexpr std::size_t negation_reach = 2;  ///< "geen" at most this many words before a phrase

template <class List>
bool one_of(std::string_view w, const List& list) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

constexpr std::string_view negators[] = {"geen", "niet", "nooit", "niets", "niks"};
/// Conjunctions that start a new clause: a signal word does not reach across them.
constexpr std::string_view conjunctions[] = {"en", "maar", "want", "dus", "omdat", "terwijl"};
/// Words after which an everyday word is read as a place ("in Best", "uit Huizen").
constexpr std::string_view location_cues[] = {"in",    "uit",      "te",    "bij",      "vanuit",
                                              "nabij", "gemeente", "regio", "omgeving", "naar"};
constexpr std::string_view currency_words[] = {"€", "eur", "euro", "euros"};
constexpr std::string_view year_words[] = {"jaar", "jaren", "jr"};
constexpr std::string_view percent_words[] = {"%", "procent"};
/// "net gestart", "pas begonnen", "zojuist opgericht": this year.
constexpr std::string_view just_now_words[] = {"net", "pas", "zojuist"};
/// "met z'n vijven", "met ons vieren".
constexpr std::string_view group_pronouns[] = {"z'n", "zijn", "ons", "hun"};

struct magnitude {
  std::string_view word;
  double factor;
};
constexpr magnitude magnitudes[] = {{"duizend", 1e3}, {"mille", 1e3},   {"k", 1e3},
                                    {"ton", 1e5},     {"miljoen", 1e6}, {"mln", 1e6},
                                    {"mio", 1e6},     {"miljard", 1e9}};

std::optional<double> magnitude_of(std::string_view w) {
  for (const auto& m : magnitudes)
    if (m.word == w) return m.factor;
  return std::nullopt;
}

/// Place names that are everyday Dutch words ("best", "huizen", "goor"): a place only after a
/// location cue or when written with a capital inside a sentence.
constexpr std::string_view everyday_place_names[] = {
    "assen",   "baarn",  "baars",   "beek",      "bergen",     "best",       "buren",  "delft",
    "dieren",  "duiven", "ede",     "elsen",     "enter",      "epe",        "geleen", "gieten",
    "goes",    "goor",   "gouda",   "haren",     "holten",     "hoogland",   "hoorn",  "horst",
    "houten",  "huizen", "hulst",   "kampen",    "landgraaf",  "laren",      "leek",   "leiden",
    "losser",  "oss",    "putten",  "rectum",    "rijen",      "ruinen",     "sluis",  "stein",
    "tegelen", "voorst", "wierden", "waterland", "wateringen", "voorschoten"};
/// Place names that are everyday phrases even after "in" ("in de wijk"): only with a capital.
constexpr std::string_view capital_only_place_names[] = {"de wijk", "de bult", "witte paarden",
                                                         "den velde"};

/// The parts a spelled-out Dutch number is made of ("vijf|en|dertig|duizend").
constexpr std::string_view numeral_parts[] = {
    "een",       "twee",     "drie",      "vier",    "vijf",    "zes",      "zeven",    "acht",
    "negen",     "tien",     "elf",       "twaalf",  "dertien", "veertien", "vijftien", "zestien",
    "zeventien", "achttien", "negentien", "twintig", "dertig",  "veertig",  "vijftig",  "zestig",
    "zeventig",  "tachtig",  "negentig",  "honderd", "duizend"};

// ---------------------------------------------------------------------------------------------
// Tokens

/** A word or a punctuation mark of the text, with where it stands in the original. */
struct token {
  std::string text;          ///< folded ("Café" -> "cafe"); a punctuation mark as itself
  std::size_t begin = 0;     ///< byte offset in the original text
  std::size_t end = 0;       ///< one past the last byte
  bool punct = false;        ///< . , ; ! ? ( ) / and line breaks: ends a clause part
  bool conjunction = false;  ///< "en", "maar", ...: also ends a clause part
  bool capitalised = false;  ///< "Best" inside a sentence (not "BEST", not the first word)
  bool masked = false;       ///< inside "geen X maar": X is replaced by what follows
  bool ends_clause() const { return punct || conjunction; }
};

bool is_word_char(UChar32 c) {
  return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_COMBINING_SPACING_MARK;
}
/// Characters that stay inside a word when a word character follows: "zzp'er", "v.o.f",
/// "kvk-nummer", "r&d", "1,5", "80.000", "14:00".
bool is_joiner(UChar32 c) {
  return c == '.' || c == ',' || c == '\'' || c == 0x2019 || c == 0x2018 || c == '-' ||
         c == 0x2010 || c == 0x2011 || c == '&' || c == ':';
}
/// Marks that end a clause part. A colon does not: "omzet: € 900.000".
bool is_punct_mark(UChar32 c) {
  constexpr std::u32string_view marks = U".,;!?()[]{}/\u2026\u2013\u2014\n";
  return c >= 0 && marks.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}
bool ends_sentence(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == '\n';
}

/** Splits text into word and punctuation tokens. Invalid UTF-8 separates words; never throws. */
class tokenizer {
 public:
  explicit tokenizer(std::string_view text) : text_(text) {}

  std::vector<token> run() {
    const auto* s = reinterpret_cast<const uint8_t*>(text_.data());
    const auto n = static_cast<int32_t>(text_.size());
    int32_t i = 0;
    while (i < n) {
      const int32_t start = i;
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c >= 0 && is_word_char(c)) {
        if (word_begin_ < 0) word_begin_ = start;
        continue;
      }
      if (c >= 0 && is_joiner(c) && word_begin_ >= 0) {
        int32_t after = joiner_run_end(start);
        if (after > start) {  // internal: "v.o.f", "c.v.-ketel"
          i = after;
          continue;
        }
      }
      end_word(start);
      if (c < 0) continue;
      if ((c == ',' || c == '.') && swallow_whole_euros(i)) continue;  // "80.000,-"
      if (c == 0x20AC || c == '%') {
        add(start, i, std::string(text_.substr(start, i - start)), false);
      } else if (is_punct_mark(c)) {
        add(start, i, c == '\n' ? "\n" : std::string(text_.substr(start, i - start)), true);
        if (ends_sentence(c)) sentence_start_ = true;
      }
      // Spaces, quotes, emoji and other symbols only separate words.
    }
    end_word(n);
    return std::move(out_);
  }

 private:
  UChar32 at(int32_t i, int32_t* next) const {
    const auto* s = reinterpret_cast<const uint8_t*>(text_.data());
    const auto n = static_cast<int32_t>(text_.size());
    UChar32 c = -1;
    if (i < n) U8_NEXT(s, i, n, c);
    *next = i;
    return c;
  }

  /// If the run of joiners starting at `start` is followed by a word character (and, for a comma
  /// or colon, lies between digits), the offset after the run; otherwise `start`.
  int32_t joiner_run_end(int32_t start) const {
    int32_t i = start, next = start;
    bool comma_or_colon = false;
    UChar32 c = at(i, &next);
    while (c >= 0 && is_joiner(c)) {
      comma_or_colon = comma_or_colon || c == ',' || c == ':';
      i = next;
      c = at(i, &next);
    }
    if (c < 0 || !is_word_char(c)) return start;
    if (comma_or_colon && !(u_isdigit(c) && u_isdigit(last_char_before(start)))) return start;
    return i;
  }

  UChar32 last_char_before(int32_t pos) const {
    const auto* s = reinterpret_cast<const uint8_t*>(text_.data());
    if (pos <= 0) return -1;
    UChar32 c;
    U8_PREV(s, 0, pos, c);
    return c;
  }

  /// ",-" or ",=" after an amount means "whole euros": skip it without ending the clause.
  bool swallow_whole_euros(int32_t& i) const {
    if (i < static_cast<int32_t>(text_.size()) && (text_[i] == '-' || text_[i] == '=')) {
      while (i < static_cast<int32_t>(text_.size()) && (text_[i] == '-' || text_[i] == '=')) ++i;
      return true;
    }
    return false;
  }

  void end_word(int32_t end) {
    if (word_begin_ < 0) return;
    const auto begin = static_cast<std::size_t>(word_begin_);
    word_begin_ = -1;
    std::string_view original = text_.substr(begin, static_cast<std::size_t>(end) - begin);
    const bool first_of_sentence = sentence_start_;
    token& t = add(begin, static_cast<std::size_t>(end), fold_word(original), false);
    t.conjunction = one_of(t.text, conjunctions);
    t.capitalised = !first_of_sentence && starts_capitalised(original);
  }

  /// kb::fold, with a fast path for ASCII (where folding is lower-casing).
  static std::string fold_word(std::string_view word) {
    const bool ascii = std::all_of(word.begin(), word.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii) return straight_quotes(fold(word));
    std::string out(word);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

  /// "zzp’er" -> "zzp'er".
  static std::string straight_quotes(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      const bool curly = i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' &&
                         (s[i + 2] == '\x98' || s[i + 2] == '\x99');
      out += curly ? '\'' : s[i];
      if (curly) i += 2;
    }
    return out;
  }

  static bool starts_capitalised(std::string_view word) {
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    const auto n = static_cast<int32_t>(word.size());
    int32_t i = 0;
    UChar32 first;
    U8_NEXT(s, i, n, first);
    if (first < 0 || !u_isupper(first)) return false;
    while (i < n) {  // "Best" yes, "BEST" no: shouting is not a capital
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c >= 0 && u_islower(c)) return true;
    }
    return false;
  }

  token& add(std::size_t begin, std::size_t end, std::string text, bool punct) {
    token t;
    t.text = std::move(text);
    t.begin = begin;
    t.end = end;
    t.punct = punct;
    if (!punct) sentence_start_ = false;
    out_.push_back(std::move(t));
    return out_.back();
  }

  std::string_view text_;
  std::vector<token> out_;
  int32_t word_begin_ = -1;
  bool sentence_start_ = true;
};

std::vector<token> tokenize(std::string_view text) {
  return tokenizer(text).run();
}

/// "geen 5 maar 7", "niet in Overijssel maar in Zutphen": the words from the negation up to
/// "maar" are replaced by what follows, so they state nothing. "geen X maar wel Y" is a contrast,
/// not a correction, and is left alone.
void mask_corrections(std::vector<token>& t) {
  constexpr std::size_t max_replaced = 4;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].text != "geen" && t[i].text != "niet") continue;
    for (std::size_t j = i + 1; j < t.size() && j <= i + max_replaced + 1; ++j) {
      if (t[j].text == "maar") {
        const bool contrast =
            j + 1 < t.size() && (t[j + 1].text == "wel" || t[j + 1].text == "ook");
        if (j > i + 1 && !contrast)
          for (std::size_t k = i; k <= j; ++k) t[k].masked = true;
        break;
      }
      const bool comma_before_maar =
          t[j].text == "," && j + 1 < t.size() && t[j + 1].text == "maar";
      if (t[j].ends_clause() && !comma_before_maar) break;
    }
  }
}

/// "geen familiebedrijf", "nog niet ingeschreven": a negation just before, in the same clause.
bool negated(const std::vector<token>& t, std::size_t first) {
  for (std::size_t back = 1; back <= negation_reach && back <= first; ++back) {
    const token& w = t[first - back];
    if (w.ends_clause()) return false;
    if (!w.masked && one_of(w.text, negators)) return true;
  }
  return false;
}

/// "we exporteren niet.": "niet" right after a phrase, closing the clause.
bool negated_after(const std::vector<token>& t, std::size_t last) {
  const std::size_t k = last + 1;
  if (k >= t.size() || t[k].masked || t[k].text != "niet") return false;
  return k + 1 == t.size() || t[k + 1].ends_clause();
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A number written with digits: "80.000", "1,5", "80k", "1,2mln". */
struct numeral {
  double value = 0;
  bool money = false;          ///< thousands separators or a k/mln suffix: an amount
  bool plain_integer = false;  ///< only digits: "2019", "12"
};

std::optional<double> to_double(const std::string& s) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v) || v > 1e15)
    return std::nullopt;
  return v;
}

/// True when every group after the first has three digits: "80.000", "2.500.000".
bool thousands_groups(std::string_view body, char sep) {
  auto parts = split(body, sep);
  if (parts.front().empty() || parts.front().size() > 3) return false;
  for (std::size_t k = 1; k < parts.size(); ++k)
    if (parts[k].size() != 3) return false;
  return true;
}

std::optional<numeral> parse_numeral(std::string_view w) {
  numeral out;
  double factor = 1;
  for (auto [suffix, f] :
       {std::pair<std::string_view, double>{"mln", 1e6}, {"mio", 1e6}, {"k", 1e3}})
    if (w.size() > suffix.size() && w.ends_with(suffix)) {
      w.remove_suffix(suffix.size());
      factor = f;
      out.money = true;
      break;
    }
  if (w.empty() || w.size() > 24 || !std::isdigit(static_cast<unsigned char>(w.front())) ||
      !std::isdigit(static_cast<unsigned char>(w.back())))
    return std::nullopt;
  if (w.find_first_not_of("0123456789.,") != std::string_view::npos) return std::nullopt;
  if (w.size() > 1 && w[0] == '0' && std::isdigit(static_cast<unsigned char>(w[1])))
    return std::nullopt;  // "06 1234", "0612345678": a phone number, not a quantity
  const auto dots = std::count(w.begin(), w.end(), '.');
  const auto commas = std::count(w.begin(), w.end(), ',');
  std::string digits(w);
  auto drop = [&](char c) {
    digits.erase(std::remove(digits.begin(), digits.end(), c), digits.end());
  };
  if (dots && commas) {  // "1.234,56" (Dutch) or "1,234.56"
    const char decimal = w.rfind(',') > w.rfind('.') ? ',' : '.';
    const char thousands = decimal == ',' ? '.' : ',';
    if ((decimal == ',' ? commas : dots) != 1) return std::nullopt;
    if (!thousands_groups(w.substr(0, w.rfind(decimal)), thousands)) return std::nullopt;
    drop(thousands);
    std::replace(digits.begin(), digits.end(), decimal, '.');
    out.money = true;
  } else if (dots || commas) {
    const char sep = dots ? '.' : ',';
    if (sep == '.' && thousands_groups(w, '.')) {  // "80.000"
      drop('.');
      out.money = true;
    } else if ((dots ? dots : commas) == 1) {  // "1,5" (Dutch), "1.5"
      std::replace(digits.begin(), digits.end(), ',', '.');
    } else if (thousands_groups(w, ',')) {  // "80,000,000"
      drop(',');
      out.money = true;
    } else {
      return std::nullopt;
    }
  } else {
    out.plain_integer = factor == 1;
  }
  auto v = to_double(digits);
  if (!v) return std::nullopt;
  out.value = *v * factor;
  return out;
}

/// True when `w` is made of numeral parts, joined by "en" between numbers: "vijfendertigduizend",
/// "honderd". Rejects "tweede", "achtergrond", "tienen" and the article "een". This cheap check
/// comes before ICU's slow lenient parse.
bool has_numeral_shape(std::string_view w) {
  if (w.empty() || w.size() > 80 || w == "een") return false;
  // after_number[p]: w[0, p) splits into parts ending with a number; after_en[p]: ending with "en".
  std::vector<char> after_number(w.size() + 1, 0), after_en(w.size() + 1, 0);
  for (std::size_t p = 0; p < w.size(); ++p) {
    const bool may_take_number = p == 0 || after_en[p] || after_number[p];
    if (after_number[p] && w.substr(p).starts_with("en")) after_en[p + 2] = 1;
    if (!may_take_number) continue;
    for (std::string_view part : numeral_parts)
      if (w.substr(p).starts_with(part)) after_number[p + part.size()] = 1;
  }
  return after_number[w.size()];
}

/// Parses a spelled-out Dutch number with ICU's rule-based spell-out rules ("tachtigduizend" ->
/// 80000). ICU's Dutch rules contain soft hyphens, so only lenient parsing reads plain words.
std::optional<double> parse_spelled(std::string_view w) {
  if (!has_numeral_shape(w)) return std::nullopt;
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> spellout = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("nl"),
                                                          status);
    if (U_FAILURE(status)) return std::unique_ptr<icu::RuleBasedNumberFormat>{};
    f->setLenient(true);
    return f;
  }();
  if (!spellout) return std::nullopt;
  icu::UnicodeString s =
      icu::UnicodeString::fromUTF8(icu::StringPiece(w.data(), static_cast<int32_t>(w.size())));
  icu::Formattable result;
  icu::ParsePosition pos(0);
  spellout->parse(s, result, pos);
  if (pos.getIndex() != s.length()) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  double v = result.getDouble(status);
  if (U_FAILURE(status) || !std::isfinite(v)) return std::nullopt;
  return v;
}

/// "vijven" -> 5, "tweeen" -> 2, "zessen" -> 6 (the group form after "met z'n").
std::optional<double> parse_group_numeral(std::string_view w) {
  if (w.size() < 5 || !w.ends_with("en")) return std::nullopt;
  std::string base(w.substr(0, w.size() - 2));
  if (base.back() == 'v') base.back() = 'f';  // vijven -> vijf, twaalven -> twaalf
  const bool doubled = base.size() > 2 && base.back() == base[base.size() - 2];
  if (doubled && std::string_view("aeiou").find(base.back()) == std::string_view::npos)
    base.pop_back();  // zessen -> zes (but tweeen -> twee)
  return parse_spelled(base);
}

enum class number_kind {
  amount,    ///< money: "€ 80.000", "2 ton", "80k"
  count,     ///< a plain number: "12", "honderd"
  year,      ///< a point in time: "vorig jaar", "3 jaar geleden", "net"
  duration,  ///< "3 jaar": a company's age or a person's
};

/** A number found in the text, with the tokens it spans ("€ 80.000,-", "anderhalve ton"). */
struct mention {
  double value = 0;
  number_kind kind = number_kind::count;
  std::size_t first = 0, last = 0;
  bool year_like = false;  ///< a plain four-digit count that may be a year: "2019"
  bool rate = false;       ///< "per" follows: "1500 euro per maand" is no lump sum
};

/** Finds numbers in the tokens: digits, spelled-out numbers, magnitudes, currencies, years. */
class number_finder {
 public:
  number_finder(const std::vector<token>& t, date today) : t_(t), today_(today) {}

  std::vector<mention> run() {
    for (std::size_t i = 0; i < t_.size();) i = read_at(i);
    return std::move(out_);
  }

 private:
  const std::string& word(std::size_t i) const {
    static const std::string none;
    return i < t_.size() && !t_[i].punct && !t_[i].masked ? t_[i].text : none;
  }

  /// Reads the number starting at token i, if any; returns the next token to look at.
  std::size_t read_at(std::size_t i) {
    if (word(i).empty()) return i + 1;
    if (auto next = read_relative_year(i)) return *next;
    std::optional<double> base;
    bool money = false, plain_integer = false;
    std::size_t j = i + 1;
    const std::string& w = word(i);
    const std::string& after = word(i + 1);
    const bool before_magnitude = magnitude_of(after).has_value();
    if (auto n = parse_numeral(w)) {
      base = n->value;
      money = n->money;
      plain_integer = n->plain_integer;
    } else if (i >= 2 && one_of(word(i - 1), group_pronouns) && word(i - 2) == "met") {
      base = parse_group_numeral(w);
    } else if (w == "een" && (after == "half" || after == "halve")) {
      base = 0.5;  // "een half miljoen"
      j = i + 2;
      if (!magnitude_of(word(j))) return i + 1;
    } else if (w == "een" || w == "anderhalf" || w == "anderhalve" || w == "half" || w == "halve") {
      const bool takes_year = w == "een" || w.starts_with("ander");
      if (!before_magnitude && !(takes_year && one_of(after, year_words))) return i + 1;
      base = w == "een" ? 1.0 : w.starts_with("ander") ? 1.5 : 0.5;
    } else if ((base = spelled(w))) {
      plain_integer = true;
    }
    if (!base) return i + 1;
    double value = *base;
    if (auto factor = magnitude_of(word(j))) {
      value *= *factor;
      money = true;
      plain_integer = false;
      ++j;
    }
    std::size_t first = i;
    const bool free_before = out_.empty() || out_.back().last + 1 < i;
    if (i > 0 && free_before && one_of(word(i - 1), currency_words)) {
      money = true;
      first = i - 1;
    }
    if (one_of(word(j), currency_words)) {
      money = true;
      ++j;
    }
    if (one_of(word(j), percent_words)) return j + 1;  // "5%", "3 procent": not a quantity here
    mention m{value, money ? number_kind::amount : number_kind::count, first, j - 1};
    if (!money && std::floor(value) == value && one_of(word(j), year_words)) {
      m.kind = number_kind::duration;  // "3 jaar"
      m.last = j++;
      if (word(j) == "geleden") {  // "3 jaar geleden": a year
        m.kind = number_kind::year;
        m.value = today_.year - value;
        m.last = j++;
      }
    }
    m.year_like = m.kind == number_kind::count && plain_integer && value >= 1800 &&
                  value <= today_.year && word(i).size() == 4;
    m.rate = word(j) == "per" || word(j + 1) == "per";  // "1500 euro (huur) per maand"
    if (!negated(t_, m.first)) out_.push_back(m);       // "we zoeken 25k, niet 30k"
    return j;
  }

  /// "vorig jaar", "dit jaar", "net" / "pas" (as in "net gestart").
  std::optional<std::size_t> read_relative_year(std::size_t i) {
    const std::string& w = word(i);
    int offset = 0;
    std::size_t len = 1;
    if ((w == "vorig" || w == "vorige" || w == "afgelopen") && word(i + 1) == "jaar") {
      offset = -1;
      len = 2;
    } else if (w == "dit" && word(i + 1) == "jaar") {
      len = 2;
    } else if (!one_of(w, just_now_words)) {
      return std::nullopt;
    }
    out_.push_back({static_cast<double>(today_.year + offset), number_kind::year, i, i + len - 1});
    return i + len;
  }

  /// parse_spelled, remembered per text: ICU's lenient parse is slow and words repeat.
  std::optional<double> spelled(const std::string& w) {
    auto it = spelled_.find(w);
    if (it == spelled_.end()) it = spelled_.emplace(w, parse_spelled(w)).first;
    return it->second;
  }

  const std::vector<token>& t_;
  date today_;
  std::vector<mention> out_;
  std::unordered_map<std::string, std::optional<double>> spelled_;
};

/// The value a number takes in a field of type `type`, if it can be one.
std::optional<double> fit(const mention& m, field_type type, date today) {
  const bool integral = std::floor(m.value) == m.value;
  switch (type) {
    case field_type::bedrag:
      if (m.kind == number_kind::amount) return m.value;
      // "ik heb 25000 nodig": a bare number is money only when it is large and no year.
      if (m.kind == number_kind::count && !m.year_like && integral && m.value >= 1000)
        return m.value;
      return std::nullopt;
    case field_type::getal:
      if ((m.kind == number_kind::count || m.kind == number_kind::duration) && integral)
        return m.value;
      return std::nullopt;
    case field_type::jaar: {
      std::optional<double> y;
      if (m.kind == number_kind::year || (m.kind == number_kind::count && m.year_like)) y = m.value;
      if (m.kind == number_kind::duration) y = today.year - m.value;
      if (y && *y >= 1000 && *y <= 9999 && std::floor(*y) == *y) return y;
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

// ---------------------------------------------------------------------------------------------
// Phrases: keywords of velden.yaml and places of plaatsen.tsv

enum class hit_kind {
  choice,  ///< a keuze value's `woorden`
  yes,     ///< herken_ja
  no,      ///< herken_nee
  fixed,   ///< herken_vast
  cue,     ///< herken_bij: claims a nearby number
  place,   ///< a place of plaatsen.tsv
};

enum class place_rule { anywhere, after_cue_or_capital, capital_only };

struct phrase {
  std::vector<std::string> words;  ///< folded tokens
  std::size_t field = 0;           ///< index in the field set
  hit_kind kind = hit_kind::choice;
  value val;
  place_rule rule = place_rule::anywhere;
};

/** A phrase found in the text, at tokens [first, last]. */
struct hit {
  std::size_t field = 0;
  hit_kind kind = hit_kind::choice;
  value val;
  std::size_t first = 0, last = 0;
  std::size_t length() const { return last - first + 1; }
};

/** A fact about to be reported, with the tokens it came from. */
struct candidate {
  std::size_t field = 0;
  value val;
  std::size_t first = 0, last = 0;
};

/** Every phrase to look for, indexed by its first word, and copies of the fields and places. */
struct lexicon_data {
  field_set fields;
  place_index places;
  std::vector<phrase> phrases;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_word;
  std::optional<std::size_t> default_amount_field;

  /// Adds a phrase in its spellings: "kvk-nummer" also as "kvk nummer"; a place also with all
  /// hyphens or all spaces ("Nieuw-Heeten", "Rijssen Holten").
  void add(std::string_view text, std::size_t field, hit_kind kind, const value& val,
           place_rule rule = place_rule::anywhere) {
    std::string spaced(text), hyphened(text);
    std::replace(spaced.begin(), spaced.end(), '-', ' ');
    std::replace(hyphened.begin(), hyphened.end(), ' ', '-');
    add_spelling(text, field, kind, val, rule);
    if (spaced != text) add_spelling(spaced, field, kind, val, rule);
    if (kind == hit_kind::place && hyphened != text) add_spelling(hyphened, field, kind, val, rule);
  }

 private:
  void add_spelling(std::string_view text, std::size_t field, hit_kind kind, const value& val,
                    place_rule rule) {
    std::vector<token> tokens = tokenize(text);
    while (!tokens.empty() && tokens.back().punct) tokens.pop_back();  // "v.o.f." -> v.o.f
    std::vector<std::string> words;
    for (auto& t : tokens)
      if (!t.punct || !words.empty()) words.push_back(std::move(t.text));
    if (words.empty()) return;
    by_first_word[words.front()].push_back(phrases.size());
    phrases.push_back({std::move(words), field, kind, val, rule});
  }
};

place_rule rule_for_place(std::string_view folded_name) {
  if (one_of(folded_name, capital_only_place_names)) return place_rule::capital_only;
  if (one_of(folded_name, everyday_place_names)) return place_rule::after_cue_or_capital;
  return place_rule::anywhere;
}

bool place_allowed(const std::vector<token>& t, std::size_t i, place_rule rule) {
  if (i > 0 && t[i - 1].text == "provincie") return false;  // "provincie Groningen"
  switch (rule) {
    case place_rule::anywhere:
      return true;
    case place_rule::after_cue_or_capital:
      return t[i].capitalised ||
             (i > 0 && !t[i - 1].masked && one_of(t[i - 1].text, location_cues));
    case place_rule::capital_only:
      return t[i].capitalised;
  }
  return false;
}

std::vector<hit> find_phrases(const std::vector<token>& t, const lexicon_data& lex) {
  std::vector<hit> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].masked) continue;
    auto it = lex.by_first_word.find(t[i].text);
    if (it == lex.by_first_word.end()) continue;
    for (std::size_t id : it->second) {
      const phrase& p = lex.phrases[id];
      const std::size_t n = p.words.size();
      if (i + n > t.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < n && match; ++k)
        match = !t[i + k].masked && t[i + k].text == p.words[k];
      if (!match) continue;
      if (p.kind == hit_kind::place && !place_allowed(t, i, p.rule)) continue;
      out.push_back({p.field, p.kind, p.val, i, i + n - 1});
    }
  }
  return out;
}

/// Applies negation (a negated yes-phrase means no; a negated keyword states nothing), then keeps,
/// where phrases of one field overlap, the longest ("nog niet ingeschreven" over "ingeschreven";
/// "hengelo gld" over "hengelo"); at equal length a no-phrase wins.
std::vector<hit> resolve_hits(std::vector<hit> hits, const std::vector<token>& t) {
  std::vector<hit> kept;
  for (auto& h : hits) {
    if (h.kind != hit_kind::cue && h.kind != hit_kind::no &&
        (negated(t, h.first) || negated_after(t, h.last))) {
      if (h.kind != hit_kind::yes) continue;
      h.kind = hit_kind::no;
      h.val = false;
    }
    kept.push_back(std::move(h));
  }
  auto beats = [](const hit& a, const hit& b) {
    if (a.length() != b.length()) return a.length() > b.length();
    return a.kind == hit_kind::no && b.kind == hit_kind::yes;
  };
  auto rivals = [](const hit& a, const hit& b) {
    return a.field == b.field && (a.kind == hit_kind::cue) == (b.kind == hit_kind::cue) &&
           a.first <= b.last && b.first <= a.last;
  };
  // Hits come sorted by their first token; a rival starts at most `longest` tokens earlier.
  std::size_t longest = 0;
  for (const auto& h : kept) longest = std::max(longest, h.length());
  std::vector<hit> out;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const hit& b = kept[i];
    bool beaten = false;
    for (std::size_t j = i; j-- > 0 && kept[j].first + longest > b.first && !beaten;)
      beaten = rivals(kept[j], b) && beats(kept[j], b);
    for (std::size_t j = i + 1; j < kept.size() && kept[j].first <= b.last && !beaten; ++j)
      beaten = rivals(kept[j], b) && beats(kept[j], b);
    if (!beaten) out.push_back(b);
  }
  return out;
}

/// Pairs signal words with numbers: nearest first (at most `max_cue_gap` words apart, or
/// `max_amount_gap` for money, in one clause, of a fitting kind), each used once. When exactly one
/// amount is left unclaimed, and it is no rate ("per maand"), it goes to the `herken_standaard`
/// field; two would be a guess. Any other unclaimed number states nothing.
std::vector<candidate> assign_numbers(const std::vector<mention>& mentions,
                                      const std::vector<hit>& hits, const std::vector<token>& t,
                                      const lexicon_data& lex, date today) {
  struct pairing {
    std::size_t gap;
    bool cue_before;
    std::size_t cue, number;
    double value;
  };
  auto clause_between = [&](std::size_t from, std::size_t to) {  // tokens strictly between
    for (std::size_t k = from + 1; k < to; ++k)
      if (t[k].ends_clause()) return true;
    return false;
  };
  std::vector<pairing> pairs;
  for (std::size_t c = 0; c < hits.size(); ++c) {
    const hit& cue = hits[c];
    if (cue.kind != hit_kind::cue) continue;
    const field_type type = lex.fields.all()[cue.field].type;
    // Mentions are sorted and disjoint: start at the first that may lie within reach.
    const std::size_t reach = max_amount_gap + 1;
    const std::size_t reach_from = cue.first > reach ? cue.first - reach : 0;
    auto m = std::lower_bound(mentions.begin(), mentions.end(), reach_from,
                              [](const mention& x, std::size_t pos) { return x.last < pos; });
    for (; m != mentions.end() && m->first <= cue.last + reach; ++m) {
      if (m->first <= cue.last && cue.first <= m->last) continue;  // overlapping
      const bool before = cue.last < m->first;
      const std::size_t from = before ? cue.last : m->last, to = before ? m->first : cue.first;
      const std::size_t gap = to - from - 1;
      const bool money = type == field_type::bedrag && m->kind == number_kind::amount;
      if (gap > (money ? max_amount_gap : max_cue_gap) || clause_between(from, to)) continue;
      // "1200 medewerkers" is a count, but "ik ben geboren in 1980" is no age.
      if (type == field_type::getal && m->year_like && (gap > 0 || before)) continue;
      if (auto v = fit(*m, type, today))
        pairs.push_back({gap, before, c, static_cast<std::size_t>(m - mentions.begin()), *v});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const pairing& a, const pairing& b) {
    if (a.gap != b.gap) return a.gap < b.gap;
    if (a.cue_before != b.cue_before) return !a.cue_before;  // units follow: "12 medewerkers"
    return a.number < b.number;
  });
  std::vector<char> cue_used(hits.size(), 0), number_used(mentions.size(), 0);
  std::vector<candidate> out;
  for (const auto& p : pairs) {
    if (cue_used[p.cue] || number_used[p.number]) continue;
    cue_used[p.cue] = number_used[p.number] = 1;
    const hit& cue = hits[p.cue];
    const mention& m = mentions[p.number];
    out.push_back({cue.field, p.value, std::min(cue.first, m.first), std::max(cue.last, m.last)});
  }
  std::vector<std::size_t> unclaimed;
  for (std::size_t k = 0; k < mentions.size(); ++k)
    if (!number_used[k] && mentions[k].kind == number_kind::amount && !mentions[k].rate)
      unclaimed.push_back(k);
  if (lex.default_amount_field && unclaimed.size() == 1) {
    const mention& m = mentions[unclaimed.front()];
    out.push_back({*lex.default_amount_field, m.value, m.first, m.last});
  }
  return out;
}

/// The original words of tokens [first, last], as valid UTF-8.
std::string evidence_of(std::string_view text, const std::vector<token>& t, std::size_t first,
                        std::size_t last) {
  std::string_view raw = text.substr(t[first].begin, t[last].end - t[first].begin);
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())))
      .toUTF8String(out);
  return out;
}

/// One fact per field (the last stated wins), derived fields dropped when their base is stated,
/// values made canonical, in text order.
std::vector<extracted_fact> choose_facts(std::vector<candidate> cands, std::string_view text,
                                         const std::vector<token>& t, const lexicon_data& lex) {
  std::map<std::size_t, candidate> last_by_field;
  std::stable_sort(cands.begin(), cands.end(),
                   [](const candidate& a, const candidate& b) { return a.last < b.last; });
  for (auto& c : cands) last_by_field[c.field] = c;
  std::set<std::string> stated;
  for (const auto& [field, c] : last_by_field) stated.insert(lex.fields.all()[field].name);
  std::vector<std::pair<std::size_t, extracted_fact>> ordered;
  for (const auto& [field, c] : last_by_field) {
    const field_def& def = lex.fields.all()[field];
    if (!def.derived_from.empty() && stated.count(def.derived_from)) continue;
    try {
      ordered.push_back({c.first,
                         {def.name, canonical_value(def, c.val, lex.places),
                          evidence_of(text, t, c.first, c.last)}});
    } catch (const profile_error&) {
      // A value that does not fit its field (a year 12) is not a fact.
    }
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<extracted_fact> out;
  for (auto& [pos, f] : ordered) out.push_back(std::move(f));
  return out;
}

}  // namespace

bool is_spelled_number(std::string_view folded) {
  return has_numeral_shape(folded);
}

struct fact_extractor::lexicon : lexicon_data {};

fact_extractor::fact_extractor(const field_set& fields, const place_index& places) {
  auto lex = std::make_unique<lexicon>();
  lex->fields = fields;
  lex->places = places;
  const auto& all = lex->fields.all();
  for (std::size_t k = 0; k < all.size(); ++k) {
    const field_def& f = all[k];
    if (f.type == field_type::keuze && !f.choices_from_places)
      for (const auto& c : f.choices)
        for (const auto& w : c.words) lex->add(w, k, hit_kind::choice, c.value);
    for (const auto& w : f.yes_words) lex->add(w, k, hit_kind::yes, true);
    for (const auto& w : f.no_words) lex->add(w, k, hit_kind::no, false);
    for (const auto& w : f.cue_words) lex->add(w, k, hit_kind::cue, 0.0);
    for (const auto& fw : f.fixed)
      for (const auto& w : fw.words) lex->add(w, k, hit_kind::fixed, fw.value);
    if (f.default_amount && !lex->default_amount_field) lex->default_amount_field = k;
    if (f.choices_from_places)
      for (const auto& [name, p] : places.entries())
        lex->add(name, k, hit_kind::place, p.gemeente, rule_for_place(name));
  }
  lex_ = std::move(lex);
}

fact_extractor::~fact_extractor() = default;
fact_extractor::fact_extractor(fact_extractor&&) noexcept = default;
fact_extractor& fact_extractor::operator=(fact_extractor&&) noexcept = default;

std::vector<extracted_fact> fact_extractor::extract(std::string_view text, date today) const {
  if (!lex_) return {};  // moved from
  try {
    if (text.size() > max_text_bytes) text = text.substr(0, max_text_bytes);
    std::vector<token> tokens = tokenize(text);
    mask_corrections(tokens);
    std::vector<hit> hits = resolve_hits(find_phrases(tokens, *lex_), tokens);
    std::vector<mention> numbers = number_finder(tokens, today).run();
    std::vector<candidate> cands = assign_numbers(numbers, hits, tokens, *lex_, today);
    for (const auto& h : hits)
      if (h.kind != hit_kind::cue) cands.push_back({h.field, h.val, h.first, h.last});
    return choose_facts(std::move(cands), text, tokens, *lex_);
  } catch (const std::exception&) {
    return {};  // ICU unavailable or out of memory: understood nothing
  }
}

std::vector<extracted_fact> extract_facts(std::string_view text, const field_set& fields,
                                          const place_index& places, date today) {
  try {
    return fact_extractor(fields, places).extract(text, today);
  } catch (const std::exception&) {
    return {};
  }
}

void apply_facts(profile& p, const std::vector<extracted_fact>& facts, const field_set& fields,
                 const place_index& places, date today) {
  std::set<std::string> in_batch;
  for (const auto& f : facts) in_batch.insert(f.field);
  for (const auto& f : facts) {
    const field_def* def = fields.find(f.field);
    if (!def) continue;
    try {
      p.set(f.field, canonical_value(*def, f.val, places));
    } catch (const profile_error&) {
      continue;
    }
    for (const auto& d : fields.all())  // a new gemeente makes a stated provincie stale
      if (d.derived_from == f.field && !in_batch.count(d.name)) p.erase(d.name);
  }
  p.derive(fields, places, today);
}

}  // namespace kb
