/** @file profile.hpp
 *  @brief What is known about one entrepreneur's business: field -> value, never guessed.
 */
#pragma once

#include <boost/json/value.hpp>

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <variant>

#include "kb/date.hpp"
#include "kb/fields.hpp"
#include "kb/places.hpp"

namespace kb {

/// A profile value: a number (getal, bedrag, jaar), yes/no (ja_nee) or text (keuze, tekst).
using value = std::variant<double, bool, std::string>;

/// Thrown for a profile value that does not fit its field; the message is precise English.
struct profile_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/** Known facts. A field that is absent is unknown: it is never read as 0 or false. */
class profile {
 public:
  const value* get(std::string_view field) const;
  bool has(std::string_view field) const { return get(field) != nullptr; }
  /// Sets a fact stated by the user; it is no longer derived.
  void set(const std::string& field, value v);
  void erase(const std::string& field);
  /// True when the value was computed from another field rather than stated.
  bool is_derived(const std::string& field) const { return derived_.count(field) > 0; }
  const std::map<std::string, value>& values() const { return values_; }
  bool empty() const { return values_.empty(); }

  /// Recomputes derived fields (provincie from gemeente, bedrijfsleeftijd from oprichtingsjaar).
  /// A stated value always wins over a derived one.
  void derive(const field_set& fields, const place_index& places, date today);

 private:
  std::map<std::string, value> values_;
  std::set<std::string> derived_;
};

/// Checks `v` against the field and returns the canonical value (a keuze value in its listed
/// spelling; a place name resolved to its gemeente). Throws profile_error when it does not fit.
value canonical_value(const field_def& f, const value& v, const place_index& places);

/// Reads a JSON object {field: value}. Numbers as numbers, ja_nee as true/false, keuze as strings.
/// Throws profile_error for an unknown field or a wrongly typed value.
profile profile_from_json(const boost::json::value& json, const field_set& fields,
                          const place_index& places);

/// The profile as a JSON object (numbers, booleans, strings).
boost::json::object profile_to_json(const profile& p);

/// A value as JSON.
boost::json::value value_to_json(const value& v);

/// Human-readable form of a value for messages ("ja", "50000", "zwolle").
std::string value_to_string(const value& v);

}  // namespace kb
