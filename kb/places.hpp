/** @file places.hpp
 *  @brief corpus/plaatsen.tsv: places (woonplaatsen and kernen) to gemeente and provincie.
 */
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kb/diagnostics.hpp"

namespace kb {

struct place {
  std::string name;       ///< as written in the file (lowercase)
  std::string gemeente;   ///< lowercase gemeente name
  std::string provincie;  ///< one of the twelve provincie values
};

/** Look-up of places by folded name ("Goor", "goor" and "GOOR" are one). */
class place_index {
 public:
  /// Adds a place; returns false when its folded name is already present.
  bool add(place p);
  /// The place with this name (folded), or nullptr.
  const place* find(std::string_view name) const;
  /// True when `name` (folded) is a gemeente.
  bool is_gemeente(std::string_view name) const;
  /// The canonical gemeente name for `name` (folded), or empty.
  std::string gemeente_name(std::string_view name) const;
  /// The provincie of a gemeente, or empty.
  std::string provincie_of(std::string_view gemeente) const;
  /// All gemeenten, sorted, as written in the file.
  std::vector<std::string> gemeenten() const;
  /// All place entries keyed by folded name.
  const std::map<std::string, place>& entries() const { return by_name_; }
  std::size_t size() const { return by_name_.size(); }

 private:
  std::map<std::string, place> by_name_;
  std::map<std::string, place> gemeenten_;  // folded gemeente -> its own entry
};

/// The twelve Dutch provinces as profile values.
const std::vector<std::string>& provinces();

/// Loads plaatsen.tsv (plaats<TAB>gemeente<TAB>provincie; `#` comments).
place_index load_places(const std::filesystem::path& file, diagnostics& diag);

}  // namespace kb
