/** @file fields.hpp
 *  @brief The profile fields of corpus/velden.yaml: what Finwijzer can know about a business.
 */
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/diagnostics.hpp"

namespace kb {

class place_index;

enum class field_type { getal, bedrag, jaar, ja_nee, keuze, tekst };

/// The corpus name of a type ("getal", "ja_nee", ...).
std::string_view to_string(field_type t);
std::optional<field_type> parse_field_type(std::string_view s);
/// getal, bedrag and jaar hold numbers and can be ordered.
inline bool is_numeric(field_type t) {
  return t == field_type::getal || t == field_type::bedrag || t == field_type::jaar;
}

/** One allowed value of a keuze field. `words` let the advisor recognise it in free text. */
struct choice {
  std::string value;
  std::string label;
  std::vector<std::string> words;
  std::string phase;  ///< `fase`: the instrument phase this value points to (doel values), or empty
};

/** A quick-reply option for a number field: a label and the number it stands for. */
struct number_option {
  std::string label;
  double value = 0;
};

/** `herken_vast`: phrases that give a number field a fixed value ("zzp'er" -> 1 person). */
struct fixed_words {
  double value = 0;
  std::vector<std::string> words;
};

struct field_def {
  std::string name;
  field_type type = field_type::tekst;
  std::string label;
  std::string question;  ///< the B1 question that asks for this field
  std::vector<choice> choices;
  bool choices_from_places = false;  ///< `waarden_uit: plaatsen`: the gemeenten of plaatsen.tsv
  std::string derived_from;          ///< field this one can be computed from, or empty
  std::vector<number_option> options;
  // How the advisor recognises this field in free text (docs/corpus.md, section 3).
  std::vector<std::string> yes_words;  ///< `herken_ja` (ja_nee): phrases that mean "ja"
  std::vector<std::string> no_words;   ///< `herken_nee` (ja_nee): phrases that mean "nee"
  std::vector<std::string> cue_words;  ///< `herken_bij` (numbers): words that claim a nearby number
  std::vector<fixed_words> fixed;      ///< `herken_vast` (numbers): phrases with a fixed value
  bool default_amount = false;  ///< `herken_standaard` (bedrag): takes amounts nothing else claims
  int line = 0;

  /// The choice whose value equals `v` after folding, or nullptr.
  const choice* find_choice(std::string_view v) const;
};

/** All profile fields, in file order. */
class field_set {
 public:
  const field_def* find(std::string_view name) const;
  const std::vector<field_def>& all() const { return fields_; }
  void add(field_def f) { fields_.push_back(std::move(f)); }
  /// Fills the choices of `waarden_uit: plaatsen` fields with the gemeenten of `p`.
  void attach_places(const place_index& p);

 private:
  std::vector<field_def> fields_;
};

/// Loads and validates velden.yaml. Problems go to `diag`; the returned set holds what was valid.
field_set load_fields(const std::filesystem::path& file, diagnostics& diag);

}  // namespace kb
