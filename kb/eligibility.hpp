/** @file eligibility.hpp
 *  @brief Evaluates an instrument's criteria against a profile: eligible, ineligible or unknown.
 */
#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "kb/instrument.hpp"
#include "kb/profile.hpp"

namespace kb {

enum class verdict { eligible, unknown, ineligible };
std::string_view to_string(verdict v);

/** The outcome for one instrument, naming the criteria that decided it. */
struct assessment {
  std::string instrument_id;
  verdict result = verdict::unknown;
  std::vector<std::string> met, failed, open;  ///< criterion ids
  std::vector<std::string> open_fields;        ///< absent fields that keep `open` criteria open
};

/// Every criterion true: eligible; any false: ineligible; otherwise unknown.
/// Criteria whose rule did not validate count as open and name no field.
assessment assess(const instrument& inst, const profile& p);

/// {"id","verdict","met","failed","open","open_fields"}
boost::json::object assessment_to_json(const assessment& a);

}  // namespace kb
