#include "bot/search.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>

#include "indexer/champions.hpp"
#include "indexer/fields.hpp"
#include "kb/extract.hpp"
#include "kb/markdown.hpp"
#include "kb/text.hpp"

namespace bot {

namespace {

constexpr double part_weight = 0.6;      // a compound's parts count less than the whole word
constexpr double number_weight = 0.3;    // an amount in the question rarely names an instrument
constexpr double region_boost = 1.25;    // a regional scheme for the place the user named
constexpr double region_penalty = 0.5;   // a regional scheme for somewhere else
constexpr double expired_penalty = 0.3;  // verlopen, and not asked for by name
constexpr double closed_penalty = 0.85;  // gesloten: one that can be used today goes first
constexpr double open_alternative_share = 0.7;  // see search(): a closed scheme and its kind
constexpr double just_below = 0.99;
constexpr double asking_weight = 1.5;  // a word of the asking sentence of a long message
constexpr double kind_boost = 1.25;    // the instrument is the kind the question asks for
constexpr double named_boost = 1.5;    // the question names this instrument
// An expired scheme this far above the best open score, with this share of the question's
// words, is what the question describes.
constexpr double described_margin = 1.5;
constexpr double described_coverage = 0.5;
constexpr double on_topic_share = 0.5;  // a region boost needs half the best BM25 weight
constexpr std::size_t candidates = 40;  // ranked by BM25 before the rules re-rank them
constexpr double bm25_k1 = 5.0, bm25_b = 0.75;
constexpr double champion_k1 = 2.0;            // for the champion lists (wdf 1 or 2), b = 0
constexpr double common_share = 0.7;           // a word in more of the texts than this is left out
constexpr Xapian::termcount elite_terms = 12;  // at most this many query words decide
constexpr double phase_boost = 1.2;     // the instrument serves the phase of the user's purpose
constexpr double amount_penalty = 0.6;  // the amount asked is far outside the instrument's range
constexpr double ineligible_penalty = 0.5;  // the profile fails one of its conditions
constexpr std::size_t why_words = 5;        // "Past bij uw woorden" names at most this many
// A question of this many query words or more is scored by how many of them a text has, too.
constexpr std::size_t coord_slots = 4;
constexpr double coord_power = 0.5;  // score x (share of the words the text has) ^ this
// A slip of a title word (title_slip()): words this long or longer, two edits from it (one for
// the shortest).
constexpr std::size_t min_title_word = 5;
constexpr std::size_t title_slip_edits = 2;
constexpr int slip_context_titles = 50;  // a context word for a slip is in at most this many titles

/// Words that ask for a kind of instrument (soort): "is er een lening", "welke subsidie".
const std::pair<const char*, const char*> kind_words[] = {{"lening", "lening"},
                                                          {"lenen", "lening"},
                                                          {"krediet", "lening"},
                                                          {"geldlening", "lening"},
                                                          {"subsidie", "subsidie"},
                                                          {"garantie", "garantie"},
                                                          {"borgstelling", "garantie"},
                                                          {"borg", "garantie"},
                                                          {"fiscaal", "fiscaal"},
                                                          {"belastingvoordeel", "fiscaal"},
                                                          {"aftrek", "fiscaal"},
                                                          {"participatie", "participatie"},
                                                          {"investeerder", "participatie"},
                                                          {"risicokapitaal", "participatie"},
                                                          {"voucher", "voucher"},
                                                          {"advies", "advies"},
                                                          {"crowdfunding", "crowdfunding"},
                                                          {"aangifte", "fiscaal"},
                                                          {"belasting", "fiscaal"},
                                                          {"belastingaangifte", "fiscaal"},
                                                          {"aftrekken", "fiscaal"},
                                                          {"coach", "advies"},
                                                          {"coachen", "advies"},
                                                          {"begeleiding", "advies"},
                                                          {"adviseur", "advies"},
                                                          {"aandeelhouder", "participatie"},
                                                          {"mede-eigenaar", "participatie"}};

/** A fixed, sorted list of documents, to restrict a query to them (OP_FILTER). */
class docid_list : public Xapian::PostingSource {
 public:
  explicit docid_list(std::vector<Xapian::docid> ids) : ids_(std::move(ids)) {
    std::sort(ids_.begin(), ids_.end());
  }
  Xapian::doccount get_termfreq_min() const override { return Xapian::doccount(ids_.size()); }
  Xapian::doccount get_termfreq_est() const override { return Xapian::doccount(ids_.size()); }
  Xapian::doccount get_termfreq_max() const override { return Xapian::doccount(ids_.size()); }
  void init(const Xapian::Database&) override {
    started_ = false;
    at_ = 0;
  }
  void next(double) override {
    if (started_) ++at_;  // the first next() moves to the first id
    started_ = true;
  }
  void skip_to(Xapian::docid did, double) override {
    started_ = true;
    at_ = std::size_t(std::lower_bound(ids_.begin() + std::ptrdiff_t(at_), ids_.end(), did) -
                      ids_.begin());
  }
  bool at_end() const override { return at_ >= ids_.size(); }
  Xapian::docid get_docid() const override { return ids_[at_]; }

 private:
  std::vector<Xapian::docid> ids_;
  std::size_t at_ = 0;
  bool started_ = false;
};

const char* const location_cues[] = {"in",       "uit",  "te",    "bij",       "gemeente", "regio",
                                     "omgeving", "rond", "buurt", "vestiging", "gevestigd"};

bool is_cue(const std::string& w) {
  return std::any_of(std::begin(location_cues), std::end(location_cues),
                     [&](const char* c) { return w == c; });
}

/// The sentences of a message: split after '?', '!' and after a '.' that ends a word (not the
/// '.' of "40.000" or "1.5").
std::vector<std::string_view> split_sentences(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool end = c == '?' || c == '!' ||
               (c == '.' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n'));
    if (!end) continue;
    if (kb::trim(text.substr(start, i + 1 - start)).size() > 1)
      out.push_back(text.substr(start, i + 1 - start));
    start = i + 1;
  }
  if (!kb::trim(text.substr(start)).empty()) out.push_back(text.substr(start));
  return out;
}

/// Written in capitals, as an acronym is: "KIA", "BL-C", "SDE++".
bool capitals(const std::string& s) {
  return s.size() >= 2 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || c == '-' || c == '+';
         });
}

bool capitalised(const std::string& s) {
  return !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
}

std::string without_hyphens(std::string s) {
  std::erase(s, '-');
  return s;
}

/// `word` (folded) with the capitals of `as`: all of them for an acronym, else the first.
std::string like_capitals(std::string word, const std::string& as) {
  for (std::size_t i = 0; i < word.size() && (i == 0 || capitals(as)); ++i)
    if (word[i] >= 'a' && word[i] <= 'z') word[i] = static_cast<char>(word[i] - 'a' + 'A');
  return word;
}

