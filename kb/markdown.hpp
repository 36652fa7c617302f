/** @file markdown.hpp
 *  @brief The plain text of a Markdown body, paragraph by paragraph (CommonMark, via cmark).
 */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kb {

/// The paragraphs of a Markdown text as plain text, in order. A paragraph wrapped over several
/// lines becomes one line; each list item's paragraph is its own; headings, code blocks and HTML
/// are left out; emphasis markers go and a link keeps its text. "€ 5.000 en\n  € 350.000." stays
/// one paragraph, so a sentence splitter never sees a line end in the middle of an amount.
/// Never throws on any input (cmark accepts every byte string).
std::vector<std::string> markdown_paragraphs(std::string_view markdown);

}  // namespace kb
