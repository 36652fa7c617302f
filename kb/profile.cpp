#include "kb/profile.hpp"

#include <boost/json.hpp>

#include <cmath>

#include "kb/text.hpp"

namespace kb {

const value* profile::get(std::string_view field) const {
  auto it = values_.find(std::string(field));
  return it == values_.end() ? nullptr : &it->second;
}

void profile::set(const std::string& field, value v) {
  values_[field] = std::move(v);
  derived_.erase(field);
}

void profile::erase(const std::string& field) {
  values_.erase(field);
  derived_.erase(field);
}

void profile::derive(const field_set& fields, const place_index& places, date today) {
  for (const auto& name : derived_) values_.erase(name);
  derived_.clear();
  for (const auto& f : fields.all()) {
    if (f.derived_from.empty() || has(f.name)) continue;
    const value* base = get(f.derived_from);
    if (!base) continue;
    std::optional<value> v;
    if (f.derived_from == "gemeente" && std::holds_alternative<std::string>(*base)) {
      auto prov = places.provincie_of(std::get<std::string>(*base));
      if (!prov.empty()) v = prov;
    } else if (f.derived_from == "oprichtingsjaar" && std::holds_alternative<double>(*base)) {
      double age = today.year - std::get<double>(*base);
      if (age >= 0) v = age;
    }
    if (v) {
      values_[f.name] = *v;
      derived_.insert(f.name);
    }
  }
}

std::string value_to_string(const value& v) {
  if (auto b = std::get_if<bool>(&v)) return *b ? "ja" : "nee";
  if (auto s = std::get_if<std::string>(&v)) return *s;
  double d = std::get<double>(v);
  if (std::floor(d) == d && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  return std::to_string(d);
}

value canonical_value(const field_def& f, const value& v, const place_index& places) {
  auto fail = [&](const std::string& want) {
    throw profile_error("field '" + f.name + "' (" + std::string(to_string(f.type)) + ") needs " +
                        want + ", got '" + value_to_string(v) + "'");
  };
  switch (f.type) {
    case field_type::getal:
    case field_type::bedrag:
    case field_type::jaar: {
      auto d = std::get_if<double>(&v);
      if (!d || !std::isfinite(*d)) fail("a number");
      if (*d < 0) fail("a number of 0 or more");
      if (f.type == field_type::jaar && (*d < 1000 || *d > 9999 || std::floor(*d) != *d))
        fail("a year like 2019");
      return *d;
    }
    case field_type::ja_nee:
      if (!std::holds_alternative<bool>(v)) fail("true or false");
      return v;
    case field_type::tekst:
      if (!std::holds_alternative<std::string>(v)) fail("text");
      return v;
    case field_type::keuze: {
      auto s = std::get_if<std::string>(&v);
      if (!s) fail("one of its values as text");
      if (f.choices_from_places) {
        if (const place* p = places.find(*s)) return p->gemeente;
        fail("a Dutch gemeente or place");
      }
      if (const choice* c = f.find_choice(*s)) return c->value;
      std::string allowed;
      for (const auto& c : f.choices) allowed += (allowed.empty() ? "" : ", ") + c.value;
      fail("one of: " + allowed);
    }
  }
  return v;
}

profile profile_from_json(const boost::json::value& json, const field_set& fields,
                          const place_index& places) {
  if (!json.is_object()) throw profile_error("a profile must be a JSON object {field: value}");
  profile p;
  for (const auto& [key, jv] : json.as_object()) {
    std::string name(key);
    const field_def* f = fields.find(name);
    if (!f) throw profile_error("unknown field '" + name + "' (see corpus/velden.yaml)");
    if (jv.is_null()) continue;  // null means: not known
    value v;
    if (jv.is_bool())
      v = jv.as_bool();
    else if (jv.is_string())
      v = std::string(jv.as_string());
    else if (jv.is_number())
      v = jv.to_number<double>();
    else
      throw profile_error("field '" + name + "' has a list or object as value");
    p.set(name, canonical_value(*f, v, places));
  }
  return p;
}

boost::json::value value_to_json(const value& v) {
  if (auto b = std::get_if<bool>(&v)) return *b;
  if (auto s = std::get_if<std::string>(&v)) return boost::json::string(*s);
  double d = std::get<double>(v);
  if (std::floor(d) == d && std::fabs(d) < 9e15) return static_cast<std::int64_t>(d);
  return d;
}

boost::json::object profile_to_json(const profile& p) {
  boost::json::object o;
  for (const auto& [k, v] : p.values()) o[k] = value_to_json(v);
  return o;
}

}  // namespace kb
