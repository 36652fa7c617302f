// The advisor on the shipped corpus: facts update the profile, hints explain verdicts, the
// follow-up asks for the field that decides most, and a conversation can be corrected.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "bot/advisor.hpp"
#include "test_support.hpp"

namespace {

namespace json = boost::json;

class Advisor : public testing::Test {
 protected:
  static void SetUpTestSuite() { advisor_ = new bot::advisor(test::shipped_snapshot()); }
  static void TearDownTestSuite() { delete advisor_; }
  static const json::object* hint(const json::object& a, const std::string& id) {
    for (const auto& h : a.at("hints").as_array())
      if (h.as_object().at("id").as_string() == id) return &h.as_object();
    return nullptr;
  }
  static std::string followup(const json::object& a) {
    const auto& f = a.at("followup");
    return f.is_null() ? "" : std::string(f.as_object().at("field").as_string());
  }
  static bot::advisor* advisor_;
};
bot::advisor* Advisor::advisor_ = nullptr;

TEST_F(Advisor, AnswerHasTheFullShape) {
  bot::conversation c;
  auto a = advisor_->ask(c, "lening voor mijn bakkerij in Zwolle");
  for (const char* key : {"question", "did_you_mean", "profile", "understood", "matches", "hints",
                          "followup", "desk", "reply"})
    EXPECT_TRUE(a.contains(key)) << key;
  EXPECT_FALSE(a.at("reply").as_string().empty());
  EXPECT_EQ(a.at("profile").as_object().at("gemeente").as_string(), "zwolle");
  EXPECT_EQ(a.at("profile").as_object().at("provincie").as_string(), "overijssel");
}

TEST_F(Advisor, VagueQuestionAsksThePurposeFirst) {
  bot::conversation c;
  auto a = advisor_->ask(c, "ik zoek geld");
  EXPECT_EQ(followup(a), "doel");
  ASSERT_FALSE(a.at("followup").as_object().at("options").as_array().empty());
}

TEST_F(Advisor, FactsAreReadFromTheCorrectedMessage) {
  // "ovtrnemen" is corrected to "overnemen", and that names the purpose; "schoonvaeer" is one
  // letter from a word of the word list that no text has.
  bot::conversation c;
  auto a = advisor_->ask(c, "ik wil de zaak van mijn schoonvaeer ovtrnemen");
  ASSERT_TRUE(a.at("did_you_mean").is_string());
  EXPECT_EQ(a.at("did_you_mean").as_string(), "ik wil de zaak van mijn schoonvader overnemen");
  const auto& profile = a.at("profile").as_object();
  ASSERT_TRUE(profile.contains("doel"));
  EXPECT_EQ(profile.at("doel").as_string(), "overname");
}

TEST_F(Advisor, AVagueQuestionIsShownBackAsTyped) {
  // Searched together with its purpose's label, but shown (and corrected) as the user typed it.
  bot::conversation c;
  auto a = advisor_->ask(c, "subsidei zonnepanelen");
  EXPECT_EQ(a.at("question").as_string(), "subsidei zonnepanelen");
  ASSERT_TRUE(a.at("did_you_mean").is_string());
  EXPECT_EQ(a.at("did_you_mean").as_string(), "subsidie zonnepanelen");
  // "Why" names only words the user typed, not those of the label ("Verduurzamen of energie
  // besparen").
  const auto& matches = a.at("matches").as_array();
  ASSERT_FALSE(matches.empty());
  bool named_typed_word = false;
  for (const auto& m : matches)
    for (const auto& why : m.as_object().at("why").as_array()) {
      std::string w(why.as_string());
      EXPECT_EQ(w.find("Verduurzamen"), std::string::npos) << w;
      EXPECT_EQ(w.find("besparen"), std::string::npos) << w;
      named_typed_word = named_typed_word || w.find("zonnepanelen") != std::string::npos;
    }
  EXPECT_TRUE(named_typed_word);
}

struct followup_case {
  const char* profile;
  const char* question;
};

class AdvisorFollowup : public Advisor, public testing::WithParamInterface<followup_case> {};

// Whatever is asked next is unknown and decides at least one open hint.
TEST_P(AdvisorFollowup, NeverAsksAKnownFieldAndAsksWhatDecides) {
  const auto& corpus = advisor_->snap().corpus;
  bot::conversation c;
  c.profile = kb::profile_from_json(json::parse(GetParam().profile), corpus.fields, corpus.places);
  c.profile.derive(corpus.fields, corpus.places, kb::date::today());
  auto a = advisor_->ask(c, GetParam().question);
  std::string next = followup(a);
  if (next.empty()) return;
  EXPECT_FALSE(c.profile.has(next)) << next;
  if (next == "doel") return;
  bool decides = false;
  for (const auto& h : a.at("hints").as_array())
    for (const auto& f : h.as_object().at("open_fields").as_array()) {
      std::string open(f.as_string());
      const kb::field_def* def = corpus.fields.find(open);
      decides |= open == next || (def && def->derived_from == next);
    }
  EXPECT_TRUE(decides) << next;
}

INSTANTIATE_TEST_SUITE_P(
    Table, AdvisorFollowup,
    testing::Values(
        followup_case{"{}", "ik wil een bedrijf overnemen"},
        followup_case{R"({"werkzame_personen": 12})", "voucher voor financieringsadvies"},
        followup_case{R"({"gemeente": "zwolle", "werkzame_personen": 5, "jaaromzet": 400000})",
                      "borgstelling voor een lening"},
        followup_case{R"({"doel": "verduurzaming"})", "subsidie voor zonnepanelen"},
        followup_case{R"({"leeftijd_ondernemer": 30, "bank_afgewezen": true})",
                      "ik wil starten vanuit de bijstand"}));

TEST_F(Advisor, IneligibleHintNamesTheFailedCriterion) {
  const auto& corpus = advisor_->snap().corpus;
  bot::conversation c;
  c.profile =
      kb::profile_from_json(json::parse(R"({"werkzame_personen": 400, "gemeente": "Deventer"})"),
                            corpus.fields, corpus.places);
  c.profile.derive(corpus.fields, corpus.places, kb::date::today());
  auto a = advisor_->ask(c, "voucher voor financieringsadvies");
  const auto* h = hint(a, "overijssel-voucher-financieringsadvies");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->at("verdict").as_string(), "ineligible");
  EXPECT_EQ(h->at("failed").as_array().size(), 1u);
  EXPECT_EQ(h->at("failed").as_array()[0].as_string(), "mkb");
  bool text = false;
  for (const auto& cr : h->at("criteria").as_array())
    text |= cr.as_object().at("result").as_string() == "failed" &&
            !cr.as_object().at("text").as_string().empty();
  EXPECT_TRUE(text);
  EXPECT_NE(a.at("reply").as_string().find("niet in aanmerking"), std::string::npos);
}

