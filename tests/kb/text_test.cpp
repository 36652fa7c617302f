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

struct distance_case {
  const char* a;
  const char* b;
  std::size_t limit;
  std::size_t distance;  ///< limit + 1 when further
};

class EditDistanceTest : public testing::TestWithParam<distance_case> {};

TEST_P(EditDistanceTest, Counts) {
  const auto& c = GetParam();
  EXPECT_EQ(kb::edit_distance(c.a, c.b, c.limit), c.distance) << c.a << " / " << c.b;
  EXPECT_EQ(kb::edit_distance(c.b, c.a, c.limit), c.distance) << c.b << " / " << c.a;
}

INSTANTIATE_TEST_SUITE_P(
    Table, EditDistanceTest,
    testing::Values(distance_case{"agaath", "agaath", 2, 0},
                    distance_case{"agatha", "agaath", 2, 2},    // insert + delete
                    distance_case{"weiden", "wieden", 2, 1},    // a swap is one edit
                    distance_case{"qredits", "credits", 2, 1},  // replace
                    distance_case{"reest", "rest", 2, 1},       // delete
                    distance_case{"", "abc", 3, 3}, distance_case{"abc", "", 2, 3},
                    distance_case{"wadinko", "wielen", 2, 3},  // over the limit: limit + 1
                    distance_case{"ab", "abcdef", 2, 3},       // lengths alone rule it out
                    distance_case{"ca", "abc", 3, 3}));        // a swap is not also an insert

}  // namespace
