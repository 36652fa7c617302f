#include <gtest/gtest.h>

#include "kb/rule.hpp"

namespace {

using kb::rule::expr;
using kb::rule::node;

expr parse_ok(const std::string& s) {
  auto r = kb::rule::parse(s);
  if (auto* e = std::get_if<kb::rule::error>(&r))
    ADD_FAILURE() << s << ": column " << e->column << ": " << e->message;
  return std::get<expr>(r);
}

struct shape_case {
  const char* in;
  const char* canonical;  // to_string() parenthesises only where precedence needs it
};

class RuleShape : public testing::TestWithParam<shape_case> {};

TEST_P(RuleShape, ParsesToCanonicalForm) {
  expr e = parse_ok(GetParam().in);
  EXPECT_EQ(kb::rule::to_string(e), GetParam().canonical);
  // The canonical form parses to the same canonical form.
  EXPECT_EQ(kb::rule::to_string(parse_ok(kb::rule::to_string(e))), GetParam().canonical);
}

INSTANTIATE_TEST_SUITE_P(
    Table, RuleShape,
    testing::Values(
        shape_case{"a", "a"}, shape_case{"a = 1", "a = 1"}, shape_case{"a>=2.5", "a >= 2.5"},
        shape_case{"a != nee", "a != nee"}, shape_case{"a en b of c", "a en b of c"},
        shape_case{"a of b en c", "a of b en c"}, shape_case{"(a of b) en c", "(a of b) en c"},
        shape_case{"niet a en b", "niet a en b"}, shape_case{"niet (a en b)", "niet (a en b)"},
        shape_case{"niet niet a", "niet niet a"},
        shape_case{"x in [bv, nv, \"hof van twente\"]", "x in [bv, nv, \"hof van twente\"]"},
        shape_case{"((a))", "a"},
        shape_case{"werkzame_personen < 250 en (jaaromzet <= 50000000 of balanstotaal <= 43000000)",
                   "werkzame_personen < 250 en (jaaromzet <= 50000000 of balanstotaal <= "
                   "43000000)"}));

TEST(RuleParse, AndBindsTighterThanOr) {
  expr e = parse_ok("a of b en c");
  ASSERT_EQ(e->k, node::kind::or_);
  EXPECT_EQ(e->left->field, "a");
  EXPECT_EQ(e->right->k, node::kind::and_);
}

TEST(RuleParse, OperatorsAreLeftAssociative) {
  expr e = parse_ok("a en b en c");
  ASSERT_EQ(e->k, node::kind::and_);
  EXPECT_EQ(e->left->k, node::kind::and_);
  EXPECT_EQ(e->right->field, "c");
}

TEST(RuleParse, NotBindsTighterThanAnd) {
  expr e = parse_ok("niet a en b");
  ASSERT_EQ(e->k, node::kind::and_);
  EXPECT_EQ(e->left->k, node::kind::not_);
}

TEST(RuleParse, LiteralKindsAndColumns) {
  expr e = parse_ok("x in [12, ja, nee, bv, \"a \\\"b\\\"\"]");
  ASSERT_EQ(e->values.size(), 5u);
  using k = kb::rule::literal::kind;
  EXPECT_EQ(e->values[0].k, k::number);
  EXPECT_EQ(e->values[0].number, 12);
  EXPECT_EQ(e->values[0].column, 7);
  EXPECT_EQ(e->values[1].k, k::yes);
  EXPECT_EQ(e->values[2].k, k::no);
  EXPECT_EQ(e->values[3].k, k::word);
  EXPECT_EQ(e->values[4].k, k::quoted);
  EXPECT_EQ(e->values[4].text, "a \"b\"");
}

struct error_case {
  const char* in;
  int column;
  const char* message_part;
};

class RuleSyntaxErrors : public testing::TestWithParam<error_case> {};

TEST_P(RuleSyntaxErrors, ReportsColumn) {
  auto r = kb::rule::parse(GetParam().in);
  auto* e = std::get_if<kb::rule::error>(&r);
  ASSERT_NE(e, nullptr) << GetParam().in;
  EXPECT_EQ(e->column, GetParam().column) << e->message;
  EXPECT_NE(e->message.find(GetParam().message_part), std::string::npos) << e->message;
}

INSTANTIATE_TEST_SUITE_P(Table, RuleSyntaxErrors,
                         testing::Values(error_case{"", 1, "expected a field name"},
                                         error_case{"a en", 5, "expected a field name"},
                                         error_case{"(a of b", 8, "expected ')'"},
                                         error_case{"a = ", 5, "expected a value"},
                                         error_case{"a = en", 5, "expected a value"},
                                         error_case{"a b", 3, "expected 'en', 'of'"},
                                         error_case{"a in 1, 2", 6, "expected '['"},
                                         error_case{"a in [1 2]", 9, "expected ',' or ']'"},
                                         error_case{"a = \"open", 5, "not closed"},
                                         error_case{"a = 50.000,00", 5, "thousands separator"},
                                         error_case{"a = 1.5,", 8, "expected 'en', 'of'"},
                                         error_case{"a = 12abc", 5, "malformed number"},
                                         error_case{"a ~ 1", 3, "unexpected character"},
                                         error_case{"a en )", 6, "expected a field name"},
                                         error_case{"of", 1, "expected a field name"}));

}  // namespace