TEST_F(Advisor, VouchersOfTheRegionAreHintedEvenWhenNotMatched) {
  bot::conversation c;
  auto a = advisor_->ask(c, "ik heb een bakkerij in Goor en zoek een lening voor een nieuwe oven");
  EXPECT_NE(hint(a, "overijssel-mkb-voucher"), nullptr);
  bot::conversation elsewhere;
  auto b = advisor_->ask(
      elsewhere, "ik heb een bakkerij in Apeldoorn en zoek een lening voor een nieuwe oven");
  EXPECT_EQ(hint(b, "overijssel-mkb-voucher"), nullptr);
}

// Three turns: a question, the answer to the follow-up (quick reply), a correction.
TEST_F(Advisor, ScriptedConversation) {
  bot::conversation c;
  auto t1 = advisor_->ask(c, "ik wil een bakkerij overnemen in Goor");
  const auto& p1 = t1.at("profile").as_object();
  EXPECT_EQ(p1.at("doel").as_string(), "overname");
  EXPECT_EQ(p1.at("gemeente").as_string(), "hof van twente");
  EXPECT_EQ(p1.at("provincie").as_string(), "overijssel");
  const auto* v1 = hint(t1, "overijssel-mkb-voucher");
  ASSERT_NE(v1, nullptr);
  EXPECT_EQ(v1->at("verdict").as_string(), "unknown");
  EXPECT_EQ(v1->at("met").as_array().size(), 1u);  // in Overijssel
  std::string f1 = followup(t1);
  EXPECT_FALSE(f1.empty());
  EXPECT_FALSE(c.profile.has(f1));

  auto t2 = advisor_->answer_field(c, "werkzame_personen", json::value(12));
  EXPECT_EQ(t2.at("profile").as_object().at("werkzame_personen").as_int64(), 12);
  EXPECT_NE(followup(t2), "werkzame_personen");
  const auto* v2 = hint(t2, "overijssel-mkb-voucher");
  ASSERT_NE(v2, nullptr);
  EXPECT_EQ(v2->at("verdict").as_string(), "unknown");  // turnover or balance still open
  EXPECT_EQ(c.last_question, "ik wil een bakkerij overnemen in Goor");

  auto t3 = advisor_->ask(c, "nee, we zijn met 30 medewerkers en de omzet is 2 miljoen");
  const auto& p3 = t3.at("profile").as_object();
  EXPECT_EQ(p3.at("werkzame_personen").as_int64(), 30);  // the later statement wins
  EXPECT_EQ(p3.at("jaaromzet").as_int64(), 2000000);
  EXPECT_EQ(p3.at("doel").as_string(), "overname");                     // kept from turn 1
  EXPECT_EQ(c.last_question, "ik wil een bakkerij overnemen in Goor");  // facts only: same question
  const auto* v3 = hint(t3, "overijssel-mkb-voucher");
  ASSERT_NE(v3, nullptr);
  EXPECT_EQ(v3->at("verdict").as_string(), "eligible");
  EXPECT_NE(followup(t3), "werkzame_personen");
  EXPECT_NE(followup(t3), "jaaromzet");
}

TEST_F(Advisor, QuickReplyRejectsBadValuesAndNullForgets) {
  bot::conversation c;
  advisor_->ask(c, "lening voor mijn bedrijf in Zwolle");
  EXPECT_THROW(advisor_->answer_field(c, "medewerkers", json::value(3)), kb::profile_error);
  EXPECT_THROW(advisor_->answer_field(c, "werkzame_personen", json::value("veel")),
               kb::profile_error);
  advisor_->answer_field(c, "gemeente", json::value(nullptr));
  EXPECT_FALSE(c.profile.has("gemeente"));
  EXPECT_FALSE(c.profile.has("provincie"));  // derived from the forgotten gemeente
}

TEST_F(Advisor, ConversationRoundTripsThroughJson) {
  const auto& corpus = advisor_->snap().corpus;
  bot::conversation c;
  advisor_->ask(c, "ik heb een vof met 3 medewerkers in Kampen");
  auto j = bot::conversation_to_json(c);
  auto back = bot::conversation_from_json(j, corpus.fields, corpus.places);
  back.profile.derive(corpus.fields, corpus.places, kb::date::today());
  EXPECT_EQ(kb::profile_to_json(back.profile), kb::profile_to_json(c.profile));
  EXPECT_EQ(back.last_question, c.last_question);
}

}  // namespace
