#include "kb/markdown.hpp"

#include <cmark.h>

#include <memory>

#include "kb/text.hpp"

namespace kb {

std::vector<std::string> markdown_paragraphs(std::string_view markdown) {
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT), cmark_node_free);
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> it(cmark_iter_new(doc.get()),
                                                             cmark_iter_free);
  std::vector<std::string> out;
  std::string text;
  bool inside = false;
  for (auto ev = cmark_iter_next(it.get()); ev != CMARK_EVENT_DONE;
       ev = cmark_iter_next(it.get())) {
    cmark_node* node = cmark_iter_get_node(it.get());
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH:
        if (ev == CMARK_EVENT_ENTER) {
          inside = true;
          text.clear();
        } else {
          inside = false;
          if (auto t = trim(text); !t.empty()) out.emplace_back(t);
        }
        break;
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (inside) text += cmark_node_get_literal(node);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        if (inside) text += ' ';
        break;
      default:
        break;  // emphasis, links: their text children are visited; headings hold no paragraph
    }
  }
  return out;
}

}  // namespace kb
