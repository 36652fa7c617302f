// kb::markdown_paragraphs: the plain paragraphs of a Markdown body, as the snippet needs them.
#include <gtest/gtest.h>

#include "kb/markdown.hpp"

namespace {

struct paragraphs_case {
  const char* name;
  const char* markdown;
  std::vector<std::string> paragraphs;
};

class MarkdownParagraphs : public testing::TestWithParam<paragraphs_case> {};

TEST_P(MarkdownParagraphs, PlainTextPerParagraph) {
  EXPECT_EQ(kb::markdown_paragraphs(GetParam().markdown), GetParam().paragraphs);
}

INSTANTIATE_TEST_SUITE_P(
    Table, MarkdownParagraphs,
    testing::Values(
        paragraphs_case{"WrappedLinesJoin",
                        "Een starter leent tussen € 50.000 en\n€ 350.000 voor de vroege fase.",
                        {"Een starter leent tussen € 50.000 en € 350.000 voor de vroege fase."}},
        paragraphs_case{"BlankLineSeparates",
                        "Eerste alinea.\n\nTweede alinea.",
                        {"Eerste alinea.", "Tweede alinea."}},
        paragraphs_case{
            "HeadingsLeftOut", "## Voorwaarden\n\nU bent ondernemer.", {"U bent ondernemer."}},
        paragraphs_case{"ListItemsSeparateAndContinuationJoins",
                        "- kleine bedrijven;\n- een lening tussen € 50.000 en\n  € 157.500.",
                        {"kleine bedrijven;", "een lening tussen € 50.000 en € 157.500."}},
        paragraphs_case{"EmphasisAndLinksBecomeText",
                        "Lees **goed** de [voorwaarden van RVO](https://rvo.nl) en `KvK`.",
                        {"Lees goed de voorwaarden van RVO en KvK."}},
        paragraphs_case{
            "CodeBlocksAndHtmlLeftOut", "<div>x</div>\n\n    code\n\nTekst.", {"Tekst."}},
        paragraphs_case{"Empty", "", {}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Markdown, NeverThrowsOnBytes) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  EXPECT_NO_THROW(kb::markdown_paragraphs(bytes));
  EXPECT_NO_THROW(kb::markdown_paragraphs(std::string(10000, '>') + "x"));
}

}  // namespace
