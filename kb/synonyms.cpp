#include "kb/synonyms.hpp"

#include <fstream>
#include <map>

#include "kb/text.hpp"

namespace kb {

namespace {
/// Folds and collapses inner white space, so "Rood  Staan" and "rood staan" are one phrase.
std::string phrase(std::string_view s) {
  std::string out;
  for (const auto& w : split(fold(trim(s)), ' '))
    if (!w.empty()) out += (out.empty() ? "" : " ") + w;
  return out;
}
}  // namespace

std::vector<synonym_entry> load_synonyms(const std::filesystem::path& file, diagnostics& diag) {
  std::vector<synonym_entry> out;
  const std::string path = file.string();
  std::ifstream in(file);
  if (!in) {
    diag.error(path, 0, "cannot open file");
    return out;
  }
  std::map<std::string, int> group_of;  // phrase -> line of its `=` group
  std::string line;
  int lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    auto t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    synonym_entry e;
    e.line = lineno;
    auto arrow = t.find("->");
    if (arrow != std::string_view::npos) {
      e.one_way = true;
      auto lhs = phrase(t.substr(0, arrow));
      auto rhs_text = t.substr(arrow + 2);
      if (rhs_text.find("->") != std::string_view::npos ||
          rhs_text.find('=') != std::string_view::npos) {
        diag.error(path, lineno, "a line is either 'a = b = c' or 'a -> b', not both");
        continue;
      }
      e.phrases.push_back(lhs);
      for (const auto& r : split(rhs_text, ',')) e.phrases.push_back(phrase(r));
    } else if (t.find('=') != std::string_view::npos) {
      for (const auto& p : split(t, '=')) e.phrases.push_back(phrase(p));
    } else {
      diag.error(path, lineno, "expected 'a = b' or 'a -> b'");
      continue;
    }
    bool ok = e.phrases.size() >= 2;
    for (const auto& p : e.phrases) ok = ok && !p.empty();
    if (!ok) {
      diag.error(path, lineno, "every side of '=' or '->' needs a word");
      continue;
    }
    if (!e.one_way) {
      for (const auto& p : e.phrases) {
        auto [it, fresh] = group_of.emplace(p, lineno);
        if (!fresh && it->second != lineno)
          diag.error(path, lineno,
                     "'" + p + "' is already in the group on line " + std::to_string(it->second) +
                         "; merge the two groups");
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace kb
