/** @file desks.hpp
 *  @brief corpus/loketten.yaml: where an entrepreneur can talk to a person.
 */
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "kb/date.hpp"
#include "kb/diagnostics.hpp"

namespace kb {

class place_index;

struct desk {
  std::string id;
  std::string name;         ///< naam
  std::string description;  ///< omschrijving (B1)
  std::string website;
  std::string phone;                   ///< telefoon, only when a source gives it
  std::vector<std::string> gemeenten;  ///< served gemeenten; empty with `everywhere`
  bool everywhere = false;             ///< `gemeenten: [alle]`
  std::string provincie;               ///< `regio: <provincie>`: every gemeente of it
  std::vector<std::string> sources;
  std::string caveat;
  date last_checked;
  int line = 0;

  /// True when this desk serves the gemeente (a gemeente name as in plaatsen.tsv).
  bool serves(const std::string& gemeente, const place_index& places) const;
};

std::vector<desk> load_desks(const std::filesystem::path& file, const place_index& places,
                             diagnostics& diag);

}  // namespace kb
