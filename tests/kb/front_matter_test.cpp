#include <gtest/gtest.h>

#include "kb/front_matter.hpp"

namespace {

TEST(FrontMatter, SplitsYamlAndBodyWithLines) {
  kb::front_matter_error err;
  auto fm = kb::split_front_matter("---\nid: x\ntitel: y\n---\n## Wat is het\nTekst.\n", err);
  ASSERT_TRUE(fm);
  EXPECT_EQ(fm->yaml, "id: x\ntitel: y\n");
  EXPECT_EQ(fm->body, "## Wat is het\nTekst.\n");
  EXPECT_EQ(fm->yaml_line, 2);
  EXPECT_EQ(fm->body_line, 5);
}

TEST(FrontMatter, AcceptsBomCrlfAndTrailingSpaces) {
  kb::front_matter_error err;
  auto fm = kb::split_front_matter("\xEF\xBB\xBF---\r\nid: x\r\n---  \r\nbody", err);
  ASSERT_TRUE(fm);
  EXPECT_EQ(fm->body, "body");
}

TEST(FrontMatter, EmptyBodyIsAllowedHere) {
  kb::front_matter_error err;
  auto fm = kb::split_front_matter("---\nid: x\n---", err);
  ASSERT_TRUE(fm);
  EXPECT_EQ(fm->body, "");
}

struct bad_case {
  const char* text;
  const char* message_part;
};

class FrontMatterErrors : public testing::TestWithParam<bad_case> {};

TEST_P(FrontMatterErrors, Rejects) {
  kb::front_matter_error err;
  EXPECT_FALSE(kb::split_front_matter(GetParam().text, err));
  EXPECT_EQ(err.line, 1);
  EXPECT_NE(err.message.find(GetParam().message_part), std::string::npos) << err.message;
}

INSTANTIATE_TEST_SUITE_P(Table, FrontMatterErrors,
                         testing::Values(bad_case{"# Titel\n", "must start"},
                                         bad_case{"", "must start"},
                                         bad_case{"--- \nid: x\n", "not closed"},
                                         bad_case{"----\nid: x\n---\n", "must start"}));

}  // namespace
