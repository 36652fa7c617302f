/** @file index.hpp
 *  @brief Building, publishing and opening the Xapian index of a corpus.
 *
 *  Layout of an index directory:
 *  @code
 *  OUT/current -> gen-000007        symlink, swapped atomically with rename()
 *  OUT/gen-000007/db/               Xapian glass database, compacted
 *  OUT/gen-000007/corpus/           snapshot of the corpus it was built from (all `ask` needs)
 *  OUT/gen-000007/meta.json         format, generation, analysis signature, counts
 *  @endcode
 *  One writer at a time (a lock file); readers open whatever `current` names and never see a
 *  half-built generation. Old generations are kept a while for readers that still use them.
 */
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "indexer/champions.hpp"
#include "indexer/lexicon.hpp"
#include "kb/corpus.hpp"

namespace indexer {

/// 2: champion terms ("C" + stem) for the words of titles and keywords; spelling words from
/// titles and keywords only. 3: spelling words from the synonyms too. 4: a title or keyword word
/// is a spelling word only when it occurs there once per 10,000 texts. 5: the example questions
/// (voorbeeldvragen) are a field of their own, after the body. 6: spelling words from the other
/// fields too (the most frequent, at most 5,000).
inline constexpr int index_format = 6;

/** Terms of a document:
 *  - `Z` + stem: every content word and compound part, wdf = its field's weight (title 6,
 *    keywords 4, summary 2, body 1, example questions 1), so BM25 counts a word in the title
 *    most;
 *  - unprefixed folded words, with positions: phrases, and whether the texts know a word;
 *  - `N` + normalised amount;
 *  - `C` + stem: the word is in the title or the keywords field (trefwoorden, soort, aanbieder).
 *    These "champion lists" are short even on a large corpus; bot::searcher reads them first
 *    when the `Z` lists would be long;
 *  - boolean filters: `Q` id, `XS` soort, `XT` status, `XF` fase, `XR` regio.
 */

/// Document value slots.
enum value_slot : unsigned { slot_amount_min = 0, slot_amount_max = 1 };

/// Thrown when an index cannot be built or opened; the message is precise English.
struct index_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct build_stats {
  unsigned generation = 0;
  std::size_t documents = 0;
  double seconds = 0;
  std::filesystem::path path;
};

/// Loads and validates `corpus_dir`, builds generation N+1 in `out_dir` and publishes it.
/// Throws index_error (with every corpus error in `diag`) when the corpus has errors.
build_stats build_index(const std::filesystem::path& corpus_dir,
                        const std::filesystem::path& out_dir, kb::diagnostics& diag,
                        kb::date today);

/** A published generation opened for reading. Immutable: one instance serves every thread, but
 *  each thread opens its own Xapian::Database from `db_path` (Xapian handles are not thread-safe).
 */
struct snapshot {
  unsigned generation = 0;
  std::filesystem::path dir;
  std::filesystem::path db_path;
  std::string signature;
  kb::corpus corpus;
  std::shared_ptr<const lexicon> lex;
  std::shared_ptr<const champion_lists> champions;  ///< read from the database when opened
};

/// Opens the generation `current` names. Refuses an index of another format or analysis.
std::shared_ptr<const snapshot> open_index(const std::filesystem::path& index_dir);

/// The generation `current` names, or 0 when none is published. Cheap: reads one symlink.
unsigned current_generation(const std::filesystem::path& index_dir);

/// The words of a corpus's texts (folded, 4+ letters), added to the compound lexicon so that
/// domain words like "borgstelling" split and join the same way at index and query time.
std::vector<std::string> corpus_vocabulary(const kb::corpus& c);

/// The lexicon for a corpus: the system word list plus the corpus vocabulary.
std::shared_ptr<const lexicon> make_lexicon(const kb::corpus& c);

}  // namespace indexer
