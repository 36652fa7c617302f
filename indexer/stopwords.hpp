/** @file stopwords.hpp
 *  @brief Dutch stop words: words too common to help find an instrument.
 */
#pragma once

#include <string_view>

namespace indexer {

/// True for a folded Dutch stop word ("de", "het", "een", "ik", "wil", ...).
bool is_stopword(std::string_view folded);

}  // namespace indexer
