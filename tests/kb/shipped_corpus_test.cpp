// The shipped corpus (corpus/): the contract of the corpus issue.
#include <gtest/gtest.h>

#include <set>

#include "kb/text.hpp"
#include "test_support.hpp"

namespace {

class ShippedCorpus : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    diag_ = new kb::diagnostics;
    corpus_ = new kb::corpus(kb::load_corpus(std::filesystem::path(FINWIJZER_SOURCE_DIR) / "corpus",
                                             *diag_, {2026, 11, 27}));
  }
  static void TearDownTestSuite() {
    delete corpus_;
    delete diag_;
  }
  static kb::diagnostics* diag_;
  static kb::corpus* corpus_;
};
kb::diagnostics* ShippedCorpus::diag_ = nullptr;
kb::corpus* ShippedCorpus::corpus_ = nullptr;

TEST_F(ShippedCorpus, HasNoErrors) {
  for (const auto& d : diag_->all())
    if (d.level == kb::severity::error) ADD_FAILURE() << d.str();
}

TEST_F(ShippedCorpus, HasExactlyTheSixtySixInstruments) {
  const std::set<std::string> expected = {"overijssel-voucher-financieringsadvies",
                                          "overijssel-financieringstafels",
                                          "overijssel-mkb-voucher",
                                          "overijssel-innovatievoucher",
                                          "overijssel-jonge-bedrijfsopvolgers",
                                          "overijssel-leren-van-elkaar-kringen",
                                          "overijssel-ondernemend-noaberschap",
                                          "ikstartsmart",
                                          "overijssel-startersondersteuning",
                                          "overijssel-mkb-deal-familiebedrijven",
                                          "mit-haalbaarheid-overijssel",
                                          "op-oost-efro",
                                          "innovatiefonds-overijssel",
                                          "innovatiefonds-overijssel-innovatiekrediet",
                                          "oost-nl-participatiefonds",
                                          "oost-nl-proof-of-concept-vff",
                                          "oost-nl-col",
                                          "energiefonds-overijssel",
                                          "efo-mkb-duurzaamheidslening",
                                          "overijssel-mkb-energielening",
                                          "wadinko",
                                          "kredietunie-reest-en-wieden",
                                          "overijssel-advies-vab",
                                          "qredits-microkrediet",
                                          "qredits-mkb-krediet",
                                          "qredits-time-out-krediet",
                                          "bank-zakelijke-lening",
                                          "bank-rekening-courantkrediet",
                                          "kredietunies",
                                          "bmkb",
                                          "bmkb-c",
                                          "bmkb-groen",
                                          "go-regeling",
                                          "kkc",
                                          "borgstelling-mkb-landbouwkredieten",
                                          "bl-c",
                                          "garantstelling-landbouw",
                                          "groeifaciliteit",
                                          "innovatiekrediet",
                                          "wbso",
                                          "mit-regeling",
                                          "seed-capital",
                                          "seed-business-angels",
                                          "vroegefasefinanciering",
                                          "regionale-ontwikkelingsmaatschappijen",
                                          "dutch-good-growth-fund",
                                          "eia",
                                          "mia-vamil",
                                          "kia",
                                          "tante-agaath",
                                          "regeling-groenprojecten",
                                          "sde-plus-plus",
                                          "isde-zakelijk",
                                          "svm-subsidie-verduurzaming-mkb",
                                          "slim-regeling",
                                          "bbz",
                                          "tozo",
                                          "mkb-doorgaan",
                                          "mkb-doorstart",
                                          "ondernemersklankbord",
                                          "hulplijnen-geldzorgen-ondernemers",
                                          "crowdfunding-ecspr",
                                          "business-angels",
                                          "financial-lease",
                                          "operational-lease",
                                          "factoring"};
  ASSERT_EQ(expected.size(), 66u);
  std::set<std::string> actual;
  for (const auto& i : corpus_->instruments) actual.insert(i.id);
  EXPECT_EQ(actual, expected);
}

