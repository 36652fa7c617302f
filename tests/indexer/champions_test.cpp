// The champion lists in memory rank as Xapian's matcher does on the same `C` terms.
#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <map>

#include "indexer/champions.hpp"
#include "indexer/index.hpp"
#include "test_support.hpp"

namespace {

constexpr double k1 = 2.0;

class ChampionLists : public testing::Test {
 protected:
  ChampionLists() : snap_(test::shipped_snapshot()), db_(snap_->db_path.string()) {}

  /// Xapian's ranking of an OR of `terms` with the weights the lists promise.
  Xapian::MSet xapian_best(const std::vector<std::string>& terms, Xapian::doccount n) {
    std::vector<Xapian::Query> qs(terms.begin(), terms.end());
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end()));
    enquire.set_weighting_scheme(Xapian::BM25Weight(k1, 0, 1, 0, 0.5));
    return enquire.get_mset(0, n);
  }

  /// The `C` terms of the shipped index, most frequent first.
  std::vector<std::string> frequent_terms(std::size_t n) {
    std::vector<std::pair<Xapian::doccount, std::string>> all;
    for (auto t = db_.allterms_begin("C"); t != db_.allterms_end("C"); ++t)
      all.emplace_back(t.get_termfreq(), *t);
    std::sort(all.begin(), all.end(),
              [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < std::min(n, all.size()); ++i) out.push_back(all[i].second);
    return out;
  }

  std::shared_ptr<const indexer::snapshot> snap_;
  Xapian::Database db_;
};

TEST_F(ChampionLists, ListsHoldEveryChampionPosting) {
  const auto& lists = *snap_->champions;
  std::size_t terms = 0;
  for (auto t = db_.allterms_begin("C"); t != db_.allterms_end("C"); ++t, ++terms)
    EXPECT_EQ(lists.frequency(*t), t.get_termfreq()) << *t;
  EXPECT_GT(terms, 100u);
  EXPECT_EQ(lists.frequency("Cgeenwoordvandeze"), 0u);
  EXPECT_EQ(lists.frequency("Zlening"), 0u) << "only C terms are champion terms";
}

TEST_F(ChampionLists, RankAsXapianDoes) {
  const auto common = frequent_terms(12);
  ASSERT_GE(common.size(), 12u);
  // Rare and common terms, one and many, and a term the index lacks.
  const std::vector<std::vector<std::string>> cases = {
      {common[0]},
      {common[0], common[1]},
      {common[2], common[5], common[7], common[11]},
      {common.begin(), common.end()},
      {"Cqredit", "Clening"},
      {"Cinnovatiekrediet", "Cinnovatie", "Ckrediet", "Crvo"},
      {"Cbmkb", "Cborgstell", "Cbank", "Cgeenwoordvandeze"},
  };
  for (const auto& terms : cases) {
    for (Xapian::doccount n : {3u, 10u, 1000u}) {
      const auto ours = snap_->champions->best(terms, n, k1);
      const Xapian::MSet theirs = xapian_best(terms, n);
      ASSERT_EQ(ours.size(), theirs.size()) << terms.front() << " n=" << n;
      std::size_t i = 0;
      for (auto it = theirs.begin(); it != theirs.end(); ++it, ++i) {
        EXPECT_NEAR(ours[i].weight, it.get_weight(), 1e-4 * it.get_weight())
            << terms.front() << " n=" << n << " rank " << i;
        // Equal weights may be summed in another order: only a clear difference must agree.
        auto apart = [&](std::size_t a, std::size_t b) {
          return b >= ours.size() ||
                 std::abs(ours[a].weight - ours[b].weight) > 1e-4 * ours[a].weight;
        };
        if (apart(i, i + 1) && (i == 0 || apart(i, i - 1))) {
          EXPECT_EQ(ours[i].did, *it) << terms.front() << " n=" << n << " rank " << i;
        }
      }
      EXPECT_TRUE(std::is_sorted(ours.begin(), ours.end(),
                                 [](const auto& a, const auto& b) { return a.weight > b.weight; }));
    }
  }
}

TEST_F(ChampionLists, ATermListedTwiceCountsOnce) {
  const auto term = frequent_terms(1).at(0);
  const auto once = snap_->champions->best({term}, 5, k1);
  const auto twice = snap_->champions->best({term, term}, 5, k1);
  ASSERT_EQ(once.size(), twice.size());
  for (std::size_t i = 0; i < once.size(); ++i) {
    EXPECT_EQ(once[i].did, twice[i].did);
    EXPECT_DOUBLE_EQ(once[i].weight, twice[i].weight);
  }
}

TEST_F(ChampionLists, NoKnownTermFindsNothing) {
  EXPECT_TRUE(snap_->champions->best({}, 10, k1).empty());
  EXPECT_TRUE(snap_->champions->best({"Cgeenwoordvandeze", "Zlening"}, 10, k1).empty());
}

TEST_F(ChampionLists, CallsLeaveNoTraceInTheNextOne) {
  // The accumulator is reused between calls on a thread: a second, different query must score
  // as if it were the first.
  const auto terms = frequent_terms(4);
  const auto fresh = snap_->champions->best({terms[3]}, 1000, k1);
  snap_->champions->best({terms[0], terms[1], terms[2]}, 1000, k1);
  const auto again = snap_->champions->best({terms[3]}, 1000, k1);
  ASSERT_EQ(fresh.size(), again.size());
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    EXPECT_EQ(fresh[i].did, again[i].did);
    EXPECT_EQ(fresh[i].weight, again[i].weight);
  }
}

}  // namespace
