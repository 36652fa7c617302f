#include <gtest/gtest.h>

#include "kb/text.hpp"

namespace {

struct fold_case {
  const char* in;
  const char* out;
};

class FoldTest : public testing::TestWithParam<fold_case> {};

TEST_P(FoldTest, Folds) {
  EXPECT_EQ(kb::fold(GetParam().in), GetParam().out);
}

INSTANTIATE_TEST_SUITE_P(Table, FoldTest,
                         testing::Values(fold_case{"Café", "cafe"}, fold_case{"ideeën", "ideeen"},
                                         fold_case{"ĲSSELMEER", "ijsselmeer"},
                                         fold_case{"ﬁets", "fiets"}, fold_case{"Straße", "strasse"},
                                         fold_case{"Coöperatie", "cooperatie"},
                                         fold_case{"crème enquête", "creme enquete"},
                                         fold_case{"Hof van Twente", "hof van twente"},
                                         fold_case{"", ""}));

TEST(Text, DutchTitleCase) {
  EXPECT_EQ(kb::dutch_title_case("hof van twente"), "Hof van Twente");
  EXPECT_EQ(kb::dutch_title_case("olst-wijhe"), "Olst-Wijhe");
  EXPECT_EQ(kb::dutch_title_case("den haag"), "Den Haag");
  EXPECT_EQ(kb::dutch_title_case(""), "");
}

TEST(Text, InvalidUtf8DoesNotThrow) {
  EXPECT_NO_THROW(kb::fold("\xff\xfe abc"));
}

TEST(Text, TrimSplitJoinCount) {
  EXPECT_EQ(kb::trim("  a b \t\n"), "a b");
  EXPECT_EQ(kb::trim("   "), "");
  auto parts = kb::split("a\t\tb", '\t');
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[1], "");
  EXPECT_EQ(kb::join({"x", "y", "z"}, ", "), "x, y, z");
  EXPECT_EQ(kb::word_count(" een  twee\ndrie "), 3u);
}

}  // namespace
