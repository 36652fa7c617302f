#include "bench/gen_corpus.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "kb/corpus.hpp"

namespace bench {

namespace fs = std::filesystem;

namespace {

// 2: five example questions a document; 3: no repeated keyword.
constexpr int generator_version = 3;
constexpr std::size_t wdutch_words = 50000;  // taken from the word list after the shipped words
constexpr std::size_t name_min_rank = 150;   // titles and keywords skip the most common words

/// A plain word: ASCII lowercase letters or UTF-8 multibyte letters, nothing else.
bool plain_word(std::string_view w) {
  if (w.size() < 2 || w.size() > 24) return false;
  return std::all_of(w.begin(), w.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || u >= 0x80;
  });
}

/// Words of a text: runs of ASCII letters and UTF-8 bytes, ASCII lowercased.
void count_words(std::string_view text, std::map<std::string, std::size_t>& freq) {
  std::string w;
  auto flush = [&] {
    if (plain_word(w)) ++freq[w];
    w.clear();
  };
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 'A' && u <= 'Z')
      w += static_cast<char>(u - 'A' + 'a');
    else if ((u >= 'a' && u <= 'z') || u >= 0x80)
      w += c;
    else
      flush();
  }
  flush();
}

std::string capitalise(std::string w) {
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

/// A YAML double-quoted scalar.
std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += (c == '\n' || c == '\t') ? ' ' : c;
  }
  return out + "\"";
}

std::string flow_list(const std::vector<std::string>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + yaml_quoted(v[i]);
  return out + "]";
}

/** Zipf-like sampling over a ranked vocabulary: rank r (1-based) has weight 1/r. */
class zipf_words {
 public:
  explicit zipf_words(std::vector<std::string> words) : words_(std::move(words)) {
    cdf_.reserve(words_.size());
    double sum = 0;
    for (std::size_t r = 1; r <= words_.size(); ++r) cdf_.push_back(sum += 1.0 / double(r));
    for (auto& c : cdf_) c /= sum;
  }
  /// A word of rank >= min_rank (0-based), by rejection.
  const std::string& sample(std::mt19937_64& rng, std::size_t min_rank = 0) const {
    for (;;) {
      double u = double(rng() >> 11) * 0x1.0p-53;
      auto r = std::size_t(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
      if (r >= words_.size()) r = words_.size() - 1;
      if (r >= min_rank) return words_[r];
    }
  }
  std::size_t size() const { return words_.size(); }

 private:
  std::vector<std::string> words_;
  std::vector<double> cdf_;
};

std::size_t pick(std::mt19937_64& rng, std::size_t n) {
  return std::size_t(rng() % n);
}

template <typename T>
const T& pick_from(std::mt19937_64& rng, const std::vector<T>& v) {
  return v[pick(rng, v.size())];
}

/// Head words by kind, so titles read like "Havenmeester kustlijn lening".
const std::map<std::string, std::vector<std::string>>& kind_words() {
  static const std::map<std::string, std::vector<std::string>> m = {
      {"lening", {"lening", "krediet", "groeilening", "microkrediet", "starterslening"}},
      {"subsidie", {"subsidie", "regeling", "bijdrage", "stimuleringsregeling"}},
      {"garantie", {"garantie", "borgstelling", "garantieregeling"}},
      {"participatie", {"fonds", "participatie", "investeringsfonds", "kapitaal"}},
      {"voucher", {"voucher", "adviesvoucher"}},
      {"fiscaal", {"aftrek", "vrijstelling", "belastingregeling"}},
      {"advies", {"advies", "coaching", "begeleiding"}},
      {"crowdfunding", {"crowdfunding", "crowdlening"}},
      {"alternatief", {"lease", "factoring", "kredietunie"}},
  };
  return m;
}

struct criterion_text {
  std::string text, test;
};

struct sources {
  zipf_words words;
  std::vector<std::string> gemeenten;
  std::vector<criterion_text> criteria;
  std::vector<std::string> providers;
};

std::string sentence(const zipf_words& z, std::mt19937_64& rng, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& w = z.sample(rng);
    if (i > 0) s += ' ';
    s += i == 0 ? capitalise(w) : w;
    if (i + 1 < n && i > 2 && pick(rng, 12) == 0) s += ',';
  }
  return s + ".";
}

