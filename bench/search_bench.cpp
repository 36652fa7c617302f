/** @file search_bench.cpp
 *  @brief Search latency, index build rate and the PostgreSQL full-text baseline (Google
 * Benchmark).
 *
 *  Benchmarks (one thread, warm caches, the questions of corpus/toetsvragen.tsv in file order):
 *  @code
 *  build/shipped                  indexer::build_index of the shipped corpus (docs/s)
 *  search/finwijzer/shipped       bot::searcher::search(question, 10) on the shipped corpus
 *  search/postgres/shipped        PostgreSQL 15 FTS, same questions, same corpus
 *  search/finwijzer/gen100k       the same on the generated corpus (gen_corpus.hpp)
 *  search/postgres/gen100k
 *  phase/{analyze,match,snippet}/CORPUS   where the time of a search goes (see below)
 *  @endcode
 *  Every search benchmark reports p50_us, p99_us, mean_us and max_us per query as counters; a
 *  summary table with the ratios Finwijzer / PostgreSQL is printed at the end (or written to
 *  $FINWIJZER_BENCH_SUMMARY instead, when set). The summary also says what the champion plan
 *  (bot::reading_plan) gives up on each corpus: how often its answers equal a full search's.
 *
 *  Why counters and not ComputeStatistics: Google Benchmark's statistics functions receive one
 *  value per *repetition*, the mean over all iterations of that repetition. A "p99" over
 *  repetitions is therefore a percentile of averages over all questions, which hides exactly what
 *  p99 is meant to show: the few questions that are slow (long questions, spelling corrections,
 *  common words). So each iteration runs one question, its own wall time is recorded, and the
 *  percentiles are taken over those per-query times. The iteration count is fixed to whole passes
 *  over the question list (every question weighs the same); the number of passes is chosen from a
 *  warm-up pass so that a benchmark takes about FINWIJZER_BENCH_SECONDS (default 3).
 *
 *  Environment:
 *    FINWIJZER_BENCH_CORPUS   shipped corpus (default: <source>/corpus)
 *    FINWIJZER_BENCH_CACHE    cache for the generated corpus and its index (default:
 *                             <source>/var/bench); regenerated when missing or stale
 *    FINWIJZER_BENCH_DOCS     size of the generated corpus (default 100000; 0: skip it)
 *    FINWIJZER_BENCH_REBUILD  1: rebuild the cached generated index, to measure the build rate
 *    FINWIJZER_BENCH_PG       libpq connection string of a scratch PostgreSQL 15 cluster
 *                             (scripts/bench.sh starts one); unset: PostgreSQL is skipped
 *    FINWIJZER_BENCH_SECONDS  time budget per search benchmark (default 3)
 *    FINWIJZER_BENCH_SUMMARY  write the summary (Markdown) to this file instead of stdout
 */
#include <benchmark/benchmark.h>
#include <unistd.h>
#ifdef FINWIJZER_HAVE_LIBPQ
#include <libpq-fe.h>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/gen_corpus.hpp"
#include "bot/search.hpp"
#include "indexer/analyzer.hpp"
#include "indexer/index.hpp"
#include "kb/questions.hpp"
#include "kb/text.hpp"

