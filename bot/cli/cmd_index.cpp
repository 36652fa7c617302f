#include <iostream>

#include "bot/cli/args.hpp"
#include "bot/cli/commands.hpp"
#include "indexer/index.hpp"

namespace bot::cli {

const char* const index_usage =
    "usage: finwijzer index --corpus DIR --out DIR\n"
    "\n"
    "Validates the corpus, builds a new index generation in OUT beside the old one and publishes\n"
    "it atomically (OUT/current). Readers never see a half-built index. Nothing is published\n"
    "when the corpus has errors.\n"
    "\n"
    "exit status: 0 published, 1 corpus errors or build failure, 2 usage error\n";

int run_index(const std::vector<std::string>& argv) {
  args a(argv, {"corpus", "out"}, {});
  if (!a.positional().empty()) throw usage_error("unexpected argument '" + a.positional()[0] + "'");
  kb::diagnostics diag;
  try {
    auto s = indexer::build_index(a.require("corpus"), a.require("out"), diag, kb::date::today());
    for (const auto& d : diag.all()) std::cerr << d.str() << "\n";
    std::cout << "published generation " << s.generation << " (" << s.documents
              << " instruments) in " << s.path.string() << " after " << s.seconds << " s\n";
    return 0;
  } catch (const indexer::index_error& e) {
    for (const auto& d : diag.all()) std::cerr << d.str() << "\n";
    std::cerr << "finwijzer index: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace bot::cli
