/** @file tokenize.hpp
 *  @brief Splits Dutch text into folded word tokens with ICU's word break rules.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace indexer {

/** A word of the input: folded text and its position among the words. */
struct token {
  std::string text;       ///< folded: lowercase, no accents, trailing 's removed (auto's -> auto)
  std::string original;   ///< as written
  unsigned position = 0;  ///< 0-based word index
};

/// Tokenises with ICU's Dutch word break iterator; punctuation and spaces are dropped.
/// Hyphenated words stay whole ("energie-investeringsaftrek"); the analyzer splits them further.
/// Numbers keep their inner separators ("50.000", "1,5").
std::vector<token> tokenize(std::string_view utf8);

}  // namespace indexer