namespace {

namespace fs = std::filesystem;
using steady = std::chrono::steady_clock;

constexpr std::size_t result_limit = 10;       // top 10 from every system
constexpr std::size_t xapian_candidates = 40;  // as bot/search.cpp asks from BM25
constexpr int max_passes = 50;
constexpr double warm_up_cap = 10;  // seconds

double seconds_since(steady::time_point t0) {
  return std::chrono::duration<double>(steady::now() - t0).count();
}

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

void note(const std::string& msg) {
  std::cerr << "search_bench: " << msg << std::endl;
}

// ---------------------------------------------------------------------------------------------
// Per-query latency

struct latency {
  std::size_t n = 0;
  double p50 = 0, p99 = 0, mean = 0, max = 0;  // microseconds
};

/// Nearest-rank percentiles of per-query times in microseconds.
latency summarize(std::vector<double> us) {
  latency l;
  l.n = us.size();
  if (us.empty()) return l;
  std::sort(us.begin(), us.end());
  auto rank = [&](double p) {
    auto r = static_cast<std::size_t>(std::ceil(p / 100.0 * double(us.size())));
    return us[std::clamp<std::size_t>(r, 1, us.size()) - 1];
  };
  l.p50 = rank(50);
  l.p99 = rank(99);
  double sum = 0;
  for (double v : us) sum += v;
  l.mean = sum / double(us.size());
  l.max = us.back();
  return l;
}

/// Results for the summary: (corpus, system) -> latency.
std::map<std::pair<std::string, std::string>, latency> g_results;
/// (corpus, system) -> the slowest questions: (mean microseconds, question).
std::map<std::pair<std::string, std::string>, std::vector<std::pair<double, std::string>>>
    g_slowest;
constexpr std::size_t slowest_shown = 3;

/// A query function: runs one question, returns the number of results.
using query_fn = std::function<std::size_t(const std::string&)>;

/** Warms a query function up with one pass over the questions, cut short after
 *  `warm_up_cap` seconds (PostgreSQL needs more than a second per question on 100k documents; its
 *  buffers are prewarmed separately). Returns the estimated time of a whole pass in seconds. */
double warm_up(const std::vector<std::string>& questions, const query_fn& run) {
  auto t0 = steady::now();
  std::size_t done = 0;
  for (const auto& q : questions) {
    benchmark::DoNotOptimize(run(q));
    ++done;
    if (seconds_since(t0) > warm_up_cap) break;
  }
  return seconds_since(t0) / double(done) * double(questions.size());
}

int passes_for(double pass_seconds) {
  double budget = std::atof(env_or("FINWIJZER_BENCH_SECONDS", "3").c_str());
  if (!(budget > 0)) budget = 3;
  return std::clamp(static_cast<int>(budget / std::max(pass_seconds, 1e-6)), 1, max_passes);
}

/** Registers a latency benchmark: one question per iteration, round robin, each one timed.
 *  The query function is warmed up here and its pass time picks the number of passes (at least
 *  one: every question is measured even when that takes longer than the budget). */
void register_latency(const std::string& name, const std::string& corpus, const std::string& system,
                      const std::vector<std::string>& questions, query_fn run) {
  const int passes = passes_for(warm_up(questions, run));
  benchmark::RegisterBenchmark(
      name.c_str(),
      [=, &questions](benchmark::State& state) {
        std::vector<double> us, per_question(questions.size(), 0.0);
        us.reserve(static_cast<std::size_t>(state.max_iterations));
        std::size_t i = 0, results = 0;
        try {
          for (auto _ : state) {
            auto t0 = steady::now();
            results += run(questions[i]);
            us.push_back(std::chrono::duration<double, std::micro>(steady::now() - t0).count());
            per_question[i] += us.back();
            if (++i == questions.size()) i = 0;
          }
        } catch (const std::exception& e) {
          state.SkipWithError(e.what());
          return;
        }
        latency l = summarize(us);
        state.counters["p50_us"] = l.p50;
        state.counters["p99_us"] = l.p99;
        state.counters["mean_us"] = l.mean;
        state.counters["max_us"] = l.max;
        state.counters["results"] = double(results) / double(std::max<std::size_t>(l.n, 1));
        if (system.empty()) return;
        g_results[{corpus, system}] = l;
        std::vector<std::pair<double, std::string>> slow;
        const double passes = double(us.size()) / double(questions.size());
        for (std::size_t k = 0; k < questions.size(); ++k)
          slow.emplace_back(per_question[k] / passes, questions[k]);
        std::sort(slow.rbegin(), slow.rend());
        slow.resize(std::min(slow.size(), slowest_shown));
        g_slowest[{corpus, system}] = std::move(slow);
      })
      ->Iterations(static_cast<benchmark::IterationCount>(passes * questions.size()))
      ->Unit(benchmark::kMicrosecond)
      ->UseRealTime();
}

// ---------------------------------------------------------------------------------------------
// Finwijzer on one corpus

struct build_record {
  std::size_t documents = 0;
  double seconds = 0;
  std::string date;
  bool this_run = false;
};

struct corpus_under_test {
  std::string name;  ///< "shipped", "gen100k"
  fs::path corpus_dir, index_dir;
  build_record build;
  double open_seconds = 0, searcher_seconds = 0;
  std::shared_ptr<const indexer::snapshot> snap;
  std::unique_ptr<bot::searcher> searcher;
};

build_record build(const fs::path& corpus_dir, const fs::path& index_dir) {
  kb::diagnostics diag;
  auto t0 = steady::now();
  indexer::build_stats s = indexer::build_index(corpus_dir, index_dir, diag, kb::date::today());
  return {s.documents, seconds_since(t0), kb::date::today().str(), true};
}

void open(corpus_under_test& c) {
  auto t0 = steady::now();
  c.snap = indexer::open_index(c.index_dir);
  c.open_seconds = seconds_since(t0);
  t0 = steady::now();
  c.searcher = std::make_unique<bot::searcher>(c.snap);
  c.searcher_seconds = seconds_since(t0);
}

void save_record(const fs::path& file, const build_record& r) {
  std::ofstream out(file, std::ios::trunc);
  out << r.documents << ' ' << r.seconds << ' ' << r.date << '\n';
}

build_record load_record(const fs::path& file) {
  build_record r;
  std::ifstream in(file);
  if (!(in >> r.documents >> r.seconds >> r.date)) return {};
  return r;
}

/// The generated corpus and its index, from the cache when they are current.
void prepare_generated(corpus_under_test& c, const fs::path& shipped, const fs::path& cache,
                       std::size_t documents) {
  bench::gen_options o;
  o.documents = documents;
  o.shipped = shipped;
  const fs::path dir = cache / ("gen-" + std::to_string(documents));
  c.corpus_dir = dir / "corpus";
  c.index_dir = dir / "index";
  const fs::path record = dir / "build.txt";
  if (!bench::corpus_is_current(o, c.corpus_dir)) {
    note("generating " + std::to_string(documents) + " documents into " + c.corpus_dir.string());
    auto t0 = steady::now();
    fs::remove_all(c.index_dir);
    fs::remove(record);
    bench::generate_corpus(o, c.corpus_dir);
    note("generated in " + fixed(seconds_since(t0), 1) + " s");
  }
  bool rebuild = env_or("FINWIJZER_BENCH_REBUILD", "0") == "1" ||
                 indexer::current_generation(c.index_dir) == 0;
  for (int attempt = 0;; ++attempt) {
    if (rebuild) {
      note("building the index of " + std::to_string(documents) + " documents into " +
           c.index_dir.string() + " (minutes)");
      fs::remove_all(c.index_dir);
      fs::remove(record);
      c.build = build(c.corpus_dir, c.index_dir);
      save_record(record, c.build);
      note("built in " + fixed(c.build.seconds, 1) + " s");
    } else {
      c.build = load_record(record);
    }
    try {
      open(c);
      return;
    } catch (const indexer::index_error& e) {
      // Another format or analysis than this program's: the cached index is stale.
      if (attempt > 0) throw;
      note(std::string("cached index not usable (") + e.what() + "); rebuilding");
      rebuild = true;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Phases, to see where the time of a search goes. These re-do parts of bot::searcher::search
// with the same analyzer and index, outside the searcher:
//   analyze   indexer::analyzer::analyze(question)
//   match     analyze + OR of the question's stems + Xapian BM25 top-40 (no synonyms, spelling,
//             compound fallback or re-ranking): the Xapian match
//   snippet   the work of searcher::best_sentence for the top 10 of the real search: every
//             sentence of each result's body analysed and compared with the query stems

struct phase_tools {
  indexer::analyzer an;
  Xapian::Database db;
  explicit phase_tools(const indexer::snapshot& s) : an(s.lex), db(s.db_path.string()) {}
};

std::size_t xapian_match(phase_tools& t, const indexer::snapshot& snap, const std::string& q) {
  std::vector<Xapian::Query> terms;
  for (const auto& w : t.an.analyze(q)) {
    if (w.stop) continue;
    terms.emplace_back(w.number ? "N" + w.folded : "Z" + w.stem);
  }
  if (terms.empty()) return 0;
  Xapian::Enquire enquire(t.db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  Xapian::MSet mset = enquire.get_mset(0, xapian_candidates);
  std::size_t found = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it)
    found += snap.corpus.find(it.get_document().get_data()) != nullptr;
  return found;
}

/// Mirrors searcher::best_sentence: returns the number of sentences analysed.
std::size_t snippet_work(indexer::analyzer& an, const kb::instrument& inst,
                         const std::set<std::string>& stems) {
  std::size_t sentences = 0, best_hits = 0;
  std::string sentence;
  auto consider = [&] {
    auto s = std::string(kb::trim(sentence));
    sentence.clear();
    if (s.size() < 20 || s[0] == '#') return;
    ++sentences;
    std::set<std::string> hit;
    for (const auto& w : an.analyze(s)) {
      if (w.stop) continue;
      if (stems.count(w.stem)) hit.insert(w.stem);
      for (const auto& ps : w.part_stems)
        if (stems.count(ps)) hit.insert(ps);
    }
    best_hits = std::max(best_hits, hit.size());
  };
  for (char ch : inst.body) {
    if (ch == '\n') {
      consider();
      continue;
    }
    sentence += ch;
    if (ch == '.' || ch == '?' || ch == '!') consider();
  }
  consider();
  benchmark::DoNotOptimize(best_hits);
  return sentences;
}

void register_finwijzer(corpus_under_test& c, const std::vector<std::string>& questions) {
  bot::searcher* s = c.searcher.get();
  register_latency("search/finwijzer/" + c.name, c.name, "finwijzer", questions,
                   [s](const std::string& q) { return s->search(q, result_limit).matches.size(); });

  auto tools = std::make_shared<phase_tools>(*c.snap);
  auto snap = c.snap;
  register_latency("phase/analyze/" + c.name, c.name, "", questions,
                   [tools](const std::string& q) { return tools->an.analyze(q).size(); });
  register_latency("phase/match/" + c.name, c.name, "", questions,
                   [tools, snap](const std::string& q) { return xapian_match(*tools, *snap, q); });

  // The snippet phase needs each question's results and stems: taken from one real search.
  auto plan = std::make_shared<std::map<
      std::string, std::pair<std::vector<const kb::instrument*>, std::set<std::string>>>>();
  for (const auto& q : questions) {
    auto& [insts, stems] = (*plan)[q];
    for (const auto& m : s->search(q, result_limit).matches) insts.push_back(m.inst);
    for (const auto& w : tools->an.analyze(q)) {
      if (w.stop || w.number) continue;
      stems.insert(w.stem);
      stems.insert(w.part_stems.begin(), w.part_stems.end());
    }
  }
  register_latency("phase/snippet/" + c.name, c.name, "", questions,
                   [tools, plan](const std::string& q) {
                     const auto& [insts, stems] = plan->at(q);
                     std::size_t n = 0;
                     for (const auto* inst : insts) n += snippet_work(tools->an, *inst, stems);
                     return n;
                   });
}

void register_build_shipped(const fs::path& shipped, const fs::path& scratch) {
  benchmark::RegisterBenchmark(
      "build/shipped",
      [=](benchmark::State& state) {
        std::size_t docs = 0, n = 0;
        double seconds = 0;
        for (auto _ : state) {
          const fs::path out = scratch / ("build-" + std::to_string(n++));
          auto t0 = steady::now();
          kb::diagnostics diag;
          docs = indexer::build_index(shipped, out, diag, kb::date::today()).documents;
          seconds += seconds_since(t0);
          state.PauseTiming();
          fs::remove_all(out);
          state.ResumeTiming();
        }
        state.counters["documents"] = double(docs);
        state.counters["docs_per_s"] = double(docs) * double(n) / std::max(seconds, 1e-9);
      })
      ->Iterations(3)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL 15 full-text search, as bench/quality.py sets it up

#ifdef FINWIJZER_HAVE_LIBPQ

class pg_connection {
 public:
  explicit pg_connection(const std::string& conninfo) : c_(PQconnectdb(conninfo.c_str())) {
    if (PQstatus(c_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(c_);
      PQfinish(c_);
      throw std::runtime_error("cannot connect to PostgreSQL (" + conninfo + "): " + msg);
    }
  }
  ~pg_connection() { PQfinish(c_); }
  pg_connection(const pg_connection&) = delete;
  pg_connection& operator=(const pg_connection&) = delete;

  void exec(const std::string& sql) { check(PQexec(c_, sql.c_str()), sql); }

  /// COPY table FROM STDIN in text format; `rows` are already escaped lines without newline.
  void copy_in(const std::string& sql, const std::vector<std::string>& rows) {
    PGresult* r = PQexec(c_, sql.c_str());
    if (PQresultStatus(r) != PGRES_COPY_IN) check(r, sql);
    PQclear(r);
    std::string buf;
    auto flush = [&] {
      if (PQputCopyData(c_, buf.data(), static_cast<int>(buf.size())) != 1)
        throw std::runtime_error(std::string("COPY failed: ") + PQerrorMessage(c_));
      buf.clear();
    };
    for (const auto& row : rows) {
      buf += row;
      buf += '\n';
      if (buf.size() > (1u << 20)) flush();
    }
    if (!buf.empty()) flush();
    if (PQputCopyEnd(c_, nullptr) != 1)
      throw std::runtime_error(std::string("COPY failed: ") + PQerrorMessage(c_));
    while (PGresult* res = PQgetResult(c_)) check(res, sql);
  }

  void prepare(const std::string& name, const std::string& sql) {
    check(PQprepare(c_, name.c_str(), sql.c_str(), 1, nullptr), sql);
  }

  /// Runs a prepared one-parameter query; returns the number of rows.
  std::size_t query(const std::string& name, const std::string& param) {
    const char* values[1] = {param.c_str()};
    PGresult* r = PQexecPrepared(c_, name.c_str(), 1, values, nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) check(r, name);
    std::size_t rows = static_cast<std::size_t>(PQntuples(r));
    for (std::size_t i = 0; i < rows; ++i)
      benchmark::DoNotOptimize(PQgetvalue(r, static_cast<int>(i), 0));
    PQclear(r);
    return rows;
  }

  std::string value(const std::string& sql) {
    PGresult* r = PQexec(c_, sql.c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK) check(r, sql);
    std::string v = PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "";
    PQclear(r);
    return v;
  }

 private:
  void check(PGresult* r, const std::string& what) {
    auto st = PQresultStatus(r);
    std::string msg = PQresultErrorMessage(r);
    PQclear(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
      throw std::runtime_error("PostgreSQL: " + msg + " in: " + what.substr(0, 200));
  }
  PGconn* c_;
};

/// A field for COPY's text format (as bench/quality.py's copy_escape).
std::string copy_escape(const std::string& v) {
  std::string out;
  out.reserve(v.size());
  for (char ch : v) {
    switch (ch) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

/// Tabs and newlines as spaces, as quality_baselines dump writes the text.
std::string one_line(std::string s) {
  for (char& ch : s)
    if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
  return s;
}

/// Loads a corpus into table `doc_<name>` with the weighted tsvector of bench/quality.py and a GIN
/// index; prepares `q_<name>`. Returns the load time in seconds.
double pg_load(pg_connection& pg, const std::string& name, const kb::corpus& c) {
  const std::string table = "doc_" + name;
  auto t0 = steady::now();
  pg.exec("DROP TABLE IF EXISTS " + table);
  // A stored generated column: the same tsvector as quality.py's UPDATE, computed during COPY.
  pg.exec("CREATE TABLE " + table +
          " (id text PRIMARY KEY, title text, keywords text, summary text, body text,\n"
          "  tsv tsvector GENERATED ALWAYS AS (\n"
          "    setweight(to_tsvector('dutch', title), 'A') ||\n"
          "    setweight(to_tsvector('dutch', keywords), 'B') ||\n"
          "    setweight(to_tsvector('dutch', summary), 'C') ||\n"
          "    setweight(to_tsvector('dutch', body), 'D')) STORED)");
  std::vector<std::string> rows;
  rows.reserve(c.instruments.size());
  for (const auto& i : c.instruments)
    rows.push_back(copy_escape(one_line(i.id)) + '\t' + copy_escape(one_line(i.title)) + '\t' +
                   copy_escape(one_line(kb::join(i.keywords, " "))) + '\t' +
                   copy_escape(one_line(i.summary)) + '\t' + copy_escape(one_line(i.body)));
  pg.copy_in("COPY " + table + " (id, title, keywords, summary, body) FROM STDIN", rows);
  pg.exec("CREATE INDEX " + table + "_tsv ON " + table + " USING gin (tsv)");
  pg.exec("VACUUM ANALYZE " + table);
  // Warm: the table, its TOAST table (the tsvectors of long texts) and the GIN index in shared
  // buffers (pg_prewarm ships with PostgreSQL; without it the warm-up queries do the work).
  try {
    pg.exec("CREATE EXTENSION IF NOT EXISTS pg_prewarm");
    pg.exec("SELECT pg_prewarm('" + table + "'), pg_prewarm('" + table +
            "_tsv'), (SELECT pg_prewarm(reltoastrelid) FROM pg_class WHERE relname = '" + table +
            "' AND reltoastrelid <> 0)");
  } catch (const std::exception& e) {
    note(std::string("pg_prewarm unavailable, warming up with queries only: ") + e.what());
  }
  // The question's own lexemes (stemmed, stop words gone), quoted and OR-ed, cast straight to a
  // tsquery so they are not normalised twice (quality.py); no lexemes: a NULL query, no rows.
  pg.prepare("q_" + name,
             "SELECT d.id FROM " + table +
                 " d,\n"
                 "  (SELECT (SELECT string_agg('''' || replace(replace(l, '\\', '\\\\'), '''', "
                 "'''''') || '''', ' | ')\n"
                 "           FROM unnest(tsvector_to_array(to_tsvector('dutch', $1::text))) AS l)"
                 "::tsquery AS query) qq\n"
                 "WHERE d.tsv @@ qq.query\n"
                 "ORDER BY ts_rank_cd(d.tsv, qq.query) DESC, d.id\n"
                 "LIMIT " +
                 std::to_string(result_limit));
  return seconds_since(t0);
}

#endif  // FINWIJZER_HAVE_LIBPQ

// ---------------------------------------------------------------------------------------------
// Summary

/// What the champion plan (bot::reading_plan) changes against a search that reads everything.
struct plan_agreement {
  std::size_t used = 0;           ///< questions the plan was used for
  std::size_t same_first = 0;     ///< questions with the same first result
  std::size_t top3 = 0, in3 = 0;  ///< ids in the full top 3, and how many the plan's top 3 has
};

/// `c.searcher` (the default plan) against a second searcher that reads everything: one new
/// searcher, not two (a searcher on 100k texts takes 7 s to make).
plan_agreement agreement(const corpus_under_test& c, const std::vector<std::string>& questions) {
  bot::searcher full(c.snap);
  bot::searcher& planned = *c.searcher;
  full.set_reading({.exhaustive_postings = std::numeric_limits<std::uint64_t>::max()});
  auto ids = [](const bot::search_result& r) {
    std::vector<std::string> v;
    for (const auto& m : r.matches) v.push_back(m.inst->id);
    return v;
  };
  plan_agreement a;
  for (const auto& q : questions) {
    auto p = planned.search(q, 3);
    auto f = ids(full.search(q, 3)), g = ids(p);
    a.used += p.champions_only;
    a.same_first += !f.empty() && !g.empty() && f[0] == g[0];
    a.top3 += f.size();
    for (const auto& id : f) a.in3 += std::find(g.begin(), g.end(), id) != g.end();
  }
  return a;
}

struct run_info {
  std::size_t questions = 0;
  std::vector<const corpus_under_test*> corpora;
  std::map<std::string, double> pg_load_seconds;
  std::map<std::string, plan_agreement> agreement;
  std::string pg_note;
};

std::string ms(double us) {
  return fixed(us / 1000.0, us < 10000 ? 3 : 1);
}

/// The start of a long question, cut at a UTF-8 character boundary.
std::string shorten(const std::string& q, std::size_t max = 60) {
  if (q.size() <= max) return q;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(q[cut]) & 0xC0) == 0x80) --cut;
  return q.substr(0, cut) + "…";
}

std::string summary(const run_info& info) {
  std::ostringstream out;
  out << "Per-query latency in ms, one thread, warm; " << info.questions
      << " questions of corpus/toetsvragen.tsv, top " << result_limit
      << ". Ratio = Finwijzer / PostgreSQL (below 1: Finwijzer is faster).\n\n";
  out << "| corpus | documents | Finwijzer p50 | Finwijzer p99 | PostgreSQL p50 | PostgreSQL p99 "
         "| ratio p50 | ratio p99 |\n";
  out << "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
  for (const auto* c : info.corpora) {
    auto fw = g_results.find({c->name, "finwijzer"});
    auto pg = g_results.find({c->name, "postgres"});
    auto cell = [](auto it, auto end, bool p99) {
      return it == end ? std::string("–") : ms(p99 ? it->second.p99 : it->second.p50);
    };
    auto ratio = [&](bool p99) {
      if (fw == g_results.end() || pg == g_results.end()) return std::string("–");
      double a = p99 ? fw->second.p99 : fw->second.p50, b = p99 ? pg->second.p99 : pg->second.p50;
      return b > 0 ? fixed(a / b, 2) : std::string("–");
    };
    out << "| " << c->name << " | " << c->snap->corpus.instruments.size() << " | "
        << cell(fw, g_results.end(), false) << " | " << cell(fw, g_results.end(), true) << " | "
        << cell(pg, g_results.end(), false) << " | " << cell(pg, g_results.end(), true) << " | "
        << ratio(false) << " | " << ratio(true) << " |\n";
  }
  if (!info.pg_note.empty()) out << "\nPostgreSQL: " << info.pg_note << "\n";
  out << "\nSlowest questions (mean ms per run):\n\n";
  for (const auto& [key, slow] : g_slowest) {
    out << "- " << key.second << " on " << key.first << ":";
    for (const auto& [us, q] : slow) out << " " << ms(us) << " \"" << shorten(q) << "\";";
    out << "\n";
  }
  out << "\nIndex build (indexer::build_index: load + validate, copy, analyse, write, "
         "publish):\n\n";
  for (const auto* c : info.corpora) {
    const auto& b = c->build;
    out << "- " << c->name << ": ";
    if (b.documents == 0) {
      out << "not recorded (index from an earlier run; FINWIJZER_BENCH_REBUILD=1 measures it)";
    } else {
      out << b.documents << " documents in " << fixed(b.seconds, 1)
          << " s = " << fixed(double(b.documents) / b.seconds, 0) << " docs/s"
          << (b.this_run ? " (this run)" : " (cached index, built " + b.date + ")");
    }
    out << "; open_index " << fixed(c->open_seconds, 2) << " s, searcher "
        << fixed(c->searcher_seconds, 2) << " s";
    if (auto it = info.pg_load_seconds.find(c->name); it != info.pg_load_seconds.end())
      out << "; PostgreSQL load + GIN index " << fixed(it->second, 1) << " s";
    out << "\n";
  }
  out << "\nChampion plan (bot::reading_plan) against a search that reads every posting:\n\n";
  for (const auto* c : info.corpora) {
    auto it = info.agreement.find(c->name);
    if (it == info.agreement.end()) continue;
    const auto& a = it->second;
    auto pct = [](std::size_t n, std::size_t of) {
      return of ? fixed(100.0 * double(n) / double(of), 0) + " %" : std::string("–");
    };
    out << "- " << c->name << ": used for " << a.used << " of " << info.questions
        << " questions; same first result " << pct(a.same_first, info.questions)
        << "; the full top 3 in the plan's top 3: " << pct(a.in3, a.top3) << "\n";
  }
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  const fs::path source = FINWIJZER_SOURCE_DIR;
  const fs::path shipped = env_or("FINWIJZER_BENCH_CORPUS", (source / "corpus").string());
  const fs::path cache = env_or("FINWIJZER_BENCH_CACHE", (source / "var" / "bench").string());
  const std::size_t gen_docs =
      std::strtoul(env_or("FINWIJZER_BENCH_DOCS", "100000").c_str(), nullptr, 10);

  std::error_code ec;
  char tmpl[] = "/tmp/finwijzer-bench-XXXXXX";
  if (!::mkdtemp(tmpl)) {
    note("cannot create a temp dir");
    return 1;
  }
  const fs::path scratch = tmpl;

  run_info info;
  corpus_under_test ship, gen;
  std::vector<std::string> questions;
#ifdef FINWIJZER_HAVE_LIBPQ
  std::unique_ptr<pg_connection> pg;
#endif
  int status = 0;
  try {
    kb::diagnostics diag;
    for (const auto& q : kb::load_questions(shipped / "toetsvragen.tsv", diag))
      questions.push_back(q.text);
    if (!diag.ok() || questions.empty())
      throw std::runtime_error("no questions in " + (shipped / "toetsvragen.tsv").string());
    info.questions = questions.size();

    // The shipped corpus: built into a temp dir every run.
    ship.name = "shipped";
    ship.corpus_dir = shipped;
    ship.index_dir = scratch / "shipped-index";
    ship.build = build(shipped, ship.index_dir);
    open(ship);
    info.corpora.push_back(&ship);

    // The generated corpus: cached under var/bench.
    if (gen_docs > 0) {
      gen.name = gen_docs == 100000 ? "gen100k" : "gen" + std::to_string(gen_docs);
      prepare_generated(gen, shipped, cache, gen_docs);
      info.corpora.push_back(&gen);
    }

#ifdef FINWIJZER_HAVE_LIBPQ
    if (const char* conninfo = std::getenv("FINWIJZER_BENCH_PG"); conninfo && *conninfo) {
      pg = std::make_unique<pg_connection>(conninfo);
      info.pg_note = pg->value("SELECT version()");
      pg->exec("SET client_min_messages = warning");
      for (const auto* c : info.corpora) {
        note("loading " + c->name + " into PostgreSQL");
        info.pg_load_seconds[c->name] = pg_load(*pg, c->name, c->snap->corpus);
      }
    } else {
      note(
          "FINWIJZER_BENCH_PG is not set: skipping the PostgreSQL baseline (scripts/bench.sh "
          "starts a scratch cluster)");
      info.pg_note = "skipped (FINWIJZER_BENCH_PG not set)";
    }
#else
    note("built without libpq (Debian: libpq-dev): skipping the PostgreSQL baseline");
    info.pg_note = "skipped (built without libpq)";
#endif

    for (const auto* c : info.corpora) {
      note("comparing the champion plan with a full search on " + c->name);
      info.agreement[c->name] = agreement(*c, questions);
    }

    note("warming up and registering the benchmarks");
    register_build_shipped(shipped, scratch);
    for (auto* c : {&ship, &gen}) {
      if (!c->searcher) continue;
      register_finwijzer(*c, questions);
#ifdef FINWIJZER_HAVE_LIBPQ
      if (pg) {
        pg_connection* p = pg.get();
        const std::string stmt = "q_" + c->name;
        register_latency("search/postgres/" + c->name, c->name, "postgres", questions,
                         [p, stmt](const std::string& q) { return p->query(stmt, q); });
      }
#endif
    }
    benchmark::AddCustomContext("questions", std::to_string(questions.size()));
    benchmark::AddCustomContext("result_limit", std::to_string(result_limit));
    for (const auto* c : info.corpora)
      benchmark::AddCustomContext(c->name + "_documents",
                                  std::to_string(c->snap->corpus.instruments.size()));

    benchmark::RunSpecifiedBenchmarks();

    const std::string text = summary(info);
    if (const char* file = std::getenv("FINWIJZER_BENCH_SUMMARY"); file && *file) {
      std::ofstream out(file, std::ios::trunc);
      out << text;
      if (!out) throw std::runtime_error(std::string("cannot write ") + file);
    } else {
      std::cout << "\n" << text << std::flush;
    }
  } catch (const std::exception& e) {
    note(std::string("error: ") + e.what());
    status = 1;
  }
  benchmark::Shutdown();
  fs::remove_all(scratch, ec);
  return status;
}
