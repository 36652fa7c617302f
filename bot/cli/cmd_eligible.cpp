#include <boost/json.hpp>

#include <iostream>

#include "bot/cli/args.hpp"
#include "bot/cli/commands.hpp"
#include "kb/corpus.hpp"
#include "kb/eligibility.hpp"

namespace bot::cli {

const char* const eligible_usage =
    "usage: finwijzer eligible --corpus DIR --profile-json FILE [--json] [--today YYYY-MM-DD]\n"
    "\n"
    "Evaluates every instrument that has 'voorwaarden' against a profile: a JSON object of\n"
    "field -> value (numbers as numbers, ja_nee as true/false, keuze as strings; fields from\n"
    "corpus/velden.yaml). FILE '-' reads standard input.\n"
    "\n"
    "  --json         print {\"verdicts\":[{id, verdict, met, failed, open, open_fields}]}\n"
    "  --today DATE   derive bedrijfsleeftijd as of DATE\n"
    "\n"
    "exit status: 0 done, 1 the corpus has errors, 2 usage error or invalid profile\n";

namespace {}  // namespace

int run_eligible(const std::vector<std::string>& argv) {
  args a(argv, {"corpus", "profile-json", "today"}, {"json"});
  if (!a.positional().empty()) throw usage_error("unexpected argument '" + a.positional()[0] + "'");
  const std::string dir = a.require("corpus");
  const std::string profile_file = a.require("profile-json");
  kb::date today = kb::date::today();
  if (auto t = a.get("today")) {
    auto d = kb::date::parse(*t);
    if (!d) throw usage_error("--today needs a date YYYY-MM-DD");
    today = *d;
  }
  kb::diagnostics diag;
  kb::corpus c = kb::load_corpus(dir, diag, today);
  if (!diag.ok()) {
    for (const auto& d : diag.all())
      if (d.level == kb::severity::error) std::cerr << d.str() << "\n";
    std::cerr << "finwijzer eligible: the corpus has " << diag.error_count()
              << " errors; run 'finwijzer check " << dir << "'\n";
    return 1;
  }
  kb::profile p;
  try {
    boost::system::error_code ec;
    auto json = boost::json::parse(read_input(profile_file), ec);
    if (ec) {
      std::cerr << "finwijzer eligible: " << profile_file << ": invalid JSON: " << ec.message()
                << "\n";
      return 2;
    }
    p = kb::profile_from_json(json, c.fields, c.places);
  } catch (const kb::profile_error& e) {
    std::cerr << "finwijzer eligible: " << profile_file << ": " << e.what() << "\n";
    return 2;
  }
  p.derive(c.fields, c.places, today);

  boost::json::array verdicts;
  for (const auto& inst : c.instruments) {
    if (inst.criteria.empty()) continue;
    auto as = kb::assess(inst, p);
    if (a.flag("json")) {
      verdicts.push_back(kb::assessment_to_json(as));
    } else {
      std::cout << inst.id << ": " << kb::to_string(as.result);
      if (!as.failed.empty()) std::cout << " (failed: " << as.failed.front() << ")";
      if (!as.open_fields.empty()) std::cout << " (missing: " << as.open_fields.front() << ")";
      std::cout << "\n";
    }
  }
  if (a.flag("json")) {
    boost::json::object out;
    out["verdicts"] = std::move(verdicts);
    std::cout << boost::json::serialize(out) << "\n";
  }
  return 0;
}

}  // namespace bot::cli
