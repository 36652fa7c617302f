#include <boost/json.hpp>

#include <fstream>
#include <iostream>

#include "bot/cli/args.hpp"
#include "bot/cli/commands.hpp"
#include "bot/search.hpp"

namespace bot::cli {

const char* const ask_usage =
    "usage: finwijzer ask --index DIR [--json] [--limit N] [--batch FILE] \"vraag\"\n"
    "\n"
    "Answers a question from the published index in DIR (no corpus directory needed).\n"
    "\n"
    "  --json         print one JSON object: {question, did_you_mean, matches:[{id, title, kind,\n"
    "                 status, score, snippet, why, source, last_checked}]}\n"
    "  --limit N      at most N matches (1-50, default 5)\n"
    "  --batch FILE   one question per line ('-' for standard input); one answer per line, in "
    "order\n"
    "\n"
    "exit status: 0 answered, 1 no usable index, 2 usage error\n";

namespace {

void print_text(const search_result& r) {
  if (r.did_you_mean) std::cout << "Bedoelde u: " << *r.did_you_mean << "?\n\n";
  if (r.matches.empty()) {
    std::cout
        << "Ik heb niets gevonden dat past bij uw vraag. Probeer andere woorden, of vraag het "
           "ondernemersloket van uw gemeente.\n";
    return;
  }
  std::cout << "Dit past het best bij uw vraag:\n";
  int n = 0;
  for (const auto& m : r.matches) {
    std::cout << "\n"
              << ++n << ". " << m.inst->title << " (" << m.inst->kind << ", " << m.inst->status
              << ")\n";
    if (!m.inst->summary.empty()) std::cout << "   " << m.inst->summary << "\n";
    for (const auto& w : m.why) std::cout << "   - " << w << "\n";
    if (!m.inst->sources.empty())
      std::cout << "   Bron: " << m.inst->sources.front() << " (gecontroleerd op "
                << m.inst->last_checked.str() << ")\n";
  }
}

}  // namespace

int run_ask(const std::vector<std::string>& argv) {
  args a(argv, {"index", "limit", "batch", "profile-json"}, {"json", "explain"});
  const std::string dir = a.require("index");
  const auto limit = static_cast<std::size_t>(a.number("limit", 5, 1, 50));
  const auto batch = a.get("batch");
  if (batch && !a.positional().empty()) throw usage_error("give a question or --batch, not both");
  if (!batch && a.positional().size() != 1)
    throw usage_error("give one question (in quotes) or --batch FILE");

  std::shared_ptr<const indexer::snapshot> snap;
  try {
    snap = indexer::open_index(dir);
  } catch (const std::exception& e) {
    std::cerr << "finwijzer ask: " << e.what() << "\n";
    return 1;
  }
  searcher s(snap);
  auto answer = [&](const std::string& q) {
    auto r = s.search(q, limit);
    if (a.flag("explain")) std::cerr << r.query_description << "\n";
    if (a.flag("json") || batch)
      std::cout << boost::json::serialize(to_json(r)) << "\n";
    else
      print_text(r);
  };
  if (!batch) {
    answer(a.positional()[0]);
    return 0;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (*batch != "-") {
    file.open(*batch);
    if (!file) throw usage_error("cannot open batch file '" + *batch + "'");
    in = &file;
  }
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    answer(line);
  }
  return 0;
}

}  // namespace bot::cli
