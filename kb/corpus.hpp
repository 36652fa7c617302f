/** @file corpus.hpp
 *  @brief The whole knowledge base: instruments, fields, places, synonyms, desks, golden questions.
 */
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "kb/date.hpp"
#include "kb/desks.hpp"
#include "kb/diagnostics.hpp"
#include "kb/fields.hpp"
#include "kb/instrument.hpp"
#include "kb/places.hpp"
#include "kb/questions.hpp"
#include "kb/synonyms.hpp"

namespace kb {

struct corpus {
  std::vector<instrument> instruments;  ///< sorted by id
  field_set fields;
  place_index places;
  std::vector<synonym_entry> synonyms;
  std::vector<desk> desks;
  std::vector<judged_question> golden;  ///< toetsvragen.tsv

  const instrument* find(std::string_view id) const;
  std::size_t criteria_count() const;
};

/// Loads and validates a corpus directory. Every problem goes to `diag` (all of them, not only
/// the first); the result holds everything that was valid. `today` decides the staleness warnings.
corpus load_corpus(const std::filesystem::path& dir, diagnostics& diag, date today);

/// Parses one instrument file (front matter + body) and validates it against fields and places.
/// Returns false when the file has errors; `out` then holds what could be read.
bool load_instrument(const std::filesystem::path& file, const field_set& fields,
                     const place_index& places, diagnostics& diag, date today, instrument& out);

}  // namespace kb
