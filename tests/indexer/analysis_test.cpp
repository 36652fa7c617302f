// Each analysis step, table-driven: input -> terms.
#include <gtest/gtest.h>

#include "indexer/analyzer.hpp"
#include "indexer/lemmatizer.hpp"
#include "indexer/stopwords.hpp"
#include "indexer/tokenize.hpp"

namespace {

std::shared_ptr<const indexer::lexicon> lex() {
  static auto l = std::make_shared<const indexer::lexicon>(
      indexer::default_word_list, std::vector<std::string>{"borgstelling", "werkkapitaal"});
  return l;
}

struct tok_case {
  const char* in;
  std::vector<std::string> out;
};

class Tokenize : public testing::TestWithParam<tok_case> {};

TEST_P(Tokenize, FoldedTokens) {
  std::vector<std::string> got;
  for (const auto& t : indexer::tokenize(GetParam().in)) got.push_back(t.text);
  EXPECT_EQ(got, GetParam().out) << GetParam().in;
}

INSTANTIATE_TEST_SUITE_P(
    Table, Tokenize,
    testing::Values(tok_case{"Café in België", {"cafe", "in", "belgie"}},
                    tok_case{"auto's en baby's", {"auto", "en", "baby"}},
                    tok_case{"MKB-krediet voor ĲSSEL", {"mkb-krediet", "voor", "ijssel"}},
                    tok_case{"€ 50.000,- lening", {"50.000", "lening"}},
                    tok_case{"zzp'er!", {"zzp'er"}}, tok_case{"  ", {}},
                    tok_case{"energie-investeringsaftrek", {"energie-investeringsaftrek"}}));

struct number_case {
  const char* in;
  double value;
};

class Numbers : public testing::TestWithParam<number_case> {};

TEST_P(Numbers, Parse) {
  auto v = indexer::parse_number(GetParam().in);
  if (GetParam().value < 0) {
    EXPECT_FALSE(v) << GetParam().in;
  } else {
    ASSERT_TRUE(v) << GetParam().in;
    EXPECT_DOUBLE_EQ(*v, GetParam().value);
  }
}

INSTANTIATE_TEST_SUITE_P(Table, Numbers,
                         testing::Values(number_case{"50.000", 50000}, number_case{"1,5", 1.5},
                                         number_case{"80k", 80000},
                                         number_case{"1.250.000", 1250000},
                                         number_case{"2019", 2019}, number_case{"50.00", -1},
                                         number_case{"abc", -1}, number_case{"1.2.3", -1}));

struct amount_case {
  const char* in;
  const char* normalised;
};

class Amounts : public testing::TestWithParam<amount_case> {};

TEST_P(Amounts, OneForm) {
  indexer::analyzer an(lex());
  auto words = an.analyze(GetParam().in);
  ASSERT_FALSE(words.empty());
  EXPECT_TRUE(words[0].number);
  EXPECT_EQ(words[0].folded, GetParam().normalised);
  EXPECT_EQ(words.size(), 1u) << "the amount word is merged into the number";
}

INSTANTIATE_TEST_SUITE_P(
    Table, Amounts,
    testing::Values(amount_case{"€ 50.000,-", "50000"}, amount_case{"50k", "50000"},
                    amount_case{"50 mille", "50000"}, amount_case{"50 duizend", "50000"},
                    amount_case{"1,5 miljoen", "1500000"}, amount_case{"2 ton", "200000"},
                    amount_case{"1,2 mln", "1200000"}));

struct meet_case {
  const char* a;
  const char* b;
};

class StemsMeet : public testing::TestWithParam<meet_case> {};

// The known -ts flaw of the dutch stemmer is fixed by lemmatising first.
TEST_P(StemsMeet, SameStem) {
  indexer::analyzer an(lex());
  auto a = an.analyze(GetParam().a), b = an.analyze(GetParam().b);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].stem, b[0].stem) << GetParam().a << " / " << GetParam().b;
}

INSTANTIATE_TEST_SUITE_P(
    Table, StemsMeet,
    testing::Values(meet_case{"fiets", "fietsen"}, meet_case{"ziekenhuis", "ziekenhuizen"},
                    meet_case{"lening", "leningen"}, meet_case{"Subsidie", "subsidies"},
                    meet_case{"café", "cafés"}, meet_case{"ideeën", "idee"},
                    meet_case{"ondernemer", "ondernemers"}, meet_case{"bedrijf", "bedrijven"},
                    // Typed without diacritics, a word still meets its lemma: the word list
                    // gives its spelling ("ideeen" -> "ideeën" -> "idee").
                    meet_case{"ideeen", "idee"}, meet_case{"knieen", "knie"},
                    meet_case{"knieen", "knieën"},
                    // Compounds are lemmatised by their head: Hunspell 1.7.1 reads outside its
                    // buffers on these whole words (the ASan build of this test shows it).
                    meet_case{"verpakkingsmateriaal", "verpakkingsmaterialen"},
                    meet_case{"aantrekkingskracht", "aantrekkingskrachten"},
                    meet_case{"folieverpakkingsmachine", "folieverpakkingsmachines"}));