std::string join_folded(const std::vector<indexer::word>& w, std::size_t from, std::size_t n) {
  std::string out;
  for (std::size_t i = from; i < from + n; ++i) out += (i > from ? " " : "") + w[i].folded;
  return out;
}

/// A word as part of a synonym key: its stem, or the folded form for stop words and numbers.
const std::string& key_word(const indexer::word& w) {
  return w.stem.empty() ? w.folded : w.stem;
}

/// A synonym key: the stems of the words (folded form for stop words and numbers), so that
/// "centjes", "centen" and "cent" find the same entry.
std::string join_stems(const std::vector<indexer::word>& w, std::size_t from, std::size_t n) {
  std::string out;
  for (std::size_t i = from; i < from + n; ++i) {
    if (i > from) out += ' ';
    out += key_word(w[i]);
  }
  return out;
}

/// Known facts nudge the order: the phase of the user's purpose, an amount within the range,
/// conditions not failed. Nudges, not filters: the user may be wrong about a fact.
double preference_factor(const kb::instrument& inst, const preferences& p) {
  double f = 1.0;
  if (!p.phase.empty()) {
    bool fits = std::find(inst.phases.begin(), inst.phases.end(), p.phase) != inst.phases.end();
    f *= fits ? phase_boost : 1.0;
  }
  if (p.amount) {
    if (inst.amount_max && *inst.amount_max * 2 < *p.amount) f *= amount_penalty;
    if (inst.amount_min && *inst.amount_min > *p.amount * 2) f *= amount_penalty;
  } else if (p.investment && inst.amount_min && *inst.amount_min > *p.investment * 2) {
    // Nobody needs more than the whole purchase costs: a fund that starts at € 1 million does
    // not finance a € 180,000 takeover.
    f *= amount_penalty;
  }
  if (p.ineligible.count(inst.id)) f *= ineligible_penalty;
  return f;
}

/// `disk`, or a copy in memory when it has at most `limit` texts: each text's data, values and
/// prefixed terms ("Z", "N", "C", the filter terms) with their wdf. Left out are the plain word
/// terms and all positions, which no query of ours reads (none is a phrase): about half of the
/// terms of a text.
Xapian::Database in_memory(const Xapian::Database& disk, Xapian::doccount limit) {
  if (disk.get_doccount() > limit) return disk;
  Xapian::WritableDatabase copy(std::string(), Xapian::DB_BACKEND_INMEMORY);
  // The same docids: the champion lists and by_docid_ speak of them.
  for (auto d = disk.postlist_begin(""); d != disk.postlist_end(""); ++d) {
    Xapian::Document from = disk.get_document(*d), to;
    to.set_data(from.get_data());
    Xapian::termcount copied = 0;
    for (auto t = from.termlist_begin(); t != from.termlist_end(); ++t) {
      const std::string term = *t;
      if (term.empty() || term[0] < 'A' || term[0] > 'Z') continue;
      to.add_term(term, t.get_wdf());
      copied += t.get_wdf();
    }
    // BM25 weighs a text by its length, the sum of all its wdfs: one term that no query names
    // (the analyzer never makes a control character) carries the wdf of what was left out.
    const Xapian::termcount length = disk.get_doclength(*d);
    if (length > copied) to.add_term(std::string(1, '\x01'), length - copied);
    for (auto v = from.values_begin(); v != from.values_end(); ++v)
      to.add_value(v.get_valueno(), *v);
    copy.replace_document(*d, to);
  }
  return copy;
}

/// A word of the question (or a synonym phrase) as a query.
struct query_slot {
  Xapian::Query query;
  std::vector<std::string> terms;  ///< its "Z" and "N" terms
  /// The most it can add to a text's weight, without BM25's factor k1 + 1 (search(): max_part).
  double strength = 0;
};

}  // namespace

void searcher::set_reading(const reading_plan& plan) {
  const bool copied = disk_.get_doccount() <= reading_.in_memory;
  reading_ = plan;
  // Same docids and statistics either way: the caches stay valid.
  if (copied != (disk_.get_doccount() <= reading_.in_memory))
    db_ = in_memory(disk_, reading_.in_memory);
}

