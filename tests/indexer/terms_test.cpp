// The terms a document gets: field weights as wdf, champion terms for title and keywords.
#include <gtest/gtest.h>

#include <xapian.h>

#include <optional>

#include "indexer/analyzer.hpp"
#include "indexer/index.hpp"
#include "test_support.hpp"

namespace {

/// The wdf of `term` in `d`, or nothing when `d` lacks it.
std::optional<Xapian::termcount> wdf_of(const Xapian::Document& d, const std::string& term) {
  Xapian::TermIterator t = d.termlist_begin();
  t.skip_to(term);
  if (t == d.termlist_end() || *t != term) return std::nullopt;
  return t.get_wdf();
}

class Terms : public testing::Test {
 protected:
  Terms() : snap_(test::shipped_snapshot()), db_(snap_->db_path.string()), an_(snap_->lex) {}
  Xapian::Document doc(const std::string& id) {
    Xapian::PostingIterator p = db_.postlist_begin("Q" + id);
    EXPECT_NE(p, db_.postlist_end("Q" + id)) << id;
    return db_.get_document(*p);
  }
  std::shared_ptr<const indexer::snapshot> snap_;
  Xapian::Database db_;
  indexer::analyzer an_;
};

TEST_F(Terms, EveryTitleWordIsAChampionTerm) {
  for (const auto& inst : snap_->corpus.instruments) {
    Xapian::Document d = doc(inst.id);
    for (const auto& w : an_.analyze(inst.title)) {
      if (w.stop || w.number) continue;
      std::vector<std::string> stems = w.part_stems;
      stems.push_back(w.stem);
      for (const auto& s : stems) EXPECT_TRUE(wdf_of(d, "C" + s)) << inst.id << ": " << s;
    }
  }
}

TEST_F(Terms, ChampionTermsOnlyForWordsWeightedAsTitleOrKeywords) {
  // A champion term's word weighs at least the keywords' 4 (summary 2, body 1 each time).
  std::size_t champions = 0;
  for (const auto& inst : snap_->corpus.instruments) {
    Xapian::Document d = doc(inst.id);
    for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
      std::string term = *t;
      if (term[0] != 'C') continue;
      ++champions;
      term[0] = 'Z';
      auto wdf = wdf_of(d, term);
      ASSERT_TRUE(wdf) << inst.id << ": " << term;
      EXPECT_GE(*wdf, 4u) << inst.id << ": " << term;
    }
  }
  EXPECT_GT(champions, snap_->corpus.instruments.size());
}

TEST_F(Terms, BodyOnlyWordsAreNoChampions) {
  // "onderpand" is in the BMKB's keywords; "deel" only in its summary and body.
  Xapian::Document d = doc("bmkb");
  auto has = [&](const std::string& term) { return wdf_of(d, term).has_value(); };
  const std::string onderpand = an_.analyze("onderpand").at(0).stem;
  const std::string deel = an_.analyze("deel").at(0).stem;
  EXPECT_TRUE(has("Z" + onderpand));
  EXPECT_TRUE(has("C" + onderpand));
  EXPECT_TRUE(has("Z" + deel));
  EXPECT_FALSE(has("C" + deel));
}

}  // namespace
