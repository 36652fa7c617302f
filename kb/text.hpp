/** @file text.hpp
 *  @brief Unicode folding and small string helpers shared by the whole code base.
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb {

/// Folds text for matching: NFKC case folding, then removal of non-spacing marks, then NFC.
/// "Café ĲSSELMEER ﬁets" becomes "cafe ijsselmeer fiets". Invalid UTF-8 is replaced, never thrown.
/// Thread-safe (ICU Normalizer2 singletons are immutable).
std::string fold(std::string_view utf8);

/// Removes leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

/// Splits on a single character; keeps empty fields.
std::vector<std::string> split(std::string_view s, char sep);

/// Joins with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view sep);

/// Capitalises a Dutch name, leaving name particles small: "hof van twente" -> "Hof van Twente",
/// "olst-wijhe" -> "Olst-Wijhe". ASCII letters only; other bytes are kept.
std::string dutch_title_case(std::string_view s);

/// Counts words (runs of non-space characters) in text.
std::size_t word_count(std::string_view s);

/// The number of single-byte edits (insert, delete, replace, swap two neighbours) that turn `a`
/// into `b` (optimal string alignment), or `limit + 1` when it is more than `limit`. Meant for
/// folded words: "agatha" -> "agaath" is 2, "weiden" -> "wieden" is 1.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace kb
