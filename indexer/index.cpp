#include "indexer/index.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>
#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "indexer/analyzer.hpp"
#include "indexer/fields.hpp"
#include "indexer/tokenize.hpp"

namespace indexer {

namespace fs = std::filesystem;

namespace {

std::string gen_name(unsigned g) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "gen-%06u", g);
  return buf;
}

unsigned parse_gen(const std::string& name) {
  if (name.size() != 10 || name.rfind("gen-", 0) != 0) return 0;
  unsigned g = 0;
  for (char c : name.substr(4)) {
    if (c < '0' || c > '9') return 0;
    g = g * 10 + unsigned(c - '0');
  }
  return g;
}

/** An exclusive lock on OUT/.lock for the lifetime of the object: one writer at a time. */
class writer_lock {
 public:
  explicit writer_lock(const fs::path& dir) {
    fd_ = ::open((dir / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0)
      throw index_error("cannot lock " + (dir / ".lock").string());
  }
  ~writer_lock() {
    if (fd_ >= 0) ::close(fd_);
  }
  writer_lock(const writer_lock&) = delete;
  writer_lock& operator=(const writer_lock&) = delete;

 private:
  int fd_ = -1;
};

/// Words and how often they occur, for the spelling table: those of titles and keywords
/// (`names`), and those of the other fields (`others`).
struct spelling_counts {
  std::unordered_map<std::string, unsigned> names, others;
};

/// At most this many words of the summaries, bodies and example questions are spelling words,
/// the most frequent first: enough for every such word of the shipped corpus that occurs twice
/// (about 2,000), and a bound for a large corpus, where a suggestion reads the trigram lists of
/// the whole table (1-9 ms with every body word of 100,000 generated texts in it).
constexpr std::size_t max_other_spelling_words = 5000;

void index_field(Xapian::Document& doc, analyzer& an, std::string_view text, unsigned wdf,
                 unsigned& pos_base, spelling_counts& spelling) {
  auto words = an.analyze(text);
  for (const auto& w : words) {
    if (w.stop) continue;
    unsigned pos = pos_base + w.position + 1;
    if (w.number) {
      doc.add_posting("N" + w.folded, pos, wdf);
      continue;
    }
    doc.add_posting(w.folded, pos, wdf);
    doc.add_term("Z" + w.stem, wdf);
    if (wdf >= weight_keywords) doc.add_term("C" + w.stem);
    // Compound parts stand at the compound's position, so "werkkapitaalfinanciering" is found
    // by "financiering" and by "werkkapitaal".
    for (std::size_t i = 0; i < w.parts.size(); ++i) {
      doc.add_posting(w.parts[i], pos, wdf);
      doc.add_term("Z" + w.part_stems[i], wdf);
      if (wdf >= weight_keywords) doc.add_term("C" + w.part_stems[i]);
    }
    // Suggestions come from the words of titles and keywords, the names and topics of
    // instruments, from the synonyms, and from the most frequent other words (build_index).
    if (wdf >= weight_keywords && w.folded.size() >= 3)
      ++spelling.names[w.folded];
    else if (w.folded.size() >= 4)
      ++spelling.others[w.folded];
  }
  pos_base += static_cast<unsigned>(words.size()) + 100;  // a gap: no phrase crosses fields
}

Xapian::Document make_document(const kb::instrument& inst, analyzer& an,
                               spelling_counts& spelling) {
  Xapian::Document doc;
  doc.set_data(inst.id);
  doc.add_boolean_term("Q" + inst.id);
  doc.add_boolean_term("XS" + inst.kind);
  doc.add_boolean_term("XT" + inst.status);
  for (const auto& f : inst.phases) doc.add_boolean_term("XF" + f);
  for (const auto& r : inst.regions) doc.add_boolean_term("XR" + r);
  if (inst.amount_min) doc.add_value(slot_amount_min, Xapian::sortable_serialise(*inst.amount_min));
  if (inst.amount_max) doc.add_value(slot_amount_max, Xapian::sortable_serialise(*inst.amount_max));

  unsigned pos = 0;
  for (const auto& f : searchable_fields(inst))
    index_field(doc, an, f.text, f.weight, pos, spelling);
  return doc;
}

void copy_corpus(const fs::path& from, const fs::path& to) {
  fs::create_directories(to / "instrumenten");
  for (const char* f :
       {"velden.yaml", "plaatsen.tsv", "synoniemen.txt", "loketten.yaml", "toetsvragen.tsv"})
    if (fs::exists(from / f)) fs::copy_file(from / f, to / f);
  for (const auto& e : fs::directory_iterator(from / "instrumenten"))
    if (e.is_regular_file() && e.path().extension() == ".md")
      fs::copy_file(e.path(), to / "instrumenten" / e.path().filename());
}

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  out.flush();
  if (!out) throw index_error("cannot write " + p.string());
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw index_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Keeps the newest `keep` generations; older ones may still be read by a reader that opened
/// them, which Linux allows after unlinking, but we give such readers time anyway.
void prune(const fs::path& out, unsigned newest, unsigned keep) {
  for (const auto& e : fs::directory_iterator(out)) {
    unsigned g = parse_gen(e.path().filename().string());
    if (g && g + keep <= newest) fs::remove_all(e.path());
  }
}

}  // namespace

