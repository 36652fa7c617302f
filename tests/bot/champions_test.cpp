// Reading a large index: champion lists first (bot::reading_plan), on the shipped corpus with the
// plan forced, since the shipped corpus itself is always read whole.
#include <gtest/gtest.h>

#include <xapian.h>

#include "bot/search.hpp"
#include "test_support.hpp"

namespace {

const char* const questions[] = {
    "lening voor mijn bakkerij",
    "borgstelling voor een banklening",
    "subsidie voor zonnepanelen op het dak van mijn bedrijf",
    "ik wil een bedrijf overnemen en heb te weinig eigen geld",
    "innovatiekrediet voor een nieuw product",
    "ik zit krap bij kas, mijn klanten betalen laat",
};

std::vector<std::string> ids_of(const bot::search_result& r) {
  std::vector<std::string> ids;
  for (const auto& m : r.matches) ids.push_back(m.inst->id);
  return ids;
}

class Champions : public testing::Test {
 protected:
  Champions() : full_(test::shipped_snapshot()), forced_(test::shipped_snapshot()) {
    // Every question is "long", and a handful of champions is enough.
    forced_.set_reading({.exhaustive_postings = 0, .champions = 400, .enough = 1});
  }
  /// True when the instrument's title or keywords hold a term of the question's query (a
  /// champion term: "C" + the stem of a "Z" term).
  bool is_champion(const std::string& id, const std::string& question) {
    full_.describe_queries(true);
    const std::string query = full_.search(question, 1).query_description;
    full_.describe_queries(false);
    static Xapian::Database db(test::shipped_snapshot()->db_path.string());
    Xapian::PostingIterator p = db.postlist_begin("Q" + id);
    if (p == db.postlist_end("Q" + id)) return false;
    for (auto t = db.termlist_begin(*p); t != db.termlist_end(*p); ++t) {
      const std::string term = *t;
      if (term[0] != 'C') continue;
      std::string z = term;  // "Clening" -> "Zlening"
      z[0] = 'Z';
      // The term as a whole word of the description: followed by a space or ')'.
      for (auto at = query.find(z); at != std::string::npos; at = query.find(z, at + 1))
        if (at + z.size() < query.size() &&
            (query[at + z.size()] == ' ' || query[at + z.size()] == ')'))
          return true;
    }
    return false;
  }
  bot::searcher full_, forced_;
};

TEST_F(Champions, ShippedCorpusIsReadWhole) {
  for (const char* q : questions) EXPECT_FALSE(full_.search(q, 5).champions_only) << q;
}

TEST_F(Champions, ForcedPlanRanksOnlyTextsWithAQueryWordInTitleOrKeywords) {
  for (const char* q : questions) {
    auto r = forced_.search(q, 10);
    EXPECT_TRUE(r.champions_only) << q;
    ASSERT_FALSE(r.matches.empty()) << q;
    for (const auto& m : r.matches)
      EXPECT_TRUE(is_champion(m.inst->id, q)) << q << ": " << m.inst->id;
  }
}

TEST_F(Champions, ChampionsKeepTheOrderOfAFullSearch) {
  // The champions are scored with the whole query: the full ranking without the texts that are
  // not champions is the champions' ranking.
  for (const char* q : questions) {
    auto all = ids_of(full_.search(q, 66));
    std::vector<std::string> expected;
    for (const auto& id : all)
      if (is_champion(id, q)) expected.push_back(id);
    auto got = ids_of(forced_.search(q, 66));
    expected.resize(std::min(expected.size(), got.size()));
    got.resize(expected.size());
    EXPECT_EQ(got, expected) << q;
  }
}

TEST_F(Champions, TooFewChampionsReadsEverything) {
  bot::searcher few(test::shipped_snapshot());
  few.set_reading({.exhaustive_postings = 0, .champions = 400, .enough = 1000});
  for (const char* q : questions) {
    auto r = few.search(q, 10);
    EXPECT_FALSE(r.champions_only) << q;
    EXPECT_EQ(ids_of(r), ids_of(full_.search(q, 10))) << q;
  }
}

}  // namespace