searcher::searcher(std::shared_ptr<const indexer::snapshot> snap)
    : snap_(std::move(snap)),
      disk_(snap_->db_path.string()),
      db_(in_memory(disk_, reading_.in_memory)),
      analyzer_(snap_->lex) {
  const double average = disk_.get_avlength();
  const double shortest = average > 0 ? disk_.get_doclength_lower_bound() / average : 0;
  shortest_k_ = bm25_k1 * (bm25_b * std::max(shortest, 0.5) + 1 - bm25_b);
  // Synonyms: every phrase of a group leads to the others; `a -> b` leads from a to b only.
  auto alt_of = [&](const std::string& text) {
    synonym_alt alt;
    for (const auto& w : analyzer_.analyze(text))
      if (!w.stop && !w.number) alt.stems.push_back(w.stem);
    return alt;
  };
  for (const auto& e : snap_->corpus.synonyms) {
    std::vector<std::string> keys;
    for (const auto& p : e.phrases) {
      auto words = analyzer_.analyze(p);
      keys.push_back(join_stems(words, 0, words.size()));
      if (!words.empty()) {
        auto& longest = synonym_starts_[key_word(words[0])];
        longest = std::max(longest, words.size());
      }
    }
    for (std::size_t i = 0; i < e.phrases.size(); ++i) {
      if (e.one_way && i > 0) break;
      for (std::size_t j = 0; j < e.phrases.size(); ++j) {
        if (i == j) continue;
        auto alt = alt_of(e.phrases[j]);
        // "verduurzamen" and "verduurzaming" share a stem: each alternative once, and never the
        // key itself (every extra term is one more posting list to walk).
        auto& alts = synonyms_[keys[i]];
        bool dup = alt.stems.empty() || kb::join(alt.stems, " ") == keys[i] ||
                   std::any_of(alts.begin(), alts.end(),
                               [&](const synonym_alt& a) { return a.stems == alt.stems; });
        if (!dup) alts.push_back(std::move(alt));
      }
    }
  }
  std::erase_if(synonyms_, [](const auto& e) { return e.second.empty(); });
  // Distinctive title words name an instrument ("tozo", "qredits", "wbso"); a word found only in
  // the titles of expired schemes names that family ("corona").
  std::map<const kb::instrument*, std::set<std::string>> stems;
  std::map<std::string, int> title_count, expired_count;  // stem -> titles (expired ones) with it
  std::set<std::string> common_words;  // ordinary Dutch ("klein") never names a scheme by itself
  for (const auto& inst : snap_->corpus.instruments) {
    // The title and id as written ("BL-C", "bmkb-c") and split at hyphens ("bmkb", "groen").
    std::string text = inst.title + " " + inst.id + " ";
    std::string split = text;
    for (auto& c : split)
      if (c == '-') c = ' ';
    for (const auto& w : analyzer_.analyze(text + split)) {
      // An acronym in the title (KIA, COL, BL) is a name even when it is also a word ("col").
      bool acronym = capitals(w.surface);
      if (w.stop || w.number || (w.folded.size() < 3 && !acronym)) continue;
      stems[&inst].insert(w.stem);
      if (acronym) {
        acronym_stems_.insert(w.stem);
        acronym_words_.insert(w.folded);
        if (std::string closed = without_hyphens(w.folded); closed != w.folded)
          closed_acronyms_.emplace(closed, w.folded);
      } else if (snap_->lex->is_common(w.folded))
        common_words.insert(w.stem);
    }
    for (const auto& s : stems[&inst]) {
      ++title_count[s];
      if (inst.expired()) ++expired_count[s];
    }
  }
  for (const auto& inst : snap_->corpus.instruments)
    for (const auto& w : analyzer_.analyze(inst.title)) {
      if (w.stop || w.number) continue;
      // "Tante Agaath-regeling": "agaath" as well as the whole word.
      for (const auto& f : w.parts)
        if (f.size() >= min_title_word) title_words_[&inst].push_back(f);
      if (w.folded.size() >= min_title_word) title_words_[&inst].push_back(w.folded);
    }
  for (const auto& [inst, set] : stems)
    for (const auto& s : set)
      // Rare in titles and in the texts ("tozo", "qredits"), or only in expired titles ("corona").
      if ((title_count[s] <= 2 && acronym_stems_.count(s)) ||
          (title_count[s] <= 2 && db_.get_termfreq("Z" + s) <= 3 && !common_words.count(s)) ||
          (title_count[s] >= 2 && title_count[s] == expired_count[s]))
        name_stems_[inst].insert(s);
  // A word in many titles ("regeling") singles none of them out as the context of a slip; on a
  // large corpus it would also make title_slip() compare a word with most titles.
  for (const auto& [inst, set] : stems)
    for (const auto& s : set)
      if (title_count[s] <= slip_context_titles) titles_with_stem_[s].push_back(inst);
  for (const auto& [word, kind] : kind_words)
    for (const auto& w : analyzer_.analyze(word)) kind_stems_.emplace(w.stem, kind);
  if (const kb::field_def* f = snap_->corpus.fields.find("provincie"))
    for (const auto& c : f->choices)
      for (const auto& kw : c.words) province_words_.emplace(kb::fold(kw), c.value);
  // Most words of a question start no place name: find_place then skips them at once.
  for (const auto& [name, p] : snap_->corpus.places.entries()) {
    std::size_t words = 1 + std::count(name.begin(), name.end(), ' ');
    place_first_words_.insert(name.substr(0, name.find(' ')));
    longest_place_ = std::max(longest_place_, words);
  }
}

std::vector<indexer::word> searcher::correct_spelling(std::vector<indexer::word> words,
                                                      std::optional<std::string>& corrected,
                                                      std::string_view question) {
  std::string fixed(question);
  bool any = false;
  // Puts `s` in the place of `w`, in the words and in the question shown back.
  auto replace = [&](indexer::word& w, const std::string& s) {
    auto re = analyzer_.analyze(s);
    if (re.size() != 1) return;
    if (auto pos = fixed.find(w.surface); pos != std::string::npos) {
      // Written as the user wrote: "Tante Agatha" -> "Tante Agaath", "WSBO" -> "WBSO".
      fixed.replace(pos, w.surface.size(),
                    capitalised(w.surface) ? like_capitals(s, w.surface) : s);
    }
    unsigned position = w.position;
    w = std::move(re[0]);
    w.position = position;
    any = true;
  };
  for (auto& w : words) {
    if (w.stop || w.number || w.surface.empty()) continue;
    // "BLC", "bmkbc": the BL-C, the BMKB-C. Too short for the speller, and no text has them.
    if (auto c = closed_acronyms_.find(w.folded);
        c != closed_acronyms_.end() && term_freq("Z" + w.stem) == 0) {
      replace(w, c->second);
      continue;
    }
    if (w.folded.size() < 4) continue;
    const bool in_texts = term_freq(w.folded) > 0 || term_freq("Z" + w.stem) > 0;
    bool known = in_texts || snap_->lex->contains(w.folded) || synonyms_.count(w.stem);
    // A compound of dictionary words whose head (the last part) the texts know is not a typo
    // ("mestverwerkingsinstallatie"): asking Xapian for a suggestion on a long word costs most of
    // a search. With an unknown head it may be one ("ondernemersklankboord": "boord").
    if (!known && !w.parts.empty() && term_freq("Z" + w.part_stems.back()) > 0) {
      known = true;
      for (std::size_t k = 0; k < w.parts.size() && known; ++k)
        known = term_freq("Z" + w.part_stems[k]) > 0 || snap_->lex->contains(w.parts[k]);
    }
    std::string s;
    if (!known)
      s = disk_.get_spelling_suggestion(w.folded, w.folded.size() >= 7 ? 2 : 1);
    else if (!in_texts && !synonyms_.count(w.stem))
      s = title_slip(words, &w - words.data());
    if (!known && s.empty() && !snap_->corpus.places.find(w.folded)) s = lexicon_slip(w.folded);
    if (!s.empty() && s != w.folded) replace(w, s);
  }
  if (any) corrected = fixed;
  return words;
}

std::string searcher::lexicon_slip(const std::string& folded) {
  // Longer words are mostly compounds: the table's two edits and the head fallback serve them,
  // and here each letter costs some 50 lookups (a 15-letter word took 0.1 ms).
  if (folded.size() < 5 || folded.size() > 12) return {};
  // A diminutive of a known word is no typo, though the word list lacks most of them
  // ("beginnertje", "werfje").
  for (std::string_view end : {"etjes", "tjes", "pjes", "jes", "etje", "tje", "pje", "je"})
    if (folded.ends_with(end) && snap_->lex->contains(folded.substr(0, folded.size() - end.size())))
      return {};
  // Every string one deletion, transposition, substitution or insertion away (Norvig's
  // corrector), checked against the word list: a few hundred lookups.
  std::vector<std::string> found;
  auto consider = [&](const std::string& c) {
    // The word list holds the texts' words too; only its hits are looked up in the index.
    if (snap_->lex->contains(c) && (snap_->lex->is_common(c) || term_freq(c) > 0))
      found.push_back(c);
  };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    consider(folded.substr(0, i) + folded.substr(i + 1));
    if (i + 1 < folded.size()) {
      std::string t = folded;
      std::swap(t[i], t[i + 1]);
      consider(t);
    }
  }
  for (std::size_t i = 0; i <= folded.size(); ++i)
    for (char ch = 'a'; ch <= 'z'; ++ch) {
      if (i < folded.size() && folded[i] != ch) {
        std::string t = folded;
        t[i] = ch;
        consider(t);
      }
      consider(folded.substr(0, i) + ch + folded.substr(i));
    }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  if (found.size() == 1) return found[0];
  // Several: the one most texts have, if the texts have any.
  std::string best;
  std::uint64_t best_df = 0;
  for (const auto& c : found)
    if (auto df = term_freq(c); df > best_df) {
      best = c;
      best_df = df;
    }
  return best;
}

