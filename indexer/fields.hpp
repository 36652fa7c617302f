/** @file fields.hpp
 *  @brief The texts of an instrument that the index holds, and how much each one weighs.
 *
 *  One list, so that the index (make_document), the searcher's "why" and coverage
 *  (searcher::stems_of) and the tests agree on which words an instrument has.
 */
#pragma once

#include <string>
#include <vector>

#include "kb/instrument.hpp"

namespace indexer {

/** One searchable text of an instrument. */
struct field_text {
  const char* name;  ///< the front-matter key it comes from ("titel", ...), or "body"
  std::string text;
  unsigned weight;  ///< within-document frequency of each of its words in the index
};

/// Field weights: a word in the title counts most, then keywords, summary, body and the example
/// questions (at the body's weight: a higher one let a question's common words decide,
/// docs/quality.md).
inline constexpr unsigned weight_title = 6, weight_keywords = 4, weight_summary = 2,
                          weight_body = 1, weight_questions = 1;

/// In index order: titel; trefwoorden with soort and aanbieder; samenvatting with doelgroep; the
/// body with the conditions' texts; voorbeeldvragen.
std::vector<field_text> searchable_fields(const kb::instrument& inst);

}  // namespace indexer
