/** @file analyzer.hpp
 *  @brief The one Dutch analysis pipeline, used for indexing, querying, spelling and synonyms
 * alike.
 *
 *  text → ICU word tokens (folded, `'s` removed) → numbers and amounts normalised → stop words
 *  marked → Hunspell lemma → Xapian `dutch` stem; compounds split into their parts.
 */
#pragma once

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/lemmatizer.hpp"
#include "indexer/lexicon.hpp"

namespace indexer {

/** One analysed word of a text. */
struct word {
  std::string surface;  ///< as written ("Bedrijfsovername", "€ 50.000" for a merged amount)
  std::string folded;   ///< folded form, or the normalised number ("50000")
  unsigned position = 0;
  bool stop = false;                    ///< a stop word: not indexed, not searched
  bool number = false;                  ///< an amount or number, normalised in `folded`
  std::string stem;                     ///< stem of the lemma (no prefix); empty for numbers
  std::vector<std::string> parts;       ///< compound parts (folded), empty when not a compound
  std::vector<std::string> part_stems;  ///< stems of the parts' lemmas
};

/// Identifies the analysis settings; stored in every index and checked by readers.
std::string analysis_signature(const lexicon& lex);

/** Not thread-safe (Hunspell and Xapian::Stem are not): one per thread, sharing the lexicon. */
class analyzer {
 public:
  explicit analyzer(std::shared_ptr<const lexicon> lex);

  std::vector<word> analyze(std::string_view text);
  /// The stem of one folded word via its lemma ("fietsen" and "fiets" give the same stem).
  std::string stem_word(const std::string& lower);
  const lexicon& lex() const { return *lex_; }
  /// Splits a word the index does not know, more eagerly than at index time (see
  /// decompounder::split_unknown), filling `parts` and `part_stems`.
  void split_unknown(word& w);

 private:
  /// The folded lemma of a lowercase word. A compound is lemmatised by its head, itself perhaps a
  /// compound ("verpakkingsmaterialen" -> "verpakkings" + lemma("materialen")): Hunspell 1.7.1
  /// reads outside its buffers on some compounds (ASan: "verpakkingsmateriaal", 147 words of
  /// wdutch), and a Dutch compound inflects at its head anyway.
  std::string lemma_of(const std::string& lower, int depth = 0);
  /// The same, for a word already folded and split into `parts`.
  std::string lemma_of(const std::string& lower, const std::string& folded,
                       const std::vector<std::string>& parts, int depth);
  struct cached {
    std::string stem;
    std::vector<std::string> parts, part_stems;
  };
  std::shared_ptr<const lexicon> lex_;
  decompounder decompounder_;
  std::unordered_map<std::string, cached> cache_;  ///< lowercase word -> its analysis
  lemmatizer lemmatizer_;
  Xapian::Stem stemmer_{"dutch"};
};

/// Parses a Dutch number token: "50.000" → 50000, "1,5" → 1.5, "80k" → 80000. Nothing otherwise.
std::optional<double> parse_number(std::string_view token);

/// The factor of an amount word that may follow a number: duizend/mille/k → 1e3, ton → 1e5,
/// miljoen/mln → 1e6, miljard → 1e9; 0 for anything else.
double amount_multiplier(std::string_view folded);

/// Formats a normalised number without exponent ("50000", "1.5").
std::string format_number(double v);

}  // namespace indexer
