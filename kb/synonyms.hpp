/** @file synonyms.hpp
 *  @brief corpus/synoniemen.txt: interchangeable words (`a = b = c`) and one-way expansions (`a ->
 * b`).
 */
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "kb/diagnostics.hpp"

namespace kb {

/** One line of synoniemen.txt. Phrases are folded (lowercase, no accents). */
struct synonym_entry {
  std::vector<std::string>
      phrases;  ///< `=`: all interchangeable; `->`: phrases[0] expands to the rest
  bool one_way = false;
  int line = 0;
};

std::vector<synonym_entry> load_synonyms(const std::filesystem::path& file, diagnostics& diag);

}  // namespace kb
