#include "kb/places.hpp"

#include <algorithm>
#include <fstream>

#include "kb/text.hpp"

namespace kb {

const std::vector<std::string>& provinces() {
  static const std::vector<std::string> list = {
      "groningen", "friesland",     "drenthe",      "overijssel", "flevoland",     "gelderland",
      "utrecht",   "noord-holland", "zuid-holland", "zeeland",    "noord-brabant", "limburg"};
  return list;
}

bool place_index::add(place p) {
  auto key = fold(p.name);
  if (by_name_.count(key)) return false;
  auto gkey = fold(p.gemeente);
  if (key == gkey || !gemeenten_.count(gkey)) {
    gemeenten_[gkey] = place{p.gemeente, p.gemeente, p.provincie};
  }
  by_name_.emplace(std::move(key), std::move(p));
  return true;
}

const place* place_index::find(std::string_view name) const {
  auto it = by_name_.find(fold(trim(name)));
  return it == by_name_.end() ? nullptr : &it->second;
}

bool place_index::is_gemeente(std::string_view name) const {
  return gemeenten_.count(fold(trim(name)));
}

std::string place_index::gemeente_name(std::string_view name) const {
  auto it = gemeenten_.find(fold(trim(name)));
  return it == gemeenten_.end() ? std::string{} : it->second.gemeente;
}

std::string place_index::provincie_of(std::string_view gemeente) const {
  auto it = gemeenten_.find(fold(trim(gemeente)));
  return it == gemeenten_.end() ? std::string{} : it->second.provincie;
}

std::vector<std::string> place_index::gemeenten() const {
  std::vector<std::string> out;
  for (const auto& [k, p] : gemeenten_) out.push_back(p.gemeente);
  std::sort(out.begin(), out.end());
  return out;
}

place_index load_places(const std::filesystem::path& file, diagnostics& diag) {
  place_index out;
  std::ifstream in(file);
  const std::string path = file.string();
  if (!in) {
    diag.error(path, 0, "cannot open file");
    return out;
  }
  const auto& provs = provinces();
  std::string line;
  int lineno = 0;
  // Gemeenten named only as a target column still resolve as gemeenten.
  std::vector<place> targets;
  while (std::getline(in, line)) {
    ++lineno;
    auto t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto cols = split(line, '\t');
    if (cols.size() != 3) {
      diag.error(path, lineno,
                 "expected 3 tab-separated columns (plaats, gemeente, provincie), found " +
                     std::to_string(cols.size()));
      continue;
    }
    place p{std::string(trim(cols[0])), std::string(trim(cols[1])), std::string(trim(cols[2]))};
    if (p.name.empty() || p.gemeente.empty()) {
      diag.error(path, lineno, "empty plaats or gemeente");
      continue;
    }
    if (std::find(provs.begin(), provs.end(), p.provincie) == provs.end()) {
      diag.error(path, lineno, "unknown provincie '" + p.provincie + "'");
      continue;
    }
    targets.push_back(p);
    if (!out.add(p)) diag.error(path, lineno, "duplicate plaats '" + p.name + "'");
  }
  for (const auto& p : targets) {
    if (!out.is_gemeente(p.gemeente)) out.add(place{p.gemeente, p.gemeente, p.provincie});
    if (out.provincie_of(p.gemeente) != p.provincie)
      diag.error(path, 0,
                 "gemeente '" + p.gemeente + "' is given two provincies: '" +
                     out.provincie_of(p.gemeente) + "' and '" + p.provincie + "'");
  }
  return out;
}

}  // namespace kb
