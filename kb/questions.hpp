/** @file questions.hpp
 *  @brief Judged questions (corpus/toetsvragen.tsv and tests/data sets) for measuring answer
 * quality.
 */
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "kb/diagnostics.hpp"

namespace kb {

/** A question and the instrument ids of which any one in the top 3 counts as right. */
struct judged_question {
  std::string text;
  std::string kind;  ///< from a `# soort: <kind>` comment or a first column; "overig" otherwise
  std::vector<std::string> expected;
  int line = 0;
};

/// Reads `vraag<TAB>id,id` lines (kind from the last `# soort: x` comment) or
/// `soort<TAB>vraag<TAB>id,id` lines. `#` starts a comment line.
std::vector<judged_question> load_questions(const std::filesystem::path& file, diagnostics& diag);

}  // namespace kb
