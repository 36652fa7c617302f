#include "kb/front_matter.hpp"

namespace kb {

namespace {
std::string_view strip_cr(std::string_view l) {
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}
bool is_fence(std::string_view l) {
  l = strip_cr(l);
  while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
  return l == "---";
}
}  // namespace

std::optional<front_matter> split_front_matter(std::string_view text, front_matter_error& err) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t pos = 0;
  int line = 0;
  auto next_line = [&](std::string_view& out) {
    if (pos >= text.size()) return false;
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    out = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line;
    return true;
  };
  std::string_view l;
  if (!next_line(l) || !is_fence(l)) {
    err = {1, "file must start with a '---' line that opens the front matter"};
    return std::nullopt;
  }
  front_matter fm;
  std::size_t yaml_start = pos;
  while (true) {
    std::size_t line_start = pos;
    if (!next_line(l)) {
      err = {1, "front matter is not closed: add a '---' line after the last key"};
      return std::nullopt;
    }
    if (is_fence(l)) {
      fm.yaml = std::string(text.substr(yaml_start, line_start - yaml_start));
      fm.body = pos < text.size() ? std::string(text.substr(pos)) : std::string{};
      fm.body_line = line + 1;
      return fm;
    }
  }
}

}  // namespace kb
