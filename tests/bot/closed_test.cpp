// A closed scheme (status gesloten) and an open one of its kind that fits nearly as well: the open
// one, which can be used today, goes first. Checked over every judged question of the shipped
// corpus's development sets.
#include <gtest/gtest.h>

#include <algorithm>

#include "bot/search.hpp"
#include "kb/questions.hpp"
#include "test_support.hpp"

namespace {

constexpr double open_alternative_share = 0.7;  // as in bot/search.cpp

bool named(const bot::match& m) {
  return std::find(m.why.begin(), m.why.end(), "U noemde deze regeling bij naam.") != m.why.end();
}

bool open(const bot::match& m) {
  return !m.inst->closed() && !m.inst->expired();
}

class ClosedSchemes : public testing::Test {
 protected:
  ClosedSchemes() : searcher_(test::shipped_snapshot()) {}
  bot::searcher searcher_;
};

TEST_F(ClosedSchemes, NeverAboveAnOpenOneOfTheirKindThatFitsNearlyAsWell) {
  std::size_t questions = 0, closed_shown = 0;
  for (const char* file : {"corpus/toetsvragen.tsv", "tests/data/vragen-variatie.tsv",
                           "tests/data/vragen-ontwikkel.tsv", "tests/data/vragen-ontwikkel2.tsv",
                           "tests/data/vragen-ontwikkel3.tsv"}) {
    kb::diagnostics diag;
    for (const auto& q :
         kb::load_questions(std::filesystem::path(FINWIJZER_SOURCE_DIR) / file, diag)) {
      ++questions;
      const auto r = searcher_.search(q.text, 10);
      for (std::size_t i = 0; i < r.matches.size(); ++i) {
        const auto& c = r.matches[i];
        if (!c.inst->closed() || named(c)) continue;
        ++closed_shown;
        for (std::size_t j = i + 1; j < r.matches.size(); ++j) {
          const auto& o = r.matches[j];
          if (o.inst->kind != c.inst->kind || !open(o)) continue;
          EXPECT_LT(o.score, open_alternative_share * c.score)
              << q.text << "\n  " << c.inst->id << " (gesloten, " << c.score << ") above "
              << o.inst->id << " (" << o.score << ")";
        }
      }
    }
  }
  EXPECT_GT(questions, 400u);
  EXPECT_GT(closed_shown, 100u);  // the check had closed schemes to look at
}

TEST_F(ClosedSchemes, TheOpenOneOfTheKindComesFirst) {
  // The closed Leren van elkaar-kringen (subsidie) has about as many of these words as the
  // SLIM-regeling (subsidie, open), a few more (ontwikkel2: it was first, the SLIM-regeling
  // second).
  auto r = searcher_.search(
      "Ik run een installatiebedrijf met 25 monteurs. Door de overstap naar warmtepompen en "
      "elektrisch moet iedereen nieuwe dingen leren, maar echte cursussen zijn lastig in te "
      "plannen. We willen dat het normaal wordt dat monteurs elkaar onderweg dingen leren, "
      "bijvoorbeeld met korte filmpjes en een vaste leermeester per ploeg. Is er een regeling die "
      "een deel van de kosten van zo'n aanpak betaalt?",
      3);
  ASSERT_GE(r.matches.size(), 2u);
  EXPECT_EQ(r.matches[0].inst->id, "slim-regeling");
  EXPECT_EQ(r.matches[1].inst->id, "overijssel-leren-van-elkaar-kringen");
  // Named, a closed scheme keeps its place.
  auto n = searcher_.search("leren van elkaar kringen Overijssel", 3);
  ASSERT_FALSE(n.matches.empty());
  EXPECT_EQ(n.matches[0].inst->id, "overijssel-leren-van-elkaar-kringen");
}

}  // namespace