std::string searcher::title_slip(const std::vector<indexer::word>& words, std::size_t i) const {
  const indexer::word& w = words[i];
  if (w.folded.size() < min_title_word) return {};
  const std::size_t limit = w.folded.size() > min_title_word ? title_slip_edits : 1;
  // The content words on either side: one of them must be in the same title. A real word
  // ("wielen", "feest") a few letters from a title word ("wieden", "reest") is meant as
  // itself unless it stands in that title's company.
  auto neighbour = [&](std::size_t k, int step) -> const indexer::word* {
    for (k += step; k < words.size(); k += step)
      if (!words[k].stop) return &words[k];
    return nullptr;
  };
  std::string best;
  std::size_t best_edits = limit + 1;
  for (const indexer::word* n : {neighbour(i, -1), neighbour(i, 1)}) {
    if (!n) continue;
    auto titles = titles_with_stem_.find(n->stem);
    if (titles == titles_with_stem_.end()) continue;
    for (const kb::instrument* inst : titles->second) {
      auto title = title_words_.find(inst);
      if (title == title_words_.end()) continue;
      for (const auto& t : title->second) {
        if (t == w.folded) continue;
        std::size_t edits = kb::edit_distance(w.folded, t, limit);
        if (edits < best_edits) {
          best = t;
          best_edits = edits;
        }
      }
    }
  }
  return best;
}

std::optional<named_place> searcher::find_place(const std::vector<indexer::word>& words) const {
  const auto& places = snap_->corpus.places;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!place_first_words_.count(words[i].folded)) continue;
    for (std::size_t n = std::min(longest_place_, words.size() - i); n >= 1; --n) {
      std::string key = join_folded(words, i, n);
      const kb::place* p = places.find(key);
      if (!p) continue;
      // "best", "goes", "putten" are also plain words: accept them only as a name.
      bool plain_word = n == 1 && snap_->lex->contains(key) && !capitalised(words[i].surface) &&
                        !(i > 0 && is_cue(words[i - 1].folded));
      if (plain_word) continue;
      std::string surface;
      for (std::size_t k = i; k < i + n; ++k) surface += (k > i ? " " : "") + words[k].surface;
      return named_place{surface, p->gemeente, p->provincie, i, n};
    }
  }
  // A province or region name without a town ("in Twente", "Overijssel").
  for (const auto& w : words)
    if (auto p = province_words_.find(w.folded); p != province_words_.end())
      return named_place{w.surface, "", p->second};
  return std::nullopt;
}

bool searcher::acronym_part(const indexer::word& w, std::size_t k) const {
  // "bmkb-krediet" names the BMKB: a hyphen keeps the part. So does the acronym itself written
  // closed ("bmkbkrediet"); only a word that stems to it ("room" -> "rom") is dropped.
  return acronym_stems_.count(w.part_stems[k]) && !acronym_words_.count(w.parts[k]) &&
         w.surface.find('-') == std::string::npos;
}

std::set<std::string> searcher::names_in(const kb::instrument& inst,
                                         const std::set<std::string>& query_stems) const {
  std::set<std::string> out;
  auto it = name_stems_.find(&inst);
  if (it == name_stems_.end()) return out;
  // "coronatijd" names the corona schemes through its part "corona": parts are in query_stems.
  for (const auto& s : it->second)
    if (query_stems.count(s)) out.insert(s);
  return out;
}

const kb::instrument* searcher::instrument_of(Xapian::docid did) {
  // Reading a document's data costs a B-tree lookup; a snapshot's docids never change.
  auto it = by_docid_.find(did);
  if (it != by_docid_.end()) return it->second;
  const kb::instrument* inst = snap_->corpus.find(db_.get_document(did).get_data());
  by_docid_.emplace(did, inst);
  return inst;
}

double searcher::region_factor(const kb::instrument& inst,
                               const std::optional<named_place>& p) const {
  if (!p) return 1.0;
  switch (kb::fit_region(inst, p->provincie, p->gemeente)) {
    case kb::region_fit::covers:
      return region_boost;
    case kb::region_fit::nationwide:
      return 1.0;
    case kb::region_fit::elsewhere:
      break;
  }
  return region_penalty;
}

std::uint32_t searcher::stem_id(const std::string& stem) {
  return stem_ids_.emplace(stem, static_cast<std::uint32_t>(stem_ids_.size())).first->second;
}

Xapian::MSet searcher::best_documents(const Xapian::Query& query,
                                      const std::vector<std::string>& terms, bool& champions_only) {
  auto top = [&](const Xapian::Query& q, Xapian::doccount n, const Xapian::BM25Weight& weight) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(q);
    enquire.set_weighting_scheme(weight);
    return enquire.get_mset(0, n);
  };
  // A high k1 lets the field weights (title > keywords > summary > body, as wdf) count:
  // measured with bench/quality.py, k1 = 5, b = 0.75 beat Xapian's defaults (1, 0.5).
  const Xapian::BM25Weight bm25(bm25_k1, 0, 1, bm25_b, 0.5);
  std::uint64_t postings = 0;
  for (const auto& t : terms) postings += term_freq(t);
  if (postings <= reading_.exhaustive_postings) return top(query, candidates, bm25);
  std::vector<std::string> champion_terms;
  for (const auto& t : terms) {
    std::string champion = t;  // "Zlening" -> "Clening"
    if (!champion.empty() && champion[0] == 'Z') {
      champion[0] = 'C';
      champion_terms.push_back(std::move(champion));
    }
  }
  // Champion lists (Manning et al., Introduction to Information Retrieval, 7.1.3): on a large
  // corpus a text with none of the words in its title or keywords rarely makes the top 40, as
  // those fields weigh 4-6 times the body. They are ranked in memory (indexer::champion_lists).
  auto first = snap_->champions->best(std::move(champion_terms), reading_.champions, champion_k1);
  if (first.size() < reading_.enough) return top(query, candidates, bm25);
  std::vector<Xapian::docid> ids;
  for (const auto& c : first) ids.push_back(c.did);
  // released: the query owns it, and the MSet keeps the query (and so the list) alive.
  auto* only = new docid_list(std::move(ids));
  champions_only = true;
  return top(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(only->release())),
             candidates, bm25);
}

