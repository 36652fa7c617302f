// Compound splitting: true splits, and words that must stay whole.
#include <gtest/gtest.h>

#include "indexer/lexicon.hpp"

namespace {

const indexer::lexicon& lex() {
  static indexer::lexicon l(indexer::default_word_list,
                            {"borgstelling", "werkkapitaal", "overname"});
  return l;
}

struct split_case {
  const char* word;
  std::vector<std::string> parts;
};

class Compounds : public testing::TestWithParam<split_case> {};

TEST_P(Compounds, Split) {
  indexer::decompounder d(lex());
  EXPECT_EQ(d.split(GetParam().word), GetParam().parts) << GetParam().word;
}

INSTANTIATE_TEST_SUITE_P(
    Table, Compounds,
    testing::Values(split_case{"bedrijfsovernamefinanciering",
                               {"bedrijfsovername", "bedrijf", "overname", "financiering"}},
                    split_case{"borgstellingskrediet",
                               {"borgstelling", "borg", "stelling", "krediet"}},
                    split_case{"werkkapitaalfinanciering",
                               {"werkkapitaal", "werk", "kapitaal", "financiering"}},
                    split_case{"energie-investeringsaftrek",
                               {"energie", "investeringsaftrek", "investering", "aftrek"}},
                    split_case{"fietsenstalling", {"fietsen", "stalling"}},
                    split_case{"subsidieregeling", {"subsidie", "regeling"}},
                    split_case{"ondernemersklankbord", {"ondernemers", "klankbord"}},
                    // Whole: short dictionary words and unknown words.
                    split_case{"huisarts", {}}, split_case{"rijbewijs", {}},
                    split_case{"lening", {}}, split_case{"overijssel", {}},
                    // A suffix that is also a word is no head: "lijk" (corpse), "schap" (shelf).
                    split_case{"gebruikelijk", {}}, split_case{"ondernemerschap", {}},
                    split_case{"verantwoordelijk", {}}, split_case{"qwertyuiopasdf", {}},
                    // After a front that takes a linking "s", an "s" is the link, not the
                    // tail's first letter; other fronts keep the longest tail.
                    split_case{"bedrijfspanden", {"bedrijf", "panden"}},
                    split_case{"achterstanden", {"achter", "standen"}}, split_case{"", {}}));

class UnknownWords : public testing::TestWithParam<split_case> {};

TEST_P(UnknownWords, SplitEagerly) {
  indexer::decompounder d(lex());
  EXPECT_EQ(d.split_unknown(GetParam().word), GetParam().parts) << GetParam().word;
}

// For query words the index does not know: tails of 3 letters, separable verbs, and the head of
// a compound with a typo in front.
INSTANTIATE_TEST_SUITE_P(Table, UnknownWords,
                         testing::Values(split_case{"bedrijfshal", {"bedrijf", "hal"}},
                                         split_case{"meeinvesteren", {"investeren"}},
                                         split_case{"terugbetalen", {"terug", "betalen"}},
                                         split_case{"koffikmachine", {"machine"}},
                                         split_case{"maachinebouwer", {"bouwer"}},
                                         split_case{"qwertyuiopasdf", {}}));

}  // namespace
