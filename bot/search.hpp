/** @file search.hpp
 *  @brief Ranked search over a published index: the question as the entrepreneur typed it in, the
 *  instruments that fit out, with why they matched and a snippet.
 */
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <boost/json/object.hpp>

#include "indexer/analyzer.hpp"
#include "indexer/index.hpp"

namespace bot {

/** One ranked instrument. */
struct match {
  const kb::instrument* inst = nullptr;  ///< points into the snapshot's corpus
  double score = 0;
  std::vector<std::string> why;  ///< B1 Dutch reasons, e.g. "Past bij uw woorden: lening, starten"
  std::string snippet;           ///< the sentence of the text that fits the question best
};

/** A place the question named, resolved through plaatsen.tsv. */
struct named_place {
  std::string surface;  ///< as typed ("Goor")
  std::string gemeente;
  std::string provincie;
  /// The question's words that name the town: [first_word, first_word + word_count). Zero words
  /// for a province or region name, or for a place known from the conversation.
  std::size_t first_word = 0, word_count = 0;
};

/** What the conversation already knows, used to re-rank (never to hide) instruments. */
struct preferences {
  std::string phase;             ///< the fase the user's doel points to ("overname")
  std::optional<double> amount;  ///< financieringsbedrag
  /// investeringsbedrag: what the purpose costs in all, so at most what is needed
  std::optional<double> investment;
  std::set<std::string> ineligible;  ///< instruments whose conditions the profile fails
  /// Words searched for as well, that the user did not type: the label of the purpose of a vague
  /// question ("ik zoek geld" + "Een investering (machine, pand, bus)"). "Why" never names them.
  std::string context;
};

struct search_result {
  std::string question;
  std::optional<std::string> did_you_mean;  ///< the question with unknown words corrected
  std::optional<named_place> place;
  std::vector<match> matches;
  std::string query_description;  ///< the Xapian query, when searcher::describe_queries is on
  bool champions_only = false;    ///< only texts with a query word in title or keywords ranked
};

/** How much of the index a search reads. Over many texts a long question's words have long
 *  posting lists, and Xapian's matcher needs ~60 ns per posting (300,000 on 100,000 texts). */
struct reading_plan {
  /// Up to this many postings (the query terms' document frequencies summed): read them all.
  /// The shipped corpus never gets near it.
  std::uint64_t exhaustive_postings = 50000;
  /// Else rank only the best this many texts that have a query word in their title or keywords
  /// (the champion lists), with the whole query, so each keeps the score a full search gives it.
  /// On the generated 100,000 texts (scripts/bench.sh), the first result equals a full search's
  /// for 79 % of the questions with 400, 88 % with 1000 and 94 % with 2000; the slowest
  /// question took about 1 ms more per step (ranking them reads their whole posting lists).
  Xapian::doccount champions = 1000;
  /// Fewer champions than this: read everything after all.
  Xapian::doccount enough = 40;
  /// An index of at most this many texts is searched in a copy in memory (Xapian's inmemory
  /// backend, the terms searches read): the same matcher on the same statistics, so the same
  /// results, without the B-tree reads. Each searcher (thread) makes its own: 0.02 s and 2 MB for
  /// the shipped corpus, 0.85 s and 39 MB for 1000 generated texts. The files stay the source,
  /// and the spelling table is read there.
  Xapian::doccount in_memory = 1000;
};

/// JSON shape of `ask --json`: {"question","did_you_mean","matches":[{"id","title","kind",
/// "status","score","snippet","why"}]}.
boost::json::object to_json(const search_result& r);

/** Searches one snapshot. Not thread-safe: each thread makes its own (it owns Xapian handles). */
class searcher {
 public:
  explicit searcher(std::shared_ptr<const indexer::snapshot> snap);

  /// Ranks instruments for a question. `known_place` (from the conversation) is used for the
  /// region rules when the question itself names no place.
  search_result search(std::string_view question, std::size_t limit = 5,
                       const std::optional<named_place>& known_place = std::nullopt,
                       const preferences* prefs = nullptr);
  /// The question with its unknown words corrected, as search() offers it ("Bedoelde u …?"),
  /// or nothing when there is nothing to correct. The advisor reads facts from it.
  std::optional<std::string> corrected(std::string_view question);
  const indexer::snapshot& snap() const { return *snap_; }
  /// Fill search_result::query_description (for `ask --explain`); off by default, as building
  /// the text costs time on every search.
  void describe_queries(bool on) { describe_ = on; }
  void set_reading(const reading_plan& plan);

 private:
  struct synonym_alt {
    std::vector<std::string> stems;  ///< of the alternative's non-stop words
  };

