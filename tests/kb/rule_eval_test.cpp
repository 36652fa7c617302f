#include <gtest/gtest.h>

#include "kb/rule.hpp"

namespace {

using kb::rule::truth;
constexpr truth Y = truth::yes, N = truth::no, U = truth::unknown;

struct table_case {
  truth a, b, and_, or_;
};

class KleeneTable : public testing::TestWithParam<table_case> {};

TEST_P(KleeneTable, AndOr) {
  const auto& c = GetParam();
  EXPECT_EQ(c.a && c.b, c.and_);
  EXPECT_EQ(c.a || c.b, c.or_);
}

// All nine combinations of Kleene's strong logic.
INSTANTIATE_TEST_SUITE_P(All, KleeneTable,
                         testing::Values(table_case{Y, Y, Y, Y}, table_case{Y, N, N, Y},
                                         table_case{Y, U, U, Y}, table_case{N, Y, N, Y},
                                         table_case{N, N, N, N}, table_case{N, U, N, U},
                                         table_case{U, Y, U, Y}, table_case{U, N, N, U},
                                         table_case{U, U, U, U}));

TEST(Kleene, Not) {
  EXPECT_EQ(!Y, N);
  EXPECT_EQ(!N, Y);
  EXPECT_EQ(!U, U);
}

kb::rule::expr parse(const std::string& s) {
  return std::get<kb::rule::expr>(kb::rule::parse(s));
}

struct eval_case {
  const char* rule;
  truth expected;
  std::set<std::string> missing;
};

class Evaluate : public testing::TestWithParam<eval_case> {};

TEST_P(Evaluate, AgainstProfile) {
  kb::profile p;
  p.set("werkzame_personen", 12.0);
  p.set("jaaromzet", 60e6);
  p.set("provincie", std::string("overijssel"));
  p.set("bank_afgewezen", true);
  p.set("project_gestart", false);
  std::set<std::string> missing;
  EXPECT_EQ(kb::rule::evaluate(parse(GetParam().rule), p, &missing), GetParam().expected)
      << GetParam().rule;
  EXPECT_EQ(missing, GetParam().missing) << GetParam().rule;
}

INSTANTIATE_TEST_SUITE_P(
    Table, Evaluate,
    testing::Values(
        eval_case{"werkzame_personen < 250", Y, {}}, eval_case{"werkzame_personen >= 12", Y, {}},
        eval_case{"werkzame_personen > 12", N, {}}, eval_case{"werkzame_personen = 12", Y, {}},
        eval_case{"werkzame_personen != 12", N, {}},
        eval_case{"provincie = Overijssel", Y, {}},  // values compare folded
        eval_case{"provincie in [gelderland, overijssel]", Y, {}},
        eval_case{"provincie != overijssel", N, {}}, eval_case{"bank_afgewezen", Y, {}},
        eval_case{"niet project_gestart", Y, {}}, eval_case{"project_gestart = nee", Y, {}},
        // A missing fact is unknown, never 0 or false:
        eval_case{"balanstotaal <= 43000000", U, {"balanstotaal"}},
        eval_case{"niet familiebedrijf", U, {"familiebedrijf"}},
        eval_case{"balanstotaal < 1", U, {"balanstotaal"}},
        // The EU mkb definition: omzet too high, balans unknown -> unknown, only balans open.
        eval_case{"werkzame_personen < 250 en (jaaromzet <= 50000000 of balanstotaal <= "
                  "43000000)",
                  U,
                  {"balanstotaal"}},
        // A false side decides `en`; its unknown partner is not asked for.
        eval_case{"werkzame_personen > 100 en balanstotaal < 5", N, {}},
        // A true side decides `of`.
        eval_case{"bank_afgewezen of balanstotaal < 5", Y, {}},
        eval_case{"familiebedrijf of leeftijd_opvolger < 41",
                  U,
                  {"familiebedrijf", "leeftijd_opvolger"}}));

TEST(Evaluate, FieldsOf) {
  auto f = kb::rule::fields_of(parse("a en (b of niet c) en d in [1]"));
  EXPECT_EQ(f, (std::set<std::string>{"a", "b", "c", "d"}));
}

}  // namespace