TEST_F(ShippedCorpus, EveryInstrumentHasSourcesDateAndValidRules) {
  for (const auto& i : corpus_->instruments) {
    EXPECT_FALSE(i.sources.empty()) << i.id;
    EXPECT_GT(i.last_checked.year, 2000) << i.id;
    EXPECT_FALSE(i.summary.empty()) << i.id;
    auto words = kb::word_count(i.body);
    EXPECT_GE(words, 150u) << i.id;
    EXPECT_LE(words, 400u) << i.id;
    for (const auto& c : i.criteria) EXPECT_TRUE(c.test) << i.id << "/" << c.id;
  }
}

TEST_F(ShippedCorpus, RequiredInstrumentsHaveCriteria) {
  for (const char* id :
       {"overijssel-voucher-financieringsadvies", "overijssel-jonge-bedrijfsopvolgers",
        "mit-haalbaarheid-overijssel", "bmkb", "bmkb-groen", "qredits-microkrediet",
        "energiefonds-overijssel", "innovatiekrediet", "vroegefasefinanciering", "kia", "eia",
        "isde-zakelijk", "svm-subsidie-verduurzaming-mkb", "slim-regeling", "bbz", "go-regeling",
        "groeifaciliteit", "borgstelling-mkb-landbouwkredieten"}) {
    const auto* i = corpus_->find(id);
    ASSERT_NE(i, nullptr) << id;
    EXPECT_FALSE(i->criteria.empty()) << id;
    for (const auto& c : i->criteria) EXPECT_FALSE(c.text.empty()) << id;
  }
}

TEST_F(ShippedCorpus, ExpiredSchemesAreMarked) {
  for (const char* id : {"tozo", "kkc", "bmkb-c", "bl-c", "oost-nl-col"}) {
    const auto* i = corpus_->find(id);
    ASSERT_NE(i, nullptr) << id;
    EXPECT_EQ(i->status, "verlopen") << id;
    EXPECT_NE(i->body.find("## Wat kunt u nu doen"), std::string::npos) << id;
  }
}

TEST_F(ShippedCorpus, EveryOverijsselGemeenteResolves) {
  const std::vector<std::string> gemeenten = {
      "Almelo",         "Borne",       "Dalfsen",        "Deventer",        "Dinkelland",
      "Enschede",       "Haaksbergen", "Hardenberg",     "Hellendoorn",     "Hengelo",
      "Hof van Twente", "Kampen",      "Losser",         "Oldenzaal",       "Olst-Wijhe",
      "Ommen",          "Raalte",      "Rijssen-Holten", "Staphorst",       "Steenwijkerland",
      "Tubbergen",      "Twenterand",  "Wierden",        "Zwartewaterland", "Zwolle"};
  std::set<std::string> in_file;
  for (const auto& g : corpus_->places.gemeenten())
    if (corpus_->places.provincie_of(g) == "overijssel") in_file.insert(g);
  EXPECT_EQ(in_file.size(), 25u);
  for (const auto& g : gemeenten) {
    EXPECT_TRUE(corpus_->places.is_gemeente(g)) << g;
    EXPECT_EQ(corpus_->places.provincie_of(g), "overijssel") << g;
  }
}

TEST_F(ShippedCorpus, KernenAndOtherProvincesResolve) {
  struct {
    const char* place;
    const char* gemeente;
    const char* provincie;
  } cases[] = {
      {"Goor", "hof van twente", "overijssel"},    {"Nijverdal", "hellendoorn", "overijssel"},
      {"Rijssen", "rijssen-holten", "overijssel"}, {"Vroomshoop", "twenterand", "overijssel"},
      {"Apeldoorn", "apeldoorn", "gelderland"},    {"Meppel", "meppel", "drenthe"}};
  for (const auto& c : cases) {
    const kb::place* p = corpus_->places.find(c.place);
    ASSERT_NE(p, nullptr) << c.place;
    EXPECT_EQ(p->gemeente, c.gemeente);
    EXPECT_EQ(p->provincie, c.provincie);
  }
  EXPECT_GT(corpus_->places.gemeenten().size(), 300u);  // every Dutch gemeente
}

TEST_F(ShippedCorpus, GoldenQuestionsAreEnough) {
  EXPECT_GE(corpus_->golden.size(), 60u);
}

}  // namespace
