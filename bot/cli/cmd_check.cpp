#include <iostream>
#include <map>

#include "bot/cli/args.hpp"
#include "bot/cli/commands.hpp"
#include "kb/corpus.hpp"

namespace bot::cli {

const char* const check_usage =
    "usage: finwijzer check [--today YYYY-MM-DD] DIR\n"
    "\n"
    "Loads and validates the corpus in DIR (instrumenten/, velden.yaml, plaatsen.tsv,\n"
    "synoniemen.txt, loketten.yaml, toetsvragen.tsv). Prints one 'path:line: message' line\n"
    "per problem, then a summary.\n"
    "\n"
    "  --today DATE   judge staleness as of DATE (default: today)\n"
    "\n"
    "exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error\n";

int run_check(const std::vector<std::string>& argv) {
  args a(argv, {"today"}, {});
  if (a.positional().size() != 1) throw usage_error("expected exactly one corpus directory");
  kb::date today = kb::date::today();
  if (auto t = a.get("today")) {
    auto d = kb::date::parse(*t);
    if (!d) throw usage_error("--today needs a date YYYY-MM-DD");
    today = *d;
  }
  kb::diagnostics diag;
  kb::corpus c = kb::load_corpus(a.positional()[0], diag, today);
  for (const auto& d : diag.all()) std::cout << d.str() << "\n";
  std::map<std::string, int> statuses;
  for (const auto& i : c.instruments) ++statuses[i.status.empty() ? "without status" : i.status];
  std::cout << "corpus " << a.positional()[0] << ": " << c.instruments.size() << " instruments (";
  bool first = true;
  for (const auto& [s, n] : statuses) {
    std::cout << (first ? "" : ", ") << n << " " << s;
    first = false;
  }
  std::cout << "), " << c.criteria_count() << " criteria, " << c.fields.all().size() << " fields, "
            << c.places.size() << " places, " << c.synonyms.size() << " synonym lines, "
            << c.desks.size() << " desks, " << c.golden.size() << " golden questions; "
            << diag.error_count() << " errors, " << diag.warning_count() << " warnings\n";
  return diag.ok() ? 0 : 1;
}

}  // namespace bot::cli
