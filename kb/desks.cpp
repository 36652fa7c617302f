#include "kb/desks.hpp"

#include <algorithm>
#include <set>

#include "kb/places.hpp"
#include "kb/text.hpp"
#include "kb/yaml_util.hpp"

namespace kb {

bool desk::serves(const std::string& gemeente, const place_index& places) const {
  if (everywhere) return true;
  auto g = fold(gemeente);
  if (!provincie.empty() && places.provincie_of(gemeente) == provincie) return true;
  return std::any_of(gemeenten.begin(), gemeenten.end(),
                     [&](const std::string& x) { return fold(x) == g; });
}

std::vector<desk> load_desks(const std::filesystem::path& file, const place_index& places,
                             diagnostics& diag) {
  std::vector<desk> out;
  const std::string path = file.string();
  auto text = yaml::read_file(path, diag);
  if (!text) return out;
  auto parsed = yaml::parse(*text, path, 1, diag);
  if (!parsed) return out;
  const YAML::Node& root = *parsed;
  yaml::reader r(path, 1, diag);
  if (!root.IsMap() || !root["loketten"] || !root["loketten"].IsSequence()) {
    r.error(root, "expected a top-level key 'loketten' with a list of desks");
    return out;
  }
  r.check_keys(root, {"loketten"}, "loketten.yaml");
  std::set<std::string> ids;
  const auto& provs = provinces();
  for (const auto& n : root["loketten"]) {
    if (!n.IsMap()) {
      r.error(n, "each desk must be a map");
      continue;
    }
    r.check_keys(n,
                 {"id", "naam", "omschrijving", "website", "telefoon", "gemeenten", "regio",
                  "bronnen", "voorbehoud", "laatst_gecontroleerd"},
                 "a desk");
    desk d;
    d.line = r.line_of(n);
    d.id = r.text(n, "id", true).value_or("");
    d.name = r.text(n, "naam", true).value_or("");
    d.description = r.text(n, "omschrijving", true).value_or("");
    d.website = r.text(n, "website", false).value_or("");
    d.phone = r.text(n, "telefoon", false).value_or("");
    d.caveat = r.text(n, "voorbehoud", false).value_or("");
    d.sources = r.list(n, "bronnen", {.required = true}).value_or(std::vector<std::string>{});
    if (auto day = r.day(n, "laatst_gecontroleerd", true)) d.last_checked = *day;
    if (!d.id.empty() && !ids.insert(d.id).second) r.error(n, "duplicate desk id '" + d.id + "'");
    if (n["bronnen"] && d.sources.empty())
      r.error(n["bronnen"], "'bronnen' needs at least one URL");
    if (!d.website.empty() && d.website.rfind("http", 0) != 0)
      r.error(n["website"], "'website' must be a URL starting with https://");
    if (auto reg = r.text(n, "regio", false)) {
      if (std::find(provs.begin(), provs.end(), *reg) == provs.end())
        r.error(n["regio"], "'regio' must be a provincie, not '" + *reg + "'");
      d.provincie = *reg;
    }
    auto gems = r.list(n, "gemeenten", {.scalar_ok = true});
    if (gems) {
      for (const auto& g : *gems) {
        if (g == "alle") {
          d.everywhere = true;
        } else if (!places.is_gemeente(g)) {
          r.error(n["gemeenten"], "'" + g + "' is not a gemeente in plaatsen.tsv");
        } else {
          d.gemeenten.push_back(places.gemeente_name(g));
        }
      }
    }
    if (!gems && d.provincie.empty())
      r.error(n, "desk '" + d.id + "' needs 'gemeenten' (a list, or [alle]) or 'regio'");
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace kb