std::vector<std::string> corpus_vocabulary(const kb::corpus& c) {
  // A hash set, sorted once at the end: a std::set's string compares were a fifth of opening
  // a 100,000-text index (perf, search_bench).
  std::unordered_set<std::string> words;
  auto add = [&](std::string_view text) {
    for (const auto& t : tokenize(text))
      if (t.text.size() >= 4 && !(t.text[0] >= '0' && t.text[0] <= '9') &&
          t.text.find('-') == std::string::npos)
        words.insert(t.text);
  };
  for (const auto& i : c.instruments) {
    add(i.title);
    for (const auto& k : i.keywords) add(k);
    add(i.summary);
    add(i.body);
  }
  for (const auto& s : c.synonyms)
    for (const auto& p : s.phrases) add(p);
  std::vector<std::string> sorted(words.begin(), words.end());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

std::shared_ptr<const lexicon> make_lexicon(const kb::corpus& c) {
  return std::make_shared<const lexicon>(default_word_list, corpus_vocabulary(c));
}

build_stats build_index(const fs::path& corpus_dir, const fs::path& out_dir, kb::diagnostics& diag,
                        kb::date today) {
  auto t0 = std::chrono::steady_clock::now();
  kb::corpus c = kb::load_corpus(corpus_dir, diag, today);
  if (!diag.ok())
    throw index_error("the corpus in " + corpus_dir.string() + " has " +
                      std::to_string(diag.error_count()) + " errors; nothing was published");
  fs::create_directories(out_dir);
  writer_lock lock(out_dir);

  unsigned newest = 0;
  for (const auto& e : fs::directory_iterator(out_dir))
    newest = std::max(newest, parse_gen(e.path().filename().string()));
  const unsigned gen = newest + 1;
  const fs::path tmp = out_dir / (gen_name(gen) + ".tmp");
  const fs::path final_dir = out_dir / gen_name(gen);
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  copy_corpus(corpus_dir, tmp / "corpus");

  auto lex = make_lexicon(c);
  analyzer an(lex);
  const std::string signature = analysis_signature(*lex);
  {
    Xapian::WritableDatabase db((tmp / "db.build").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    spelling_counts spelling;
    for (const auto& inst : c.instruments)
      db.replace_document("Q" + inst.id, make_document(inst, an, spelling));
    // A word must occur in titles and keywords once per 10,000 texts (at least once) to be
    // suggested, as with Solr's thresholdTokenFrequency: on 100,000 generated texts the rare
    // words made a suggestion read thousands of trigram candidates (4.5 ms for "borgsteling").
    const unsigned min_count = std::max<unsigned>(1, unsigned(c.instruments.size() / 10000));
    for (const auto& [word, count] : spelling.names)
      if (count >= min_count) db.add_spelling(word, count);
    // A typo of a word the texts use but no title or keyword has ("pnelen", "verzekring",
    // "vrijwiliger") is corrected too. Measured on the development questions with two typos
    // added to each (bench/quality.py --typos, 311 questions): hit@3 291 -> 298. Frequency 1,
    // so that a title or keyword word at the same distance wins.
    std::vector<std::pair<unsigned, std::string>> others;
    for (const auto& [word, count] : spelling.others)
      if (count >= std::max(2u, min_count) && !spelling.names.count(word))
        others.emplace_back(count, word);
    std::sort(others.begin(), others.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (others.size() > max_other_spelling_words) others.resize(max_other_spelling_words);
    for (const auto& [count, word] : others) db.add_spelling(word, 1);
    // The words of synoniemen.txt are the words entrepreneurs use, and few of them are in a title:
    // "failiet" must become "failliet" (a synonym key), not "familie" (a title word).
    for (const auto& s : c.synonyms)
      for (const auto& p : s.phrases)
        for (const auto& w : an.analyze(p))
          if (!w.stop && !w.number && w.folded.size() >= 3) db.add_spelling(w.folded);
    db.set_metadata("finwijzer.format", std::to_string(index_format));
    db.set_metadata("finwijzer.analysis", signature);
    db.commit();
  }
  // A generation is written once and read many times: compacted, its B-tree blocks are full
  // and in key order. On 100,000 texts the database went from 1.6 GB to 0.85 GB (the posting
  // lists from 332 to 135 MB), and a search read less: 5 % faster, two searchers interleaved.
  Xapian::Database((tmp / "db.build").string()).compact((tmp / "db").string());
  fs::remove_all(tmp / "db.build");
  boost::json::object meta;
  meta["format"] = index_format;
  meta["generation"] = gen;
  meta["analysis"] = signature;
  meta["documents"] = c.instruments.size();
  meta["built"] = today.str();
  write_file(tmp / "meta.json", boost::json::serialize(meta) + "\n");
  ::sync();
  fs::rename(tmp, final_dir);

  // Publish: a new symlink under a temporary name, renamed over `current` (atomic on POSIX).
  const fs::path link_tmp = out_dir / "current.tmp";
  fs::remove(link_tmp);
  fs::create_directory_symlink(gen_name(gen), link_tmp);
  fs::rename(link_tmp, out_dir / "current");
  prune(out_dir, gen, 3);

  build_stats s;
  s.generation = gen;
  s.documents = c.instruments.size();
  s.path = final_dir;
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return s;
}

unsigned current_generation(const fs::path& index_dir) {
  std::error_code ec;
  auto target = fs::read_symlink(index_dir / "current", ec);
  return ec ? 0 : parse_gen(target.filename().string());
}

std::shared_ptr<const snapshot> open_index(const fs::path& index_dir) {
  std::error_code ec;
  fs::path gen_dir = fs::canonical(index_dir / "current", ec);
  if (ec)
    throw index_error("no published index in " + index_dir.string() +
                      " (run 'finwijzer index --corpus corpus --out " + index_dir.string() + "')");
  boost::system::error_code jec;
  auto meta = boost::json::parse(read_file(gen_dir / "meta.json"), jec);
  if (jec || !meta.is_object())
    throw index_error(gen_dir.string() + "/meta.json is not valid JSON");
  const auto& m = meta.as_object();
  if (!m.contains("format") || !m.at("format").is_int64() ||
      m.at("format").as_int64() != index_format)
    throw index_error("index " + gen_dir.string() + " has format " +
                      (m.contains("format") ? boost::json::serialize(m.at("format")) : "?") +
                      ", this program reads format " + std::to_string(index_format) +
                      ": rebuild it with 'finwijzer index'");
  auto snap = std::make_shared<snapshot>();
  snap->dir = gen_dir;
  snap->db_path = gen_dir / "db";
  snap->generation = parse_gen(gen_dir.filename().string());
  kb::diagnostics diag;
  snap->corpus = kb::load_corpus(gen_dir / "corpus", diag, kb::date::today());
  if (!diag.ok())
    throw index_error("the corpus snapshot in " + gen_dir.string() +
                      " has errors: " + diag.all().front().str());
  snap->lex = make_lexicon(snap->corpus);
  snap->signature = analysis_signature(*snap->lex);
  Xapian::Database db(snap->db_path.string());
  std::string stored = db.get_metadata("finwijzer.analysis");
  if (stored != snap->signature)
    throw index_error("index " + gen_dir.string() + " was built with analysis '" + stored +
                      "' but this program analyses with '" + snap->signature +
                      "': rebuild it with 'finwijzer index'");
  snap->champions = std::make_shared<const champion_lists>(db);
  return snap;
}

}  // namespace indexer