  std::vector<indexer::word> correct_spelling(std::vector<indexer::word> words,
                                              std::optional<std::string>& corrected,
                                              std::string_view question);
  /// One edit from `folded` to an ordinary word of the word list (or a word the texts have), for
  /// an unknown word the spelling table has nothing for ("schoonvaeer" -> "schoonvader"); empty
  /// when there is no such word or more than one and the texts know none of them.
  std::string lexicon_slip(const std::string& folded);
  /// A title word that `words[i]`, a real word no text has, is a slip of: next to another word
  /// of the same title ("Tante Agatha" for "Tante Agaath"). Empty when there is none.
  std::string title_slip(const std::vector<indexer::word>& words, std::size_t i) const;
  std::optional<named_place> find_place(const std::vector<indexer::word>& words) const;
  /// The name words of `inst` among `query_stems` (the stems and compound-part stems of the
  /// question's content words); empty when the question does not name it.
  std::set<std::string> names_in(const kb::instrument& inst,
                                 const std::set<std::string>& query_stems) const;
  /// True when part `k` of a closed compound stems to a title's acronym without being it: the
  /// "room" of "lunchroom" stems to "rom", the ROM's name. The acronym itself ("bmkbkrediet")
  /// and a hyphenated part ("bmkb-krediet") are kept.
  bool acronym_part(const indexer::word& w, std::size_t k) const;
  const kb::instrument* instrument_of(Xapian::docid did);
  /// The `candidates` best documents by BM25, read as reading_ says.
  /// `terms`: the query's terms ("Z" and "N"), each once or more.
  Xapian::MSet best_documents(const Xapian::Query& query, const std::vector<std::string>& terms,
                              bool& champions_only);
  double region_factor(const kb::instrument& inst, const std::optional<named_place>& p) const;
  struct sentence {
    std::string text;
    std::vector<std::uint32_t> stems;  ///< ids in stem_ids_, sorted, unique
  };
  /// What a query needs of a candidate's text, analysed once.
  struct text_stems {
    std::vector<std::uint32_t> all;   ///< every stem of every field, as ids, sorted, unique
    std::vector<sentence> sentences;  ///< of the body, for the snippet; see sentences_of()
    bool sentences_ready = false;
  };
  text_stems& stems_of(const kb::instrument& inst);
  /// Appends the ids of the stems of `text`'s words and of their compound parts.
  void add_stems(std::string_view text, std::vector<std::uint32_t>& ids);
  /// The body's sentences with their stems: analysed for the shown texts only.
  const std::vector<sentence>& sentences_of(const kb::instrument& inst);
  /// Of the published index, looked up once.
  struct term_stats {
    std::uint64_t texts = 0;          ///< that have the term
    Xapian::termcount wdf_bound = 0;  ///< Xapian's upper bound for its wdf in a text
  };
  const term_stats& stats(const std::string& term);
  std::uint64_t term_freq(const std::string& term) { return stats(term).texts; }
  /// `stems`: ids in stem_ids_, sorted, unique.
  std::string best_sentence(const kb::instrument& inst, const std::vector<std::uint32_t>& stems);
  std::uint32_t stem_id(const std::string& stem);

  std::shared_ptr<const indexer::snapshot> snap_;
  bool describe_ = false;
  reading_plan reading_;
  Xapian::Database disk_;  ///< the published index: the spelling table
  Xapian::Database db_;    ///< what searches read: disk_, or its copy in memory (reading_plan)
  indexer::analyzer analyzer_;
  /// key (join_stems) -> alternatives
  std::unordered_map<std::string, std::vector<synonym_alt>> synonyms_;
  /// first word of a key -> the longest key starting with it, in words
  std::unordered_map<std::string, std::size_t> synonym_starts_;
  std::map<const kb::instrument*, std::set<std::string>> name_stems_;
  /// The words of each title (folded, at least min_title_word bytes) that a slip may mean.
  std::unordered_map<const kb::instrument*, std::vector<std::string>> title_words_;
  /// stem -> the instruments whose titles have it, for stems in few titles (title_slip()).
  std::unordered_map<std::string, std::vector<const kb::instrument*>> titles_with_stem_;
  std::set<std::string> acronym_stems_;  ///< stems of acronyms in titles (KIA, ROM, SLIM)
  std::set<std::string> acronym_words_;  ///< the same acronyms, folded ("kia", "rom", "slim")
  /// A hyphenated acronym written closed -> as the title writes it ("blc" -> "bl-c").
  std::unordered_map<std::string, std::string> closed_acronyms_;
  std::unordered_map<std::string, std::string> kind_stems_;  ///< stem -> soort it asks for
  std::unordered_set<std::string> place_first_words_;        ///< first word of every place name
  std::size_t longest_place_ = 1;                            ///< in words
  std::unordered_map<Xapian::docid, const kb::instrument*> by_docid_;  ///< filled lazily
  std::unordered_map<const kb::instrument*, text_stems> texts_;        ///< filled lazily
  std::unordered_map<std::string, term_stats> term_stats_;             ///< a cache of stats()
  /// BM25's K for the shortest text (k1 (b * normalised length + 1 - b)), to bound a term's weight
  double shortest_k_ = 1;
  std::unordered_map<std::string, std::string> province_words_;  ///< folded word -> provincie
  /// Sentences keep their stems as small ids: picking a snippet then intersects sorted integer
  /// lists instead of looking strings up in sets (it was a fifth of a search's time).
  std::unordered_map<std::string, std::uint32_t> stem_ids_;
};

}  // namespace bot