const searcher::term_stats& searcher::stats(const std::string& term) {
  // Each lookup walks Xapian's B-tree; a question asks for the same words again and again.
  auto it = term_stats_.find(term);
  if (it != term_stats_.end()) return it->second;
  if (term_stats_.size() > 100000) term_stats_.clear();  // bound memory on hostile input
  // From the files: the inmemory backend bounds a wdf by the collection frequency only.
  return term_stats_
      .emplace(term, term_stats{disk_.get_termfreq(term), disk_.get_wdf_upper_bound(term)})
      .first->second;
}

namespace {

void sort_unique(std::vector<std::uint32_t>& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

}  // namespace

void searcher::add_stems(std::string_view text, std::vector<std::uint32_t>& ids) {
  for (const auto& w : analyzer_.analyze(text)) {
    if (w.stop || w.number) continue;
    ids.push_back(stem_id(w.stem));
    for (const auto& p : w.part_stems) ids.push_back(stem_id(p));
  }
}

searcher::text_stems& searcher::stems_of(const kb::instrument& inst) {
  auto it = texts_.find(&inst);
  if (it != texts_.end()) return it->second;
  // Analysed once per instrument, as the indexer did: the stems of the words and of their
  // compound parts. "why" and coverage look the query's stems up here instead of reading the
  // document's termlist.
  text_stems out;
  // The fields the index holds, so "why" names every word that matched.
  for (const auto& f : indexer::searchable_fields(inst)) add_stems(f.text, out.all);
  sort_unique(out.all);
  return texts_.emplace(&inst, std::move(out)).first->second;
}

const std::vector<searcher::sentence>& searcher::sentences_of(const kb::instrument& inst) {
  text_stems& t = stems_of(inst);
  if (t.sentences_ready) return t.sentences;
  // Only for shown texts: the snippet then intersects sorted id lists instead of analysing
  // text. Sentences of the plain paragraphs: a wrapped line or a list item never ends a
  // sentence in the middle, and "€ 40.000" stays whole.
  for (const auto& paragraph : kb::markdown_paragraphs(inst.body)) {
    for (auto part : split_sentences(paragraph)) {
      std::string s(kb::trim(part));
      if (s.size() < 20) continue;
      sentence sn;
      add_stems(s, sn.stems);
      sort_unique(sn.stems);
      if (s.size() > 240) {
        auto cut = s.rfind(' ', 236);
        s = s.substr(0, cut == std::string::npos ? 236 : cut) + " …";
      }
      sn.text = std::move(s);
      t.sentences.push_back(std::move(sn));
    }
  }
  t.sentences_ready = true;
  return t.sentences;
}

std::string searcher::best_sentence(const kb::instrument& inst,
                                    const std::vector<std::uint32_t>& stems) {
  const sentence* best = nullptr;
  std::size_t best_hits = 0;
  for (const auto& sn : sentences_of(inst)) {
    // Size of the intersection of two sorted lists.
    std::size_t hits = 0;
    for (auto a = stems.begin(), b = sn.stems.begin(); a != stems.end() && b != sn.stems.end();) {
      if (*a < *b) {
        ++a;
      } else if (*b < *a) {
        ++b;
      } else {
        ++hits, ++a, ++b;
      }
    }
    if (hits > best_hits) {
      best_hits = hits;
      best = &sn;
    }
  }
  return best ? best->text : inst.summary;
}

std::optional<std::string> searcher::corrected(std::string_view question) {
  std::optional<std::string> out;
  correct_spelling(analyzer_.analyze(question), out, question);
  return out;
}

search_result searcher::search(std::string_view question, std::size_t limit,
                               const std::optional<named_place>& known_place,
                               const preferences* prefs) {
  search_result res;
  res.question = std::string(question);
  // Every candidate's text is analysed once and kept: bound memory on a very large corpus.
  // Cleared only here, as stems_of() hands out references that live through one search.
  if (texts_.size() > 20000) texts_.clear();
  // A long message tells its story first and asks after: the words of the sentence that asks
  // (the last one with a '?', else the last one) weigh more than the story around them.
  std::vector<indexer::word> analysed;
  std::vector<bool> asking;  // per word: in the asking sentence of a message of several
  {
    auto sentences = split_sentences(question);
    std::size_t ask = sentences.empty() ? 0 : sentences.size() - 1;
    for (std::size_t k = 0; k < sentences.size(); ++k)
      if (sentences[k].find('?') != std::string_view::npos) ask = k;
    for (std::size_t k = 0; k < sentences.size(); ++k)
      for (auto& w : analyzer_.analyze(sentences[k])) {
        w.position = static_cast<unsigned>(analysed.size());
        analysed.push_back(std::move(w));
        asking.push_back(sentences.size() > 1 && k == ask);
      }
    // The context's words have no surface: nobody typed them, so nothing names or corrects them.
    if (prefs && !prefs->context.empty())
      for (auto& w : analyzer_.analyze(prefs->context)) {
        w.position = static_cast<unsigned>(analysed.size());
        w.surface.clear();
        analysed.push_back(std::move(w));
        asking.push_back(false);
      }
  }
  auto words = correct_spelling(std::move(analysed), res.did_you_mean, question);
  // A slot of the asking sentence weighs more.
  auto weigh = [&](Xapian::Query q, std::vector<std::string> terms, double strength,
                   std::size_t at) {
    if (!asking[at]) return query_slot{std::move(q), std::move(terms), strength};
    return query_slot{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, asking_weight),
                      std::move(terms), strength * asking_weight};
  };
  res.place = find_place(words);
  if (!res.place) res.place = known_place;

