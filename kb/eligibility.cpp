#include "kb/eligibility.hpp"

#include <boost/json.hpp>

#include <set>

namespace kb {

std::string_view to_string(verdict v) {
  switch (v) {
    case verdict::eligible:
      return "eligible";
    case verdict::unknown:
      return "unknown";
    case verdict::ineligible:
      return "ineligible";
  }
  return "?";
}

assessment assess(const instrument& inst, const profile& p) {
  assessment a;
  a.instrument_id = inst.id;
  std::set<std::string> missing_all;
  for (const auto& c : inst.criteria) {
    if (!c.test) {
      a.open.push_back(c.id);
      continue;
    }
    std::set<std::string> missing;
    switch (rule::evaluate(c.test, p, &missing)) {
      case rule::truth::yes:
        a.met.push_back(c.id);
        break;
      case rule::truth::no:
        a.failed.push_back(c.id);
        break;
      case rule::truth::unknown:
        a.open.push_back(c.id);
        missing_all.merge(missing);
        break;
    }
  }
  a.open_fields.assign(missing_all.begin(), missing_all.end());
  if (!a.failed.empty())
    a.result = verdict::ineligible;
  else if (!a.open.empty())
    a.result = verdict::unknown;
  else
    a.result = verdict::eligible;
  return a;
}

boost::json::object assessment_to_json(const assessment& a) {
  auto arr = [](const std::vector<std::string>& v) {
    boost::json::array out;
    for (const auto& s : v) out.emplace_back(s);
    return out;
  };
  boost::json::object o;
  o["id"] = a.instrument_id;
  o["verdict"] = std::string(to_string(a.result));
  o["met"] = arr(a.met);
  o["failed"] = arr(a.failed);
  o["open"] = arr(a.open);
  o["open_fields"] = arr(a.open_fields);
  return o;
}

}  // namespace kb