std::string make_document(const sources& src, std::mt19937_64& rng, std::size_t n,
                          const std::string& today) {
  char idbuf[32];
  std::snprintf(idbuf, sizeof idbuf, "gen-%06zu", n);
  const std::string id = idbuf;
  const auto& kinds = kb::instrument_kinds();
  const std::string& kind = pick_from(rng, kinds);
  const auto& heads = kind_words().count(kind) ? kind_words().at(kind) : kinds;
  const zipf_words& z = src.words;

  std::string title = capitalise(z.sample(rng, name_min_rank));
  for (std::size_t i = 0, extra = pick(rng, 3); i < extra; ++i)
    title += " " + z.sample(rng, name_min_rank);
  title += " " + pick_from(rng, heads);

  std::vector<std::string> phases;
  for (const auto& p : kb::instrument_phases())
    if (pick(rng, 3) == 0) phases.push_back(p);
  if (phases.empty()) phases.push_back(pick_from(rng, kb::instrument_phases()));

  std::vector<std::string> regions;
  switch (pick(rng, 20)) {
    case 0:
      regions = {"oost-nederland"};
      break;
    case 1:
      regions = {"overijssel"};
      break;
    case 2:
      if (!src.gemeenten.empty()) {
        regions = {"gemeente:" + pick_from(rng, src.gemeenten)};
        break;
      }
      [[fallthrough]];
    default:
      regions = {"nederland"};
  }
  static const std::vector<std::string> statuses = {"doorlopend", "doorlopend", "doorlopend",
                                                    "doorlopend", "doorlopend", "doorlopend",
                                                    "open",       "gesloten",   "verlopen"};
  std::vector<std::string> keywords;
  auto add_keyword = [&](const std::string& k) {
    // kb rejects a keyword listed twice: it would count twice.
    if (std::find(keywords.begin(), keywords.end(), k) == keywords.end()) keywords.push_back(k);
  };
  for (std::size_t i = 0, k = 2 + pick(rng, 5); i < k; ++i)
    add_keyword(z.sample(rng, name_min_rank));
  add_keyword(pick_from(rng, heads));

  std::ostringstream md;
  md << "---\n";
  md << "id: " << id << "\n";
  md << "titel: " << yaml_quoted(title) << "\n";
  md << "aanbieder: " << yaml_quoted(pick_from(rng, src.providers)) << "\n";
  md << "soort: " << kind << "\n";
  md << "fasen: " << flow_list(phases) << "\n";
  md << "regio: " << flow_list(regions) << "\n";
  md << "status: " << pick_from(rng, statuses) << "\n";
  md << "samenvatting: " << yaml_quoted(sentence(z, rng, 8 + pick(rng, 9))) << "\n";
  md << "doelgroep: "
     << yaml_quoted(capitalise(z.sample(rng, name_min_rank)) + " en " +
                    z.sample(rng, name_min_rank))
     << "\n";
  static const std::array<long, 8> amounts = {5000,   10000,  25000,   50000,
                                              100000, 250000, 1000000, 5000000};
  if (pick(rng, 3) != 0) {
    std::size_t hi = 1 + pick(rng, amounts.size() - 1);
    md << "bedrag_min: " << amounts[pick(rng, hi)] / 10 << "\n";
    md << "bedrag_max: " << amounts[hi] << "\n";
  }
  md << "trefwoorden: " << flow_list(keywords) << "\n";
  // Five example questions of 6-20 words, as the shipped instruments have (a duplicate would be
  // a corpus error, so one is drawn again).
  md << "voorbeeldvragen:\n";
  std::set<std::string> questions;
  while (questions.size() < 5) {
    std::string s = sentence(z, rng, 6 + pick(rng, 15));
    s.back() = '?';
    if (questions.insert(s).second) md << "  - " << yaml_quoted(s) << "\n";
  }
  md << "bronnen:\n  - https://example.org/regelingen/" << id << "\n";
  md << "laatst_gecontroleerd: " << today << "\n";
  if (!src.criteria.empty()) {
    std::size_t k = pick(rng, 4);
    if (k) md << "voorwaarden:\n";
    std::set<std::size_t> used;
    for (std::size_t i = 0; i < k; ++i) {
      std::size_t c = pick(rng, src.criteria.size());
      if (!used.insert(c).second) continue;
      md << "  - id: voorwaarde-" << i + 1 << "\n";
      md << "    tekst: " << yaml_quoted(src.criteria[c].text) << "\n";
      md << "    test: " << yaml_quoted(src.criteria[c].test) << "\n";
    }
  }
  md << "---\n";

  // The body: 100-300 words under the headings docs/corpus.md asks for.
  static const std::array<const char*, 5> headings = {"Wat is het", "Voor wie", "Voorwaarden",
                                                      "Zo vraagt u aan", "Wat kost het"};
  const std::size_t total = 100 + pick(rng, 201);
  std::size_t written = 0;
  for (std::size_t h = 0; h < headings.size() && written < total; ++h) {
    md << "## " << headings[h] << "\n\n";
    std::size_t section = h + 1 == headings.size() ? total - written : total / headings.size();
    std::string para;
    for (std::size_t in_section = 0; in_section < section && written < total;) {
      std::size_t n = std::min<std::size_t>(5 + pick(rng, 11), total - written);
      if (!para.empty()) para += ' ';
      para += sentence(z, rng, n);
      written += n;
      in_section += n;
    }
    md << para << "\n\n";
  }
  return md.str();
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  out.flush();
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

sources load_sources(const gen_options& o, std::mt19937_64& rng) {
  kb::diagnostics diag;
  kb::corpus c = kb::load_corpus(o.shipped, diag, kb::date::today());
  if (!diag.ok() || c.instruments.empty())
    throw std::runtime_error("the shipped corpus " + o.shipped.string() + " does not load: " +
                             (diag.all().empty() ? "no instruments" : diag.all().front().str()));

  // Shipped words, most frequent first (ties alphabetical), then a seeded sample of wdutch.
  std::map<std::string, std::size_t> freq;
  std::set<std::string> providers;
  std::vector<criterion_text> criteria;
  for (const auto& i : c.instruments) {
    count_words(i.title, freq);
    for (const auto& k : i.keywords) count_words(k, freq);
    count_words(i.summary, freq);
    count_words(i.body, freq);
    for (const auto& q : i.example_questions) count_words(q, freq);
    providers.insert(i.provider);
    for (const auto& cr : i.criteria)
      if (cr.test) criteria.push_back({cr.text, cr.test_source});
  }
  std::vector<std::pair<std::string, std::size_t>> ranked(freq.begin(), freq.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> words;
  for (auto& [w, n] : ranked) words.push_back(w);

  std::istringstream list(read_text(o.word_list));
  std::vector<std::string> extra;
  for (std::string line; std::getline(list, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.size() >= 3 && plain_word(line) && !freq.count(line)) extra.push_back(line);
  }
  std::shuffle(extra.begin(), extra.end(), rng);
  if (extra.size() > wdutch_words) extra.resize(wdutch_words);
  words.insert(words.end(), extra.begin(), extra.end());

  std::vector<std::string> gemeenten;
  {
    std::set<std::string> g;
    std::istringstream tsv(read_text(o.shipped / "plaatsen.tsv"));
    for (std::string line; std::getline(tsv, line);) {
      if (line.empty() || line[0] == '#') continue;
      auto a = line.find('\t');
      auto b = a == std::string::npos ? a : line.find('\t', a + 1);
      if (b != std::string::npos) g.insert(line.substr(a + 1, b - a - 1));
    }
    gemeenten.assign(g.begin(), g.end());
  }
  return {zipf_words(std::move(words)), std::move(gemeenten), std::move(criteria),
          std::vector<std::string>(providers.begin(), providers.end())};
}

}  // namespace

std::string gen_stamp(const gen_options& o) {
  return "finwijzer-gen-corpus v" + std::to_string(generator_version) +
         " documents=" + std::to_string(o.documents) + " seed=" + std::to_string(o.seed) + "\n";
}

bool corpus_is_current(const gen_options& o, const fs::path& out) {
  std::error_code ec;
  if (!fs::is_regular_file(out / ".generated", ec)) return false;
  try {
    return read_text(out / ".generated") == gen_stamp(o);
  } catch (const std::exception&) {
    return false;
  }
}

void generate_corpus(const gen_options& o, const fs::path& out) {
  std::mt19937_64 rng(o.seed);
  const sources src = load_sources(o, rng);
  fs::remove_all(out);
  fs::create_directories(out / "instrumenten");
  for (const char* f : {"velden.yaml", "plaatsen.tsv", "synoniemen.txt", "loketten.yaml"})
    fs::copy_file(o.shipped / f, out / f);
  const std::string today = kb::date::today().str();
  for (std::size_t n = 1; n <= o.documents; ++n) {
    char name[32];
    std::snprintf(name, sizeof name, "gen-%06zu.md", n);
    write_text(out / "instrumenten" / name, make_document(src, rng, n, today));
  }
  write_text(out / ".generated", gen_stamp(o));
}

}  // namespace bench
