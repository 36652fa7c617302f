#include "kb/fields.hpp"

#include <set>

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
    for (const auto& g : p.gemeenten()) f.choices.push_back({g, g, {g}});
  }
}

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
    r.check_keys(node,
                 {"naam", "type", "label", "vraag", "waarden", "waarden_uit", "afgeleid_van",
                  "opties", "uitleg"},
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
          r.check_keys(v, {"waarde", "label", "woorden"}, "a value of '" + f.name + "'");
          choice c;
          c.value = r.text(v, "waarde", true).value_or("");
          c.label = r.text(v, "label", false).value_or(c.value);
          c.words = r.list(v, "woorden", false).value_or(std::vector<std::string>{});
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
    out.add(std::move(f));
  }
  for (const auto& f : out.all())
    if (!f.derived_from.empty() && !out.find(f.derived_from))
      diag.error(path, f.line,
                 "field '" + f.name + "' is derived from unknown field '" + f.derived_from + "'");
  return out;
}

}  // namespace kb
