#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "bot/advisor.hpp"
#include "bot/cli/args.hpp"
#include "bot/cli/commands.hpp"

namespace bot::cli {

const char* const ask_usage =
    "usage: finwijzer ask --index DIR [--json] [--limit N] [--profile-json FILE] [--state FILE]\n"
    "                     [--batch FILE] \"vraag\"\n"
    "\n"
    "Answers a question from the published index in DIR (no corpus directory needed): the\n"
    "instruments that fit, eligibility hints for what is known, and the next question to ask.\n"
    "\n"
    "  --json              print one JSON object: {question, did_you_mean, profile, understood,\n"
    "                      matches, hints, followup, desk, reply} (docs/protocol.md, 'answer')\n"
    "  --limit N           at most N matches (1-50, default 5)\n"
    "  --profile-json FILE start from this profile ({field: value}; '-' for standard input)\n"
    "  --state FILE        keep the conversation (profile, asked fields) in FILE between calls;\n"
    "                      FILE is created when missing\n"
    "  --batch FILE        one question per line ('-' for standard input); one JSON answer per\n"
    "                      line, in order; each question is answered on its own\n"
    "  --explain           print the Xapian query to standard error (for developers)\n"
    "\n"
    "exit status: 0 answered, 1 no usable index or bad state file, 2 usage error\n";

namespace {

boost::json::value parse_json(const std::string& text, const std::string& file) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec) throw kb::profile_error(file + ": invalid JSON: " + ec.message());
  return v;
}

void print_text(const boost::json::object& a) {
  const auto& matches = a.at("matches").as_array();
  if (!matches.empty()) std::cout << "Dit past het best bij uw vraag:\n";
  int n = 0;
  for (const auto& mv : matches) {
    const auto& m = mv.as_object();
    std::cout << "\n"
              << ++n << ". " << m.at("title").as_string().c_str() << " ("
              << m.at("kind").as_string().c_str() << ", " << m.at("status").as_string().c_str()
              << ")\n";
    if (auto s = m.at("summary").as_string(); !s.empty()) std::cout << "   " << s.c_str() << "\n";
    for (const auto& w : m.at("why").as_array())
      std::cout << "   - " << w.as_string().c_str() << "\n";
    std::cout << "   Bron: " << m.at("source").as_string().c_str() << " (gecontroleerd op "
              << m.at("last_checked").as_string().c_str() << ")\n";
  }
  for (const auto& hv : a.at("hints").as_array()) {
    const auto& h = hv.as_object();
    std::string verdict(h.at("verdict").as_string());
    std::cout << "\n"
              << h.at("title").as_string().c_str() << ": "
              << (verdict == "eligible"     ? "u komt waarschijnlijk in aanmerking"
                  : verdict == "ineligible" ? "u komt niet in aanmerking"
                                            : "nog onbekend")
              << "\n";
    for (const auto& cv : h.at("criteria").as_array()) {
      const auto& c = cv.as_object();
      std::string r(c.at("result").as_string());
      std::cout << "   ["
                << (r == "met"      ? "v"
                    : r == "failed" ? "x"
                                    : "?")
                << "] " << c.at("text").as_string().c_str() << "\n";
    }
  }
  std::cout << "\n" << a.at("reply").as_string().c_str() << "\n";
}

}  // namespace

int run_ask(const std::vector<std::string>& argv) {
  args a(argv, {"index", "limit", "batch", "profile-json", "state"}, {"json", "explain"});
  const std::string dir = a.require("index");
  const auto limit = static_cast<std::size_t>(a.number("limit", 5, 1, 50));
  const auto batch = a.get("batch");
  if (batch && !a.positional().empty()) throw usage_error("give a question or --batch, not both");
  if (!batch && a.positional().size() != 1)
    throw usage_error("give one question (in quotes) or --batch FILE");
  if (batch && a.get("state"))
    throw usage_error("--state keeps one conversation: not with --batch");

  std::shared_ptr<const indexer::snapshot> snap;
  try {
    snap = indexer::open_index(dir);
  } catch (const std::exception& e) {
    std::cerr << "finwijzer ask: " << e.what() << "\n";
    return 1;
  }
  const auto& corpus = snap->corpus;
  advisor adv(snap);
  conversation start;
  try {
    if (auto p = a.get("profile-json"))
      start.profile =
          kb::profile_from_json(parse_json(read_input(*p), *p), corpus.fields, corpus.places);
    if (auto st = a.get("state"); st && std::filesystem::exists(*st))
      start =
          conversation_from_json(parse_json(read_input(*st), *st), corpus.fields, corpus.places);
  } catch (const kb::profile_error& e) {
    std::cerr << "finwijzer ask: " << e.what() << "\n";
    return 1;
  }
  start.profile.derive(corpus.fields, corpus.places, kb::date::today());

  std::unique_ptr<searcher> explainer;
  if (a.flag("explain")) {
    explainer = std::make_unique<searcher>(snap);
    explainer->describe_queries(true);
  }
  auto answer = [&](conversation& c, const std::string& q) {
    if (explainer) std::cerr << explainer->search(q, limit).query_description << "\n";
    auto out = adv.ask(c, q, limit);
    if (a.flag("json") || batch)
      std::cout << boost::json::serialize(out) << "\n";
    else
      print_text(out);
  };
  if (!batch) {
    conversation c = start;
    answer(c, a.positional()[0]);
    if (auto st = a.get("state")) {
      std::ofstream out(*st, std::ios::trunc);
      out << boost::json::serialize(conversation_to_json(c)) << "\n";
      if (!out) {
        std::cerr << "finwijzer ask: cannot write state file '" << *st << "'\n";
        return 1;
      }
    }
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
    conversation c = start;  // independent questions
    answer(c, line);
  }
  return 0;
}

}  // namespace bot::cli
