/** @file extract.hpp
 *  @brief Profile facts from an entrepreneur's free Dutch text: "bv uit Goor, 12 medewerkers,
 *  we zoeken 2 ton" gives rechtsvorm, gemeente, werkzame_personen and financieringsbedrag.
 *
 *  Every word that names a fact comes from the corpus: the `woorden` of keuze values and the
 *  `herken_ja`, `herken_nee`, `herken_bij`, `herken_vast` and `herken_standaard` keys of
 * velden.yaml (docs/corpus.md, section 3), and the places of plaatsen.tsv. The code itself knows
 * only Dutch grammar: how amounts, counts and years are written ("€ 80.000,-", "2 ton",
 * "tachtigduizend", "met z'n vijven", "sinds 2019", "bestaat 3 jaar"), negation ("geen
 * familiebedrijf", "niet 2 maar 3 ton") and which place names are everyday words ("best",
 * "huizen").
 *
 *  It never guesses: a number that no signal word claims stays unassigned ("ik heb 3 kinderen"),
 *  except an amount of money, which goes to the `herken_standaard` field.
 */
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kb/date.hpp"
#include "kb/fields.hpp"
#include "kb/places.hpp"
#include "kb/profile.hpp"

namespace kb {

/** One fact found in a text, with the words it came from (so the UI can show what was understood).
 */
struct extracted_fact {
  std::string field;     ///< a field of velden.yaml
  value val;             ///< canonical: a keuze value as listed, a place resolved to its gemeente
  std::string evidence;  ///< the words of the text it came from, as typed ("12 medewerkers")
};

/** Extracts facts; built once from the corpus (it indexes all keywords and places), then used for
 *  any number of texts. `extract` is const and thread-safe. */
class fact_extractor {
 public:
  fact_extractor(const field_set& fields, const place_index& places);
  ~fact_extractor();
  fact_extractor(fact_extractor&&) noexcept;
  fact_extractor& operator=(fact_extractor&&) noexcept;

  /// The facts stated in one utterance, in text order, at most one per field (a later statement
  /// wins: "12, nee 14 medewerkers" gives 14). `today` resolves "bestaat 3 jaar" and "net gestart".
  /// A field derived from another (provincie) is left out when its base (gemeente) is found.
  /// Never throws: on any input, including invalid UTF-8, it returns what it understood. Text
  /// beyond the first 64 KiB is ignored.
  std::vector<extracted_fact> extract(std::string_view text, date today) const;

 private:
  struct lexicon;
  std::unique_ptr<const lexicon> lex_;
};

/// True for a folded, spelled-out Dutch number made of numeral parts ("vijftien",
/// "vijfendertigduizend"), not for the article "een" or "tweede". Cheap: no ICU parse.
bool is_spelled_number(std::string_view folded);

/// Extracts facts from one utterance with a fact_extractor built for this call. Fields and keyword
/// lists come from `fields` (velden.yaml), places from `places`. Thread-safe; never throws.
std::vector<extracted_fact> extract_facts(std::string_view text, const field_set& fields,
                                          const place_index& places, date today);

/// Applies facts to a profile in order (a later statement overrides an earlier one), then
/// re-derives derived fields. A new value for a base field (gemeente) drops an earlier stated value
/// of the fields derived from it (provincie), so that they follow. A fact for an unknown field or
/// with a value that does not fit its field is skipped. Never throws.
void apply_facts(profile& p, const std::vector<extracted_fact>& facts, const field_set& fields,
                 const place_index& places, date today);

}  // namespace kb