  std::vector<query_slot> slots;
  // Every term of the query -> the user's word, for "why" and the snippet.
  std::map<std::string, std::string> term_surface;
  auto term = [&](const std::string& stem, const std::string& surface) {
    std::string t = "Z" + stem;
    term_surface.emplace(t, surface);
    return Xapian::Query(t);
  };
  // A word in more than 70 % of all texts ("bedrijf", "kosten", "geld") says almost nothing about
  // which instrument fits, yet its posting list is most of the index: on 100,000 texts a long
  // question of such words took 150 ms. These words are left out (`focused`) as long as two
  // others remain that some text has. At half of all texts, "bank", "lenen", "klein" and "rente"
  // were left out too: 70 % found one to three more questions in the top 3 on each set.
  const auto documents = db_.get_doccount();
  const double common_df = common_share * documents;
  auto common = [&](const std::string& stem) { return term_freq("Z" + stem) > common_df; };
  // The most a term (or a synonym: the texts of any alternative, the wdfs added up) can add to
  // a text's weight, as Xapian's BM25Weight bounds it (without the factor k1 + 1). The elite
  // (below) are picked by it, as Xapian's OP_ELITE_SET picks them.
  auto max_part = [&](double texts, std::uint64_t wdf_bound) {
    if (texts <= 0 || wdf_bound == 0) return 0.0;
    const auto n = Xapian::doccount(std::clamp(std::lround(texts), 1L, long(documents)));
    const double w = double(wdf_bound);
    return indexer::bm25_idf(documents, n) * w / (shortest_k_ + w);
  };
  auto bound = [&](const std::string& term) {
    const auto& st = stats(term);
    return max_part(double(st.texts), st.wdf_bound);
  };
  std::vector<query_slot> focused;
  slots.reserve(words.size());  // a query_slot is copied, not moved, when a vector grows
  focused.reserve(words.size());
  std::size_t focused_live = 0;  // focused slots with a term some text has
  auto live = [&](const std::vector<std::string>& stems) {
    return std::any_of(stems.begin(), stems.end(),
                       [&](const std::string& s) { return term_freq("Z" + s) > 0; });
  };
  for (std::size_t i = 0; i < words.size();) {
    // The longest synonym phrase starting here wins ("rood staan", "zzp'er"). Most words start
    // none: only those that do build keys (a long message has hundreds of word sequences).
    std::size_t matched = 0;
    auto it = synonyms_.end();
    auto start = synonym_starts_.find(key_word(words[i]));
    const std::size_t longest =
        start == synonym_starts_.end() ? 0 : std::min(start->second, words.size() - i);
    std::string phrase;  // the key of the first n words, one word longer each time
    for (std::size_t n = 1; n <= longest; ++n) {
      if (n > 1) phrase += ' ';
      phrase += key_word(words[i + n - 1]);
      if (auto found = synonyms_.find(phrase); found != synonyms_.end()) {
        it = found;
        matched = n;
      }
    }
    if (matched) {
      const std::size_t n = matched;
      std::string surface;
      std::vector<Xapian::Query> own;
      std::vector<std::string> own_stems;
      for (std::size_t k = i; k < i + n; ++k) {
        surface += (k > i ? " " : "") + words[k].surface;
        if (!words[k].stop && !words[k].number) {
          own.push_back(term(words[k].stem, words[k].surface));
          own_stems.push_back(words[k].stem);
        }
      }
      std::vector<Xapian::Query> alts, rare_alts;
      std::vector<std::string> alt_terms, rare_terms;
      // The share of the texts that have none of the alternatives, and the wdf bounds added up.
      double alt_none = 1, rare_none = 1;
      std::uint64_t alt_wdf = 0, rare_wdf = 0;
      bool rare_live = false;
      auto add_alt = [&](std::vector<Xapian::Query> terms, const std::vector<std::string>& stems) {
        Xapian::Query q(Xapian::Query::OP_AND, terms.begin(), terms.end());
        double share = 1;  // of the texts that have all of its words, were they independent
        std::uint64_t wdf = 0;
        std::vector<std::string> ts;
        for (const auto& stem : stems) {
          ts.push_back("Z" + stem);
          const term_stats& st = stats(ts.back());
          share *= double(st.texts) / documents;
          wdf += st.wdf_bound;
        }
        alts.push_back(q);
        alt_terms.insert(alt_terms.end(), ts.begin(), ts.end());
        alt_none *= 1 - share;
        alt_wdf += wdf;
        if (std::all_of(stems.begin(), stems.end(), common)) return;
        rare_alts.push_back(q);
        rare_terms.insert(rare_terms.end(), ts.begin(), ts.end());
        rare_none *= 1 - share;
        rare_wdf += wdf;
        rare_live = rare_live || live(stems);
      };
      // A phrase "eats" its words (docs/corpus.md): "bank wil niet" must not search for "bank"
      // alone. A one-word key and a phrase of two or more content words ("zakelijke lening")
      // still search for themselves.
      bool own_common = false;  // the user's own word is in most texts: so is what it means
      if (n == 1 || own.size() >= 2) {
        add_alt(own, own_stems);
        own_common = rare_alts.empty();
      }
      for (const auto& alt : it->second) {
        std::vector<Xapian::Query> terms;
        for (const auto& s : alt.stems) terms.push_back(term(s, surface));
        add_alt(terms, alt.stems);
      }
      slots.push_back(weigh(Xapian::Query(Xapian::Query::OP_SYNONYM, alts.begin(), alts.end()),
                            std::move(alt_terms), max_part((1 - alt_none) * documents, alt_wdf),
                            i));
      if (!rare_alts.empty() && !own_common) {
        focused.push_back(
            weigh(Xapian::Query(Xapian::Query::OP_SYNONYM, rare_alts.begin(), rare_alts.end()),
                  std::move(rare_terms), max_part((1 - rare_none) * documents, rare_wdf), i));
        focused_live += rare_live;
      }
      i += matched;
      continue;
    }
    // A town names a region, not a topic: the region rules use it (and "Goor" or "Haaksbergen"
    // must not match a text by accident, or be split into "haak" and "bergen").
    if (res.place && res.place->word_count > 0 && i >= res.place->first_word &&
        i < res.place->first_word + res.place->word_count) {
      ++i;
      continue;
    }
    const auto& w = words[i++];
    if (w.stop) continue;
    // A head count ("vijftien man personeel", "6 man in dienst") tells how big the firm is, not
    // what it needs: "man" after a number is no search word. It matched the head counts in
    // other texts' example questions ("een bouwbedrijf met 15 man").
    if (w.folded == "man" && i >= 2 &&
        (words[i - 2].number || kb::is_spelled_number(words[i - 2].folded)))
      continue;
    if (w.number) {
      const std::string t = "N" + w.folded;
      slots.push_back(
          {Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(t), number_weight),
           {t},
           number_weight * bound(t)});
      focused.push_back(slots.back());
      focused_live += term_freq(t) > 0;
      continue;
    }
    Xapian::Query q = term(w.stem, w.surface);
    indexer::word split = w;
    if (split.parts.empty() && term_freq("Z" + w.stem) == 0) analyzer_.split_unknown(split);
    std::vector<Xapian::Query> parts, rare_parts;
    std::vector<std::string> rare_stems, part_terms;
    // An OR adds up its words' weights: the whole word and its parts, scaled.
    double parts_bound = 0, rare_parts_bound = 0;
    const bool whole_rare = !common(w.stem);
    if (whole_rare) rare_stems.push_back(w.stem);
    for (std::size_t k = 0; k < split.parts.size(); ++k) {
      if (acronym_part(split, k)) continue;
      parts.push_back(term(split.part_stems[k], split.surface));
      part_terms.push_back("Z" + split.part_stems[k]);
      parts_bound += bound(part_terms.back());
      if (common(split.part_stems[k])) continue;
      rare_parts.push_back(parts.back());
      rare_stems.push_back(split.part_stems[k]);
      rare_parts_bound += bound(part_terms.back());
    }
    auto with_parts = [&](std::optional<Xapian::Query> whole,
                          const std::vector<Xapian::Query>& ps) {
      if (ps.empty()) return whole;
      Xapian::Query p(Xapian::Query::OP_SCALE_WEIGHT,
                      Xapian::Query(Xapian::Query::OP_OR, ps.begin(), ps.end()), part_weight);
      return std::optional<Xapian::Query>(whole ? Xapian::Query(Xapian::Query::OP_OR, *whole, p)
                                                : p);
    };
    const std::string whole = "Z" + w.stem;
    part_terms.insert(part_terms.begin(), whole);
    slots.push_back(weigh(*with_parts(q, parts), std::move(part_terms),
                          bound(whole) + part_weight * parts_bound, i - 1));
    auto rare = with_parts(whole_rare ? std::optional<Xapian::Query>(q) : std::nullopt, rare_parts);
    if (rare) {
      std::vector<std::string> rare_terms;
      for (const auto& st : rare_stems) rare_terms.push_back("Z" + st);
      focused.push_back(weigh(*rare, std::move(rare_terms),
                              (whole_rare ? bound(whole) : 0.0) + part_weight * rare_parts_bound,
                              i - 1));
      focused_live += live(rare_stems);
    }
  }
  if (slots.empty()) return res;
  // Two words that no text has leave nothing to find: "opstartlening" (whose part "lening" is
  // common) in "fietsenreparatiewerkplaats" matched nothing at all.
  if (focused_live >= 2) slots = std::move(focused);

  // A long question becomes an OR of many terms, common ones too; the elite, the slots that can
  // weigh most, decide the ranking anyway and keep the match fast. Picked here rather than by
  // Xapian's OP_ELITE_SET, which opens every term's posting list first, and ranks by bounds
  // that differ between its backends (reading_plan::in_memory).
  std::vector<std::size_t> elite(slots.size());
  for (std::size_t k = 0; k < elite.size(); ++k) elite[k] = k;
  if (elite.size() > elite_terms) {
    std::stable_sort(elite.begin(), elite.end(), [&](std::size_t a, std::size_t b) {
      return slots[a].strength > slots[b].strength;
    });
    elite.resize(elite_terms);
    std::sort(elite.begin(), elite.end());
  }
  std::vector<Xapian::Query> elite_queries;
  std::vector<std::string> query_terms;
  for (std::size_t k : elite) {
    elite_queries.push_back(slots[k].query);
    query_terms.insert(query_terms.end(), slots[k].terms.begin(), slots[k].terms.end());
  }
  Xapian::Query query(Xapian::Query::OP_OR, elite_queries.begin(), elite_queries.end());
  if (describe_) res.query_description = query.get_description();
  Xapian::MSet mset = best_documents(query, query_terms, res.champions_only);

  struct ranked {
    const kb::instrument* inst;
    double score;
    std::set<std::string> names;  // the question's words that name it
    bool named;
    bool described = false;  // expired, not named, but the question describes it
    bool shadowed = false;   // expired, and its name words name a scheme that has not expired
    std::vector<std::string> matched;
  };
  std::vector<ranked> ranked_list;
  const double top_weight = mset.empty() ? 0 : mset.begin().get_weight();
  std::set<std::string> content_stems;  // for names_in
  for (const auto& w : words) {
    if (w.stop || w.number || (w.folded.size() < 3 && !capitals(w.surface))) continue;
    content_stems.insert(w.stem);
    for (std::size_t k = 0; k < w.part_stems.size(); ++k)
      if (!acronym_part(w, k)) content_stems.insert(w.part_stems[k]);
  }
  // The kinds of instrument the question asks for ("een lening", "subsidie").
  std::set<std::string> kinds;
  // The head of a Dutch compound is its last part: a "zonnestroomsubsidie" is a subsidie.
  for (const auto& w : words) {
    if (w.stop || w.number) continue;
    const std::string& head = w.part_stems.empty() ? w.stem : w.part_stems.back();
    if (auto k = kind_stems_.find(head); k != kind_stems_.end()) kinds.insert(k->second);
    if (auto k = kind_stems_.find(w.stem); k != kind_stems_.end()) kinds.insert(k->second);
  }
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const kb::instrument* inst = instrument_of(*it);
    if (!inst) continue;
    auto names = names_in(*inst, content_stems);
    bool named = !names.empty();
    ranked_list.push_back({inst, it.get_weight(), std::move(names), named, false, false, {}});
  }
  // A name shared with a scheme that has not expired names that one: "BL" is the Borgstelling
  // MKB-landbouwkredieten (BL), not the expired BL-C. Only a word the other lacks ("bl-c",
  // "corona") names the expired one; nor is it taken as described (below) when its title words
  // outweigh the other's.
  for (auto& r : ranked_list) {
    if (!r.named || !r.inst->expired()) continue;
    for (const auto& o : ranked_list)
      if (!o.inst->expired() && !o.names.empty() &&
          std::includes(o.names.begin(), o.names.end(), r.names.begin(), r.names.end())) {
        r.named = false;
        r.shadowed = true;
      }
  }
  // The share of the question's slots (a word with its synonyms and parts) whose terms a text
  // has, in any field. The slots' stems become ids once per question, after the texts that
  // coverage() reads are analysed: stems_of() gives every stem of a text an id.
  const bool coordinate = slots.size() >= coord_slots;
  for (const auto& r : ranked_list)
    if (coordinate || r.inst->expired()) stems_of(*r.inst);
  std::vector<std::vector<std::uint32_t>> slot_ids;
  for (const auto& sl : slots) {
    auto& ids = slot_ids.emplace_back();
    for (const auto& t : sl.terms)
      if (t[0] == 'Z')
        if (auto id = stem_ids_.find(t.substr(1)); id != stem_ids_.end()) ids.push_back(id->second);
  }
  auto coverage = [&](const kb::instrument& inst) {
    const auto& all = stems_of(inst).all;
    std::size_t hit = 0;
    for (const auto& ids : slot_ids)
      hit += std::any_of(ids.begin(), ids.end(), [&](std::uint32_t id) {
        return std::binary_search(all.begin(), all.end(), id);
      });
    return slots.empty() ? 0.0 : double(hit) / double(slots.size());
  };
  // A message of several needs ("overnemen", "bank wil de helft", "rest aanvullen") fits the
  // text that meets more of them. With k1 = 5 one word in a title outweighs several in the
  // body, so BM25 alone favours a text that repeats one of the words; Lucene's classic
  // coordination factor corrects that. Measured with bench/quality.py: one or two more
  // questions first or in the top 3 on each development set; applied to questions of fewer
  // slots it cost hit@3.
  double best_open = 0;  // the best score of a scheme that can still be used
  for (auto& r : ranked_list) {
    const kb::instrument* inst = r.inst;
    // The region lifts schemes that are on topic; it must not lift every regional scheme.
    double rf = region_factor(*inst, res.place);
    if (rf < 1.0 || r.score >= on_topic_share * top_weight) r.score *= rf;
    if (r.named) r.score *= named_boost;
    if (kinds.count(inst->kind)) r.score *= kind_boost;
    if (inst->closed()) r.score *= closed_penalty;
    if (prefs) r.score *= preference_factor(*inst, *prefs);
    if (coordinate) r.score *= std::pow(coverage(*inst), coord_power);
    if (!inst->expired()) best_open = std::max(best_open, r.score);
  }
  // Among instruments of one kind that fit about as well, the one that can be used today goes
  // first: a closed scheme (not named in the question) drops just below each open one of its
  // kind that has at least open_alternative_share of its score, one after the other. Measured
  // with bench/quality.py: the closed Leren van elkaar-kringen stood above the SLIM-regeling,
  // Seed Business Angels above business angels.
  std::map<std::string_view, std::vector<double>> open_of_kind;  // scores, high to low
  for (const auto& r : ranked_list)
    if (!r.inst->closed() && !r.inst->expired()) open_of_kind[r.inst->kind].push_back(r.score);
  for (auto& [kind, scores] : open_of_kind) std::sort(scores.rbegin(), scores.rend());
  for (auto& r : ranked_list) {
    if (!r.inst->closed() || r.named) continue;
    auto open = open_of_kind.find(r.inst->kind);
    if (open == open_of_kind.end()) continue;
    for (double o : open->second)
      if (o < r.score && o >= open_alternative_share * r.score) r.score = o * just_below;
  }
  // Expired schemes come after the others unless the question names them, or describes one so
  // well that it beats every open scheme by a margin ("familie die een starter geld leent en
  // daar belastingvoordeel op kreeg" is the Tante Agaath-regeling without its name).
  // It must also have half of the question's words: a short or vague question matched by one
  // word of an expired text does not describe it.
  for (auto& r : ranked_list) {
    if (!r.inst->expired() || r.named) continue;
    if (!r.shadowed && r.score >= described_margin * best_open &&
        coverage(*r.inst) >= described_coverage)
      r.named = r.described = true;
    else
      r.score *= expired_penalty;
  }
  {
    // Sorted by index: a `ranked` holds sets and vectors, and moving them about took 7 % of a
    // search on the shipped corpus.
    std::vector<std::size_t> order(ranked_list.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    auto late = [&](std::size_t k) {
      return ranked_list[k].inst->expired() && !ranked_list[k].named;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      if (late(a) != late(b)) return late(b);
      return ranked_list[a].score > ranked_list[b].score;
    });
    order.resize(std::min(order.size(), limit));
    std::vector<ranked> shown;
    for (std::size_t k : order) shown.push_back(std::move(ranked_list[k]));
    ranked_list = std::move(shown);
  }
  // The words that matched, for "why", only for the results shown: the query's stems looked up in
  // each text's stems (as ids), in index-term order. Reading the termlists of the shown documents
  // instead (Enquire::get_matching_terms) took 40 % of a search.
  struct query_word {
    std::uint32_t id;
    const std::string* surface;  // the user's word
    std::string folded;          // to name "Lening" and "lening" once
  };
  std::vector<query_word> query_ids;
  for (const auto& r : ranked_list) stems_of(*r.inst);  // assigns ids to every shown text's stems
  for (const auto& [t, surface] : term_surface)
    if (auto id = stem_ids_.find(t.substr(1)); id != stem_ids_.end())
      query_ids.push_back({id->second, &surface, kb::fold(surface)});
  // The context's words (no surface) pick the snippet, but "why" names the user's words only.
  auto typed = [](const query_word& q) { return !q.surface->empty(); };
  for (auto& r : ranked_list) {
    const auto& all = stems_of(*r.inst).all;
    std::vector<std::string_view> seen;  // folded
    for (const auto& q : query_ids) {
      if (r.matched.size() == why_words) break;
      if (typed(q) && std::binary_search(all.begin(), all.end(), q.id) &&
          std::find(seen.begin(), seen.end(), q.folded) == seen.end()) {
        seen.push_back(q.folded);
        r.matched.push_back(*q.surface);
      }
    }
  }
  // The same ids pick the snippet. They were looked up, never added, so that questions do not
  // grow the table; a stem that no shown text has cannot pick a snippet anyway.
  std::vector<std::uint32_t> stem_ids;
  for (const auto& q : query_ids) stem_ids.push_back(q.id);
  std::sort(stem_ids.begin(), stem_ids.end());

  for (auto& r : ranked_list) {
    match m;
    m.inst = r.inst;
    m.score = std::round(r.score * 1000) / 1000;
    if (!r.matched.empty()) {
      m.why.push_back("Past bij uw woorden: " + kb::join(r.matched, ", ") + ".");
    }
    if (r.described)
      m.why.push_back("Uw vraag beschrijft deze regeling.");
    else if (r.named)
      m.why.push_back("U noemde deze regeling bij naam.");
    double rf = region_factor(*r.inst, res.place);
    if (rf > 1.0) {
      m.why.push_back("Geldt in uw regio (" +
                      kb::dutch_title_case(res.place->gemeente.empty() ? res.place->provincie
                                                                       : res.place->gemeente) +
                      ").");
    } else if (rf < 1.0) {
      m.why.push_back("Let op: geldt niet in " +
                      kb::dutch_title_case(kb::fold(res.place->surface)) + ".");
    }
    if (r.inst->expired())
      m.why.push_back("Let op: deze regeling is verlopen. U kunt er niets meer aanvragen.");
    else if (r.inst->closed())
      m.why.push_back("Nu gesloten. Kijk bij de aanbieder of er een nieuwe ronde komt.");
    m.snippet = best_sentence(*r.inst, stem_ids);
    res.matches.push_back(std::move(m));
  }
  return res;
}

boost::json::object to_json(const search_result& r) {
  boost::json::object o;
  o["question"] = r.question;
  o["did_you_mean"] =
      r.did_you_mean ? boost::json::value(*r.did_you_mean) : boost::json::value(nullptr);
  boost::json::array matches;
  for (const auto& m : r.matches) {
    boost::json::object j;
    j["id"] = m.inst->id;
    j["title"] = m.inst->title;
    j["kind"] = m.inst->kind;
    j["status"] = m.inst->status;
    j["score"] = m.score;
    j["snippet"] = m.snippet;
    boost::json::array why;
    for (const auto& w : m.why) why.emplace_back(w);
    j["why"] = std::move(why);
    j["source"] = m.inst->sources.empty() ? std::string() : m.inst->sources.front();
    j["last_checked"] = m.inst->last_checked.str();
    matches.push_back(std::move(j));
  }
  o["matches"] = std::move(matches);
  return o;
}

}  // namespace bot
