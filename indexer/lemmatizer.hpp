/** @file lemmatizer.hpp
 *  @brief Dutch lemmas from Hunspell (nl), so that fiets/fietsen and ziekenhuis/ziekenhuizen meet.
 */
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

class Hunspell;

namespace indexer {

/** Not thread-safe (Hunspell is not): give each thread its own. Results are cached per word. */
class lemmatizer {
 public:
  lemmatizer();
  ~lemmatizer();
  lemmatizer(const lemmatizer&) = delete;
  lemmatizer& operator=(const lemmatizer&) = delete;

  /// The lemma of a lowercase word (accents kept, as Hunspell needs them), folded;
  /// the folded word itself when Hunspell does not know it.
  const std::string& lemma(const std::string& lower);

  /// True when the Dutch dictionary files were found.
  bool available() const { return hs_ != nullptr; }

 private:
  std::unique_ptr<Hunspell> hs_;
  std::unordered_map<std::string, std::string> cache_;
};

/// True when `word` is `base` with a Dutch inflection: a suffix (-en, -s, -e, -tjes, ...), with
/// the usual spelling changes (huis/huizen, bedrijf/bedrijven, zaak/zaken). Both folded.
bool inflects(const std::string& base, const std::string& word);

inline constexpr const char* hunspell_aff = "/usr/share/hunspell/nl.aff";
inline constexpr const char* hunspell_dic = "/usr/share/hunspell/nl.dic";

}  // namespace indexer