TEST(Analysis, APlainWordOfTheListKeepsItsOwnSpelling) {
  // "beste" and "béste" are both in the word list: the plain word is never read as the other.
  EXPECT_EQ(lex()->accented("beste"), "beste");
  EXPECT_EQ(lex()->accented("ideeen"), "ideeën");
  EXPECT_EQ(lex()->accented("onbekendwoord"), "onbekendwoord");
}

struct inflect_case {
  const char* base;
  const char* word;
  bool inflects;
};

class Inflections : public testing::TestWithParam<inflect_case> {};

// Hunspell's candidates are accepted only when the word inflects them.
TEST_P(Inflections, Table) {
  EXPECT_EQ(indexer::inflects(GetParam().base, GetParam().word), GetParam().inflects)
      << GetParam().base << " / " << GetParam().word;
}

INSTANTIATE_TEST_SUITE_P(Table, Inflections,
                         testing::Values(inflect_case{"fiets", "fietsen", true},
                                         inflect_case{"ziekenhuis", "ziekenhuizen", true},
                                         inflect_case{"bedrijf", "bedrijven", true},
                                         inflect_case{"zaak", "zaken", true},
                                         inflect_case{"mooi", "mooiste", true},
                                         inflect_case{"idee", "ideeen", true},
                                         inflect_case{"krediet", "kredietunie", false},
                                         inflect_case{"over", "overheid", false}));

TEST(Analysis, StopWordsAreMarked) {
  indexer::analyzer an(lex());
  auto w = an.analyze("ik wil een lening");
  ASSERT_EQ(w.size(), 4u);
  EXPECT_TRUE(w[0].stop);
  EXPECT_TRUE(w[1].stop);
  EXPECT_TRUE(w[2].stop);
  EXPECT_FALSE(w[3].stop);
  EXPECT_TRUE(indexer::is_stopword("de"));
  EXPECT_FALSE(indexer::is_stopword("lening"));
}

TEST(Analysis, EverydayWordsOfAChattyQuestionAreStopWords) {
  // Rare in the formal instrument texts, so they would weigh much; they say nothing of the need.
  indexer::analyzer an(lex());
  std::vector<std::string> content;
  for (const auto& w : an.analyze("mijn kapsalon loopt goed, zijn er handigere manieren? ik zie "
                                  "het echt wel zitten"))
    if (!w.stop) content.push_back(w.folded);
  EXPECT_EQ(content, (std::vector<std::string>{"kapsalon"}));  // "zitten" is one too
  // "Wat zijn de opties?" asks as "welke mogelijkheden" does: "optie" is in one text only.
  content.clear();
  for (const auto& w : an.analyze("vrachtwagen, wat zijn de opties? een optie of mogelijkheid"))
    if (!w.stop) content.push_back(w.folded);
  EXPECT_EQ(content, (std::vector<std::string>{"vrachtwagen"}));
  // Chat shorthand for "een", "het" and "ik".
  content.clear();
  for (const auto& w : an.analyze("heb n bedrijfje en k wil t overnemen"))
    if (!w.stop) content.push_back(w.folded);
  EXPECT_EQ(content, (std::vector<std::string>{"bedrijfje", "overnemen"}));
}

TEST(Analysis, AmountWordsWithoutDigitsAreAmounts) {
  // "een paar ton" names a size, not a topic: "ton" must not meet "ton CO2" or "honderdduizend".
  indexer::analyzer an(lex());
  for (const char* text : {"een paar ton", "anderhalve mille", "een miljoen"}) {
    auto w = an.analyze(text);
    ASSERT_FALSE(w.empty()) << text;
    EXPECT_TRUE(w.back().number) << text;
    EXPECT_TRUE(w.back().stop) << text;  // neither indexed nor searched
    EXPECT_TRUE(w.back().stem.empty()) << text;
  }
  auto w = an.analyze("tonijn");  // only the whole word is an amount
  ASSERT_EQ(w.size(), 1u);
  EXPECT_FALSE(w[0].number);
}

TEST(Analysis, SignatureNamesTheSettings) {
  auto s = indexer::analysis_signature(*lex());
  EXPECT_NE(s.find("stem=dutch"), std::string::npos);
  EXPECT_NE(s.find("lemma=hunspell-nl"), std::string::npos);
}

TEST(Analysis, GarbageNeverThrows) {
  indexer::analyzer an(lex());
  EXPECT_NO_THROW(an.analyze("\xff\xfe\x00 😀😀 ---- ''' 99999999999999999999999 1,,,2"));
  EXPECT_NO_THROW(an.analyze(std::string(20000, 'a')));
}

}  // namespace
