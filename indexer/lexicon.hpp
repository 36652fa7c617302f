/** @file lexicon.hpp
 *  @brief The Dutch word list used to split compounds: Debian wdutch plus the corpus vocabulary.
 */
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace indexer {

/** A set of folded Dutch words. Immutable after construction, so one instance serves all threads.
 */
class lexicon {
 public:
  /// Reads a word list (one word per line; Debian's /usr/share/dict/dutch) and adds `extra` words.
  /// Words are folded; entries with spaces, digits or capitals-only abbreviations are skipped.
  lexicon(const std::string& word_list_path, const std::vector<std::string>& extra);
  bool contains(std::string_view folded) const {
    std::string w(folded);
    return base_->all.count(w) > 0 || extra_.count(w) > 0;
  }
  std::size_t size() const;
  /// True for an ordinary lowercase Dutch word of the word list ("klein"), false for names and
  /// abbreviations it lists capitalised ("Tozo", "EFRO") and for corpus-only words.
  bool is_common(std::string_view folded) const {
    return base_->common.count(std::string(folded)) > 0;
  }
  /// The word list's spelling with diacritics of a word typed without them ("ideeen" ->
  /// "ideeën", "knieen" -> "knieën"), so that it meets its lemma; `lower` itself when the list
  /// has no such word, or has the plain form as a word of its own ("een" and "één"). The
  /// reference lives as long as `lower` and the lexicon.
  const std::string& accented(const std::string& lower) const {
    auto it = base_->accented.find(lower);
    return it == base_->accented.end() ? lower : it->second;
  }

 private:
  // The system word list is read once per process and shared by every lexicon built on it.
  struct word_list {
    std::unordered_set<std::string> all, common;
    std::unordered_map<std::string, std::string> accented;  ///< "ideeen" -> "ideeën"
  };
  static std::shared_ptr<const word_list> read_word_list(const std::string& path);
  std::shared_ptr<const word_list> base_;
  std::unordered_set<std::string> extra_;  ///< corpus words not in the word list
};

/// The system word list path (Debian package wdutch).
inline constexpr const char* default_word_list = "/usr/share/dict/dutch";

/** Splits Dutch compounds into known parts, with linking morphemes s, e and en. */
class decompounder {
 public:
  explicit decompounder(const lexicon& lex) : lex_(lex) {}
  /// The parts of a compound ("bedrijfsovernamefinanciering" -> bedrijf, overname, financiering),
  /// or nothing when the word is short, unknown in pieces, or a plain dictionary word of at most
  /// `whole_max` bytes ("huisarts" stays whole). Hyphens always split.
  std::vector<std::string> split(std::string_view folded) const;
  /// A recall fallback for a query word the index does not know: dictionary words split too, and a
  /// tail may have 3 letters ("bestelbus" -> bestel, bus; "bedrijfshal" -> bedrijf, hal); a
  /// separable verb is its verb ("meeinvesteren" -> investeren); failing those, a word with an
  /// unknown front is its head of five letters or more ("koffikmachine" -> machine).
  std::vector<std::string> split_unknown(std::string_view folded) const;

  static constexpr std::size_t min_part = 4;    ///< shorter parts are too ambiguous ("over", "in")
  static constexpr std::size_t whole_max = 11;  ///< dictionary words up to this length stay whole

 private:
  bool split_into(std::string_view w, std::vector<std::string>& out, int depth,
                  std::size_t min_tail) const;
  const lexicon& lex_;
};

}  // namespace indexer
