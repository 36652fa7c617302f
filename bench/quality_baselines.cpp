/** @file quality_baselines.cpp
 *  @brief Baselines for the answer-quality harness (bench/quality.py).
 *
 *  quality_baselines dump --corpus DIR
 *      One instrument per line: id, title, keywords, summary, body (TSV; tabs and newlines in the
 *      text become spaces). The PostgreSQL baseline loads this. The baselines get the same text
 *      Finwijzer indexes: the body includes the example questions (voorbeeldvragen).
 *  quality_baselines xapian --corpus DIR --batch FILE [--limit N]
 *      Stock Xapian: an in-memory index, one document per instrument, Dutch stemming, no prefixes,
 *      no field weights, no stopper; a default QueryParser and BM25. One JSON line per question.
 */
#include <xapian.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "kb/corpus.hpp"
#include "kb/text.hpp"

namespace {

const char* const usage =
    "usage: quality_baselines dump --corpus DIR\n"
    "       quality_baselines xapian --corpus DIR --batch FILE [--limit N]\n";

/// `--name value` pairs after the subcommand; anything else is a usage error.
std::map<std::string, std::string> parse_options(int argc, char** argv) {
  std::map<std::string, std::string> opts;
  for (int i = 2; i < argc; i += 2) {
    std::string name = argv[i];
    if (name.rfind("--", 0) != 0 || i + 1 >= argc)
      throw std::invalid_argument("bad option: " + name);
    opts[name.substr(2)] = argv[i + 1];
  }
  return opts;
}

std::string require(const std::map<std::string, std::string>& opts, const std::string& name) {
  auto it = opts.find(name);
  if (it == opts.end()) throw std::invalid_argument("missing --" + name);
  return it->second;
}

/// Loads the corpus; prints the diagnostics and returns false when it has errors.
bool load(const std::string& dir, kb::corpus& out) {
  kb::diagnostics diag;
  out = kb::load_corpus(dir, diag, kb::date::today());
  if (diag.ok()) return true;
  for (const auto& d : diag.all()) std::cerr << d.str() << "\n";
  return false;
}

/// Replaces tabs, carriage returns and newlines by spaces, so the text fits in one TSV field.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

/// The body and the example questions: what Finwijzer indexes at the body's weight.
std::string body_text(const kb::instrument& i) {
  return i.body + "\n" + kb::join(i.example_questions, "\n");
}

int run_dump(const kb::corpus& c) {
  for (const auto& i : c.instruments)
    std::cout << one_line(i.id) << '\t' << one_line(i.title) << '\t'
              << one_line(kb::join(i.keywords, " ")) << '\t' << one_line(i.summary) << '\t'
              << one_line(body_text(i)) << '\n';
  return 0;
}

int run_xapian(const kb::corpus& c, const std::string& batch, unsigned limit) {
  std::ifstream in(batch);
  if (!in) {
    std::cerr << "quality_baselines: cannot open " << batch << "\n";
    return 1;
  }

  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::TermGenerator gen;
  gen.set_stemmer(Xapian::Stem("dutch"));
  for (const auto& i : c.instruments) {
    Xapian::Document doc;
    gen.set_document(doc);
    gen.index_text(i.title);
    gen.increase_termpos();
    gen.index_text(kb::join(i.keywords, " "));
    gen.increase_termpos();
    gen.index_text(i.summary);
    gen.increase_termpos();
    gen.index_text(body_text(i));
    doc.set_data(i.id);
    db.add_document(doc);
  }

  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("dutch"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(db);
  Xapian::Enquire enquire(db);  // BM25 with default parameters

  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    boost::json::array matches;
    if (!kb::trim(line).empty()) {
      enquire.set_query(qp.parse_query(line));
      Xapian::MSet mset = enquire.get_mset(0, limit);
      for (auto it = mset.begin(); it != mset.end(); ++it)
        matches.push_back(boost::json::object{{"id", it.get_document().get_data()}});
    }
    boost::json::object out{{"question", line}, {"matches", std::move(matches)}};
    std::cout << boost::json::serialize(out) << '\n';
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << usage;
    return 2;
  }
  const std::string command = argv[1];
  try {
    auto opts = parse_options(argc, argv);
    kb::corpus c;
    if (command == "dump") {
      if (!load(require(opts, "corpus"), c)) return 1;
      return run_dump(c);
    }
    if (command == "xapian") {
      unsigned limit = 10;
      if (auto it = opts.find("limit"); it != opts.end()) {
        int n = std::atoi(it->second.c_str());
        if (n < 1 || n > 1000) throw std::invalid_argument("--limit needs a number in 1..1000");
        limit = static_cast<unsigned>(n);
      }
      std::string batch = require(opts, "batch");
      if (!load(require(opts, "corpus"), c)) return 1;
      return run_xapian(c, batch, limit);
    }
    std::cerr << "quality_baselines: unknown command '" << command << "'\n" << usage;
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "quality_baselines: " << e.what() << "\n" << usage;
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << "quality_baselines: Xapian: " << e.get_description() << "\n";
    return 1;
  }
}
