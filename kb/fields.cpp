#include "kb/fields.hpp"

#include <algorithm>
#include <set>

#include "kb/instrument.hpp"
#include "kb/places.hpp"
#include "kb/text.hpp"
#include "kb/yaml_util.hpp"

namespace kb {

std::string_view to_string(field_type t) {
  switch (t) {
    case field_type::getal:
      return "getal";
    case field_type::bedrag:
      return "bedrag";
    case field_type::jaar:
      return "jaar";
    case field_type::ja_nee:
      return "ja_nee";
    case field_type::keuze:
      return "keuze";
    case field_type::tekst:
      return "tekst";
  }
  return "?";
}

std::optional<field_type> parse_field_type(std::string_view s) {
  for (auto t : {field_type::getal, field_type::bedrag, field_type::jaar, field_type::ja_nee,
                 field_type::keuze, field_type::tekst})
    if (to_string(t) == s) return t;
  return std::nullopt;
}

const choice* field_def::find_choice(std::string_view v) const {
  auto key = fold(trim(v));
  for (const auto& c : choices)
    if (fold(c.value) == key) return &c;
  return nullptr;
}

const field_def* field_set::find(std::string_view name) const {
  for (const auto& f : fields_)
    if (f.name == name) return &f;
  return nullptr;
}

void field_set::attach_places(const place_index& p) {
  for (auto& f : fields_) {
    if (!f.choices_from_places) continue;
    f.choices.clear();
    for (const auto& g : p.gemeenten()) f.choices.push_back({g, g, {g}, ""});
  }
}

namespace {

// The herken_* keys: how the advisor recognises a field in free text (kb/extract.hpp).
void read_recognition(const yaml::reader& r, const YAML::Node& node, field_def& f) {
  const bool yes_no = f.type == field_type::ja_nee;
  const bool numeric = is_numeric(f.type);
  for (const char* key : {"herken_ja", "herken_nee"})
    if (node[key] && !yes_no)
      r.error(node[key], std::string("'") + key + "' is only for ja_nee fields");
  for (const char* key : {"herken_bij", "herken_vast"})
    if (node[key] && !numeric)
      r.error(node[key], std::string("'") + key + "' is only for getal, bedrag and jaar fields");
  f.yes_words = r.list(node, "herken_ja").value_or(std::vector<std::string>{});
  f.no_words = r.list(node, "herken_nee").value_or(std::vector<std::string>{});
  f.cue_words = r.list(node, "herken_bij").value_or(std::vector<std::string>{});
  if (auto d = r.text(node, "herken_standaard", false)) {
    if (*d != "ja" && *d != "nee")
      r.error(node["herken_standaard"], "herken_standaard is ja or nee");
    if (f.type != field_type::bedrag)
      r.error(node["herken_standaard"], "herken_standaard is only for bedrag fields");
    f.default_amount = *d == "ja";
  }
  if (YAML::Node fixed = node["herken_vast"]) {
    if (!fixed.IsSequence()) {
      r.error(fixed, "'herken_vast' must be a list of {waarde, woorden}");
      return;
    }
    for (const auto& item : fixed) {
      if (!item.IsMap()) {
        r.error(item, "each entry of herken_vast needs waarde and woorden");
        continue;
      }
      r.check_keys(item, {"waarde", "woorden"}, "an entry of herken_vast");
      auto v = r.number(item, "waarde", true);
      auto words = r.list(item, "woorden", {.required = true});
      if (v && words) f.fixed.push_back({*v, *words});
    }
  }
}

}  // namespace

field_set load_fields(const std::filesystem::path& file, diagnostics& diag) {
  field_set out;
  const std::string path = file.string();
  auto text = yaml::read_file(path, diag);
  if (!text) return out;
  auto parsed = yaml::parse(*text, path, 1, diag);
  if (!parsed) return out;
  const YAML::Node& root = *parsed;
  yaml::reader r(path, 1, diag);
  if (!root.IsMap() || !root["velden"] || !root["velden"].IsSequence()) {
    r.error(root, "expected a top-level key 'velden' with a list of fields");
    return out;
  }
  r.check_keys(root, {"velden"}, "velden.yaml");
  std::set<std::string> seen;
  for (const auto& node : root["velden"]) {
    if (!node.IsMap()) {
      r.error(node, "each field must be a map with naam, type, label and vraag");
      continue;
    }
    r.check_keys(
        node,
        {"naam", "type", "label", "vraag", "waarden", "waarden_uit", "afgeleid_van", "opties",
         "uitleg", "herken_ja", "herken_nee", "herken_bij", "herken_vast", "herken_standaard"},
        "a field");
    field_def f;
    f.line = r.line_of(node);
    auto name = r.text(node, "naam", true);
    auto type = r.text(node, "type", true);
    auto label = r.text(node, "label", true);
    auto question = r.text(node, "vraag", true);
    if (!name || !type) continue;
    f.name = *name;
    if (!seen.insert(f.name).second) r.error(node, "duplicate field '" + f.name + "'");
    auto t = parse_field_type(*type);
    if (!t) {
      r.error(node["type"],
              "unknown type '" + *type + "' (allowed: getal, bedrag, jaar, ja_nee, keuze, tekst)");
      continue;
    }
    f.type = *t;
    f.label = label.value_or(f.name);
    f.question = question.value_or("");
    if (auto d = r.text(node, "afgeleid_van", false)) f.derived_from = *d;
    if (auto from = r.text(node, "waarden_uit", false)) {
      if (*from != "plaatsen") r.error(node["waarden_uit"], "waarden_uit can only be 'plaatsen'");
      f.choices_from_places = true;
    }
    if (YAML::Node vals = node["waarden"]) {
      if (!vals.IsSequence()) {
        r.error(vals, "'waarden' must be a list");
      } else {
        std::set<std::string> values;
        for (const auto& v : vals) {
          if (!v.IsMap()) {
            r.error(v, "each value needs waarde, label and woorden");
            continue;
          }
          r.check_keys(v, {"waarde", "label", "woorden", "fase"}, "a value of '" + f.name + "'");
          choice c;
          c.value = r.text(v, "waarde", true).value_or("");
          c.label = r.text(v, "label", false).value_or(c.value);
          c.words = r.list(v, "woorden").value_or(std::vector<std::string>{});
          c.phase = r.text(v, "fase", false).value_or("");
          const auto& phases = instrument_phases();
          if (!c.phase.empty() && std::find(phases.begin(), phases.end(), c.phase) == phases.end())
            r.error(v["fase"],
                    "unknown fase '" + c.phase + "' (allowed: " + join(phases, ", ") + ")");
          if (!values.insert(fold(c.value)).second)
            r.error(v, "duplicate value '" + c.value + "' in field '" + f.name + "'");
          if (!c.value.empty()) f.choices.push_back(std::move(c));
        }
      }
    }
    if (f.type == field_type::keuze && f.choices.empty() && !f.choices_from_places)
      r.error(node, "keuze field '" + f.name + "' needs 'waarden' or 'waarden_uit'");
    if (f.type != field_type::keuze && (node["waarden"] || node["waarden_uit"]))
      r.error(node, "only a keuze field can have 'waarden'");
    if (YAML::Node opts = node["opties"]) {
      if (!is_numeric(f.type)) r.error(opts, "'opties' is only for getal, bedrag and jaar fields");
      if (!opts.IsSequence()) {
        r.error(opts, "'opties' must be a list of {label, waarde}");
      } else {
        for (const auto& o : opts) {
          if (!o.IsMap()) {
            r.error(o, "each option needs label and waarde");
            continue;
          }
          r.check_keys(o, {"label", "waarde"}, "an option");
          auto l = r.text(o, "label", true);
          auto v = r.number(o, "waarde", true);
          if (l && v) f.options.push_back({*l, *v});
        }
      }
    }
    read_recognition(r, node, f);
    out.add(std::move(f));
  }
  int defaults = 0;
  for (const auto& f : out.all()) defaults += f.default_amount ? 1 : 0;
  if (defaults > 1) diag.error(path, 0, "herken_standaard: ja may be set on one field only");
  for (const auto& f : out.all())
    if (!f.derived_from.empty() && !out.find(f.derived_from))
      diag.error(path, f.line,
                 "field '" + f.name + "' is derived from unknown field '" + f.derived_from + "'");
  return out;
}

}  // namespace kb
