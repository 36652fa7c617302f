// Search behaviour on the shipped corpus (ranking rules, spelling, synonyms, JSON shape), and
// the coordination factor on a three-text corpus of its own.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "bot/search.hpp"
#include "indexer/analyzer.hpp"
#include "indexer/fields.hpp"
#include "kb/text.hpp"
#include "test_support.hpp"

namespace {

class Search : public testing::Test {
 protected:
  static void SetUpTestSuite() { searcher_ = new bot::searcher(test::shipped_snapshot()); }
  static void TearDownTestSuite() { delete searcher_; }
  static std::vector<std::string> top(const std::string& q, std::size_t n = 3) {
    std::vector<std::string> ids;
    for (const auto& m : searcher_->search(q, n).matches) ids.push_back(m.inst->id);
    return ids;
  }
  static bool in_top(const std::string& q, const std::string& id, std::size_t n = 3) {
    auto ids = top(q, n);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }
  /// The Xapian query a question becomes (as `ask --explain` prints it).
  static std::string query_of(const std::string& q) {
    searcher_->describe_queries(true);
    auto d = searcher_->search(q, 3).query_description;
    searcher_->describe_queries(false);
    return d;
  }
  static bot::searcher* searcher_;
};
bot::searcher* Search::searcher_ = nullptr;

TEST_F(Search, ExpiredSchemeAskedByNameComesFirstAndIsMarked) {
  auto r = searcher_->search("kan ik de tozo nog aanvragen", 3);
  ASSERT_FALSE(r.matches.empty());
  EXPECT_EQ(r.matches[0].inst->id, "tozo");
  EXPECT_EQ(r.matches[0].inst->status, "verlopen");
  bool says_expired = false;
  for (const auto& w : r.matches[0].why) says_expired |= w.find("verlopen") != std::string::npos;
  EXPECT_TRUE(says_expired);
}

TEST_F(Search, ANameSharedWithAnOpenSchemeNamesTheOpenOne) {
  // "BL" is in the titles of the BL (closed, not expired) and of the expired BL-C: it names the
  // BL, and the BL-C, whose title also has "Borgstelling MKB-landbouwkredieten", is not taken
  // as described either. The expired scheme is named only by what the other lacks ("bmkb-c").
  struct name_case {
    const char* question;
    const char* first;
  };
  for (const auto& c : {name_case{"valt mijn lening voor een kas onder de BL of de BMKB",
                                  "borgstelling-mkb-landbouwkredieten"},
                        name_case{"hoe werkt de bmkb", "bmkb"},
                        name_case{"kan ik de bmkb-c nog aanvragen", "bmkb-c"},
                        name_case{"kan ik de bl-c nog aanvragen", "bl-c"}}) {
    auto r = searcher_->search(c.question, 3);
    ASSERT_FALSE(r.matches.empty()) << c.question;
    EXPECT_EQ(r.matches[0].inst->id, c.first) << c.question;
  }
}

TEST_F(Search, ExpiredSchemesRankBelowOpenOnesWhenNotNamed) {
  // The corona guarantees (bmkb-c, bl-c, kkc) are expired: a general question about a
  // guarantee must lead with schemes that still exist.
  for (const char* q :
       {"borgstelling voor een banklening", "garantie op een krediet voor mijn bedrijf",
        "krediet met een garantie van de overheid"}) {
    auto r = searcher_->search(q, 5);
    ASSERT_FALSE(r.matches.empty()) << q;
    EXPECT_FALSE(r.matches[0].inst->expired()) << q << ": " << r.matches[0].inst->id;
  }
}

TEST_F(Search, ExpiredFamilyNamedByAWordOfItsTitles) {
  // "corona" appears only in titles of expired schemes: it names them.
  auto r = searcher_->search("krediet in coronatijd", 3);
  ASSERT_FALSE(r.matches.empty());
  EXPECT_TRUE(r.matches[0].inst->expired()) << r.matches[0].inst->id;
}

TEST_F(Search, SpellingCorrectsUnknownWordsOnly) {
  auto r = searcher_->search("subsidei voor zonnepanelen", 3);
  ASSERT_TRUE(r.did_you_mean);
  EXPECT_NE(r.did_you_mean->find("subsidie"), std::string::npos);
  EXPECT_FALSE(searcher_->search("subsidie voor zonnepanelen", 3).did_you_mean);
  EXPECT_FALSE(searcher_->search("lening voor een bakkerij", 3).did_you_mean);  // correct Dutch
  // A compound of dictionary words with a known head is not a typo; one whose head is a typo
  // that happens to be a word ("boord") is.
  EXPECT_FALSE(searcher_->search("lening voor een mestverwerkingsinstallatie", 3).did_you_mean);
  auto typo = searcher_->search("ondernemersklankboord", 3);
  ASSERT_TRUE(typo.did_you_mean);
  EXPECT_NE(typo.did_you_mean->find("ondernemersklankbord"), std::string::npos);
  // Suggestions also come from the synonyms' words, which few titles hold: "failiet" is one
  // letter from the synonym key "failliet" and two from the title word "familie".
  for (const auto& [typo_word, meant] :
       {std::pair{"failiet", "failliet"}, std::pair{"faillisement", "faillissement"}}) {
    auto s = searcher_->search(std::string("mijn zaak gaat bijna ") + typo_word, 3);
    ASSERT_TRUE(s.did_you_mean) << typo_word;
    EXPECT_NE(s.did_you_mean->find(meant), std::string::npos) << *s.did_you_mean;
  }
  // A word of the word list one letter off, when the table has nothing; not a diminutive of a
  // known word, nor a place.
  auto slip = searcher_->search("mijn schoonvaeer wil geld in mijn zaak steken", 3);
  ASSERT_TRUE(slip.did_you_mean);
  EXPECT_NE(slip.did_you_mean->find("schoonvader"), std::string::npos) << *slip.did_you_mean;
  EXPECT_FALSE(searcher_->search("wie leent zo'n beginnertje wat geld", 3).did_you_mean);
  EXPECT_FALSE(searcher_->search("een werfje in giethoorn", 3).did_you_mean);
  EXPECT_FALSE(searcher_->search("een bakkerij in lemele", 3).did_you_mean);
  // And from the frequent words of the other fields: "vrijwilliger" and "verzekering" are in
  // no title or keyword list.
  for (const auto& [typo_word, meant] :
       {std::pair{"vrijwiliger", "vrijwilliger"}, std::pair{"verzekring", "verzekering"}}) {
    auto s = searcher_->search(std::string("een ") + typo_word + " voor mijn zaak", 3);
    ASSERT_TRUE(s.did_you_mean) << typo_word;
    EXPECT_NE(s.did_you_mean->find(meant), std::string::npos) << *s.did_you_mean;
  }
}

TEST_F(Search, ARealWordBesideATitleWordIsASlipOfTheTitle) {
  // "Agatha" is a Dutch word (a name), so the speller leaves it alone; beside "Tante" it is
  // the Tante Agaath-regeling, written as the user wrote it, and named.
  auto r =
      searcher_->search("Bestaat de Tante Agatha regeling nog als mijn broer mij geld leent?", 3);
  ASSERT_TRUE(r.did_you_mean);
  EXPECT_NE(r.did_you_mean->find("Tante Agaath regeling"), std::string::npos) << *r.did_you_mean;
  ASSERT_FALSE(r.matches.empty());
  EXPECT_EQ(r.matches[0].inst->id, "tante-agaath");
  EXPECT_NE(std::find(r.matches[0].why.begin(), r.matches[0].why.end(),
                      "U noemde deze regeling bij naam."),
            r.matches[0].why.end());
  // "Weiden" (meadows) beside "Reest" is the Kredietunie Reest & Wieden.
  auto k = searcher_->search("hoe werkt de kredietunie reest en weiden", 3);
  ASSERT_TRUE(k.did_you_mean);
  EXPECT_NE(k.did_you_mean->find("reest en wieden"), std::string::npos) << *k.did_you_mean;
  // Without a word of that title beside it, a real word stays itself.
  EXPECT_FALSE(searcher_->search("ik wil nieuwe weiden voor mijn koeien kopen", 3).did_you_mean);
  EXPECT_FALSE(searcher_->search("mijn oma Agatha wil mij geld lenen", 3).did_you_mean);
  // An acronym written wrongly keeps its capitals.
  auto a = searcher_->search("Iemand noemde de WSBO", 3);
  ASSERT_TRUE(a.did_you_mean);
  EXPECT_NE(a.did_you_mean->find("WBSO"), std::string::npos) << *a.did_you_mean;
}

TEST_F(Search, AHyphenatedAcronymWrittenClosedIsThatAcronym) {
  // No text has "blc": the speller skips words this short, so nothing was found.
  for (const auto& [question, id, shown] :
       {std::tuple{"is de BLC nog open", "bl-c", "BL-C"},
        std::tuple{"kan ik de bmkbc nog krijgen", "bmkb-c", "bmkb-c"}}) {
    auto r = searcher_->search(question, 3);
    ASSERT_TRUE(r.did_you_mean) << question;
    EXPECT_NE(r.did_you_mean->find(shown), std::string::npos) << *r.did_you_mean;
    ASSERT_FALSE(r.matches.empty()) << question;
    EXPECT_EQ(r.matches[0].inst->id, id) << question;
  }
}

TEST_F(Search, SynonymsAndInformalWords) {
  EXPECT_TRUE(in_top("ik sta steeds rood", "bank-rekening-courantkrediet"));
  EXPECT_TRUE(in_top("wbso", "wbso", 1));
  EXPECT_TRUE(in_top("bmkb", "bmkb", 1));
  // Someone who wants to invest in you is an investor, not your own investment.
  EXPECT_TRUE(in_top("waar vind ik iemand die wil investeren in mijn app", "business-angels"));
}

TEST_F(Search, CompoundsMeetTheirParts) {
  EXPECT_TRUE(in_top("werkkapitaalfinanciering", "bank-rekening-courantkrediet", 5) ||
              in_top("werkkapitaalfinanciering", "factoring", 5));
  EXPECT_TRUE(in_top("borgstellingskrediet", "bmkb"));
}

TEST_F(Search, ACompoundPartIsNeverATitleAcronym) {
  // "lunchroom" splits into "lunch" and "room", which stems to "rom": the ROM's acronym. A part
  // of a closed compound must not name a scheme; a hyphenated one may ("bmkb-krediet").
  EXPECT_EQ(query_of("een lunchroom met schulden").find("Zrom"), std::string::npos)
      << query_of("een lunchroom met schulden");
  EXPECT_FALSE(in_top("een lunchroom met schulden", "regionale-ontwikkelingsmaatschappijen"));
  EXPECT_NE(query_of("een bmkb-krediet").find("Zbmkb"), std::string::npos)
      << query_of("een bmkb-krediet");
  // The acronym itself, written closed, is meant: "bmkbkrediet" asks for the BMKB.
  EXPECT_NE(query_of("een bmkbkrediet").find("Zbmkb "), std::string::npos)
      << query_of("een bmkbkrediet");
  EXPECT_TRUE(in_top("een bmkbkrediet", "bmkb", 1));
}

TEST_F(Search, RegionalSchemeBoostedForItsRegion) {
  auto r = searcher_->search("lening om te verduurzamen in Goor", 5);
  ASSERT_FALSE(r.place == std::nullopt);
  EXPECT_EQ(r.place->gemeente, "hof van twente");
  bool boosted = false;
  for (const auto& m : r.matches)
    for (const auto& w : m.why) boosted |= w.find("Geldt in uw regio") != std::string::npos;
  EXPECT_TRUE(boosted);
}

TEST_F(Search, ATownIsARegionNotASearchWord) {
  // "Haaksbergen" is used for the region rules only: not as a word, nor split into "haak" and
  // "bergen".
  auto r = searcher_->search("advies over robotisering in Haaksbergen", 5);
  ASSERT_TRUE(r.place);
  EXPECT_EQ(r.place->gemeente, "haaksbergen");
  ASSERT_FALSE(r.matches.empty());
  for (const auto& m : r.matches)
    for (const auto& w : m.why)
      if (w.rfind("Past bij uw woorden", 0) == 0) {
        EXPECT_EQ(w.find("Haaksbergen"), std::string::npos) << w;
      }
  auto d = query_of("advies over robotisering in Haaksbergen");
  EXPECT_EQ(d.find("haak"), std::string::npos) << d;
  EXPECT_EQ(d.find("berg"), std::string::npos) << d;
}

TEST_F(Search, ExpiredSchemeDescribedWithoutItsNameIsShownAndMarked) {
  // The Tante Agaath-regeling (expired) described by what it did, without its name.
  auto r = searcher_->search(
      "bestaat er nog belastingvoordeel voor familie en vrienden die een starter geld lenen", 3);
  auto it = std::find_if(r.matches.begin(), r.matches.end(),
                         [](const bot::match& m) { return m.inst->id == "tante-agaath"; });
  ASSERT_NE(it, r.matches.end());
  bool marked = false, described = false;
  for (const auto& w : it->why) {
    marked |= w.find("verlopen") != std::string::npos;
    described |= w.find("beschrijft") != std::string::npos;
  }
  EXPECT_TRUE(marked);
  EXPECT_TRUE(described);
}

TEST_F(Search, APhraseSynonymEatsItsWords) {
  // "bank wil niet" searches for being turned down, not for "bank" alone.
  auto d = query_of("de bank wil niet");
  EXPECT_NE(d.find("Zafgewez"), std::string::npos) << d;
  EXPECT_EQ(d.find("Zbank SYNONYM"), std::string::npos) << d;
}

TEST_F(Search, WordsInMostTextsStillFindSomethingAlone) {
  // Words found in more than 70 % of the texts are left out only while two others remain.
  EXPECT_FALSE(searcher_->search("kosten", 3).matches.empty());
  EXPECT_FALSE(searcher_->search("bedrijf", 3).matches.empty());
}

TEST_F(Search, OnlyWordsInMostTextsAreLeftOut) {
  // "kost" is in nearly every shipped text and says nothing; "bank" is in about half of them
  // and says what the entrepreneur is dealing with.
  auto d = query_of("wat kost een krediet van de bank voor mijn bakkerij");
  EXPECT_EQ(d.find("Zkost"), std::string::npos) << d;
  EXPECT_NE(d.find("Zbank"), std::string::npos) << d;
  EXPECT_NE(d.find("Zbakkerij"), std::string::npos) << d;
}

TEST_F(Search, WhyNamesTheMatchedWords) {
  auto r = searcher_->search("borgstelling voor een banklening", 3);
  ASSERT_FALSE(r.matches.empty());
  ASSERT_FALSE(r.matches[0].why.empty());
  EXPECT_EQ(r.matches[0].why[0].rfind("Past bij uw woorden: ", 0), 0u) << r.matches[0].why[0];
  EXPECT_NE(r.matches[0].why[0].find("borgstelling"), std::string::npos) << r.matches[0].why[0];
}

TEST_F(Search, TheKindAskedForComesFirst) {
  // The same topic, asked as a subsidy or as a guarantee: the kind named leads.
  struct kind_case {
    const char* question;
    const char* kind;
  };
  for (const auto& c : {kind_case{"subsidie om mijn pand te verduurzamen", "subsidie"},
                        kind_case{"garantie om mijn pand te verduurzamen", "garantie"},
                        kind_case{"een voucher voor advies", "voucher"},
                        // A verb that asks for a kind: coaching is advice.
                        kind_case{"wie kan mij coachen nu mijn bedrijf snel groeit", "advies"}}) {
    auto r = searcher_->search(c.question, 3);
    ASSERT_FALSE(r.matches.empty()) << c.question;
    EXPECT_EQ(r.matches[0].inst->kind, c.kind) << c.question << ": " << r.matches[0].inst->id;
  }
}

TEST_F(Search, AFundAboveWhatThePurposeCostsDrops) {
  // Wadinko starts at € 1 million: a € 180,000 purchase cannot need it. What the purpose costs
  // bounds what is needed only while the amount needed itself is unknown.
  const std::string q = "een investeerder die aandelen koopt bij de overname";
  auto score_of = [&](const bot::preferences& p) {
    for (const auto& m : searcher_->search(q, 20, std::nullopt, &p).matches)
      if (m.inst->id == "wadinko") return m.score;
    return 0.0;
  };
  const double plain = score_of({});
  ASSERT_GT(plain, 0);
  bot::preferences small, large, needed;
  small.investment = 180000;
  large.investment = 2000000;
  needed.investment = 180000;
  needed.amount = 1500000;
  EXPECT_LT(score_of(small), plain);
  EXPECT_DOUBLE_EQ(score_of(large), plain);
  EXPECT_DOUBLE_EQ(score_of(needed), plain);
}

TEST_F(Search, TheAskingSentenceOfALongMessageWeighsMore) {
  searcher_->describe_queries(true);
  auto story = searcher_->search(
      "Wij hebben een bakkerij in het dorp. Is er een subsidie voor zonnepanelen?", 3);
  auto single = searcher_->search("subsidie voor zonnepanelen bij een bakkerij", 3);
  auto decimals = searcher_->search("een lening van 40.000 euro of 1.5 ton", 3);
  searcher_->describe_queries(false);
  // "zonnepanelen" is in the asking sentence, "bakkerij" in the story before it.
  EXPECT_NE(story.query_description.find("1.5 * (Zzonnepanel"), std::string::npos)
      << story.query_description;
  EXPECT_EQ(story.query_description.find("1.5 * Zbakkerij"), std::string::npos)
      << story.query_description;
  // One sentence, or only the '.' of a number: nothing weighs more.
  EXPECT_EQ(single.query_description.find("1.5 *"), std::string::npos) << single.query_description;
  EXPECT_EQ(decimals.query_description.find("1.5 *"), std::string::npos)
      << decimals.query_description;
}

/// The number of words (slots) OR-ed at the top of a query description.
std::size_t top_level_slots(const std::string& description) {
  std::size_t slots = 1, depth = 0;
  for (std::size_t i = 0; i < description.size(); ++i) {
    if (description[i] == '(') ++depth;
    if (description[i] == ')') --depth;
    // "Query((a OR b))": the slots are at depth 2.
    if (depth == 2 && description.compare(i, 4, " OR ") == 0) ++slots;
  }
  return slots;
}

TEST_F(Search, ALongMessageKeepsItsTwelveStrongestWords) {
  const std::string long_message = query_of(
      "we hebben een melkveebedrijf in de familie en willen de stallen verduurzamen en een "
      "mestverwerkingsinstallatie plaatsen, totaal zo'n 1,8 miljoen, de bank wil meedoen maar "
      "alleen met een garantie van de overheid, welke borgstelling is er specifiek voor "
      "landbouwbedrijven en kan dat ook met groene financiering");
  EXPECT_EQ(top_level_slots(long_message), 12u) << long_message;
  // Words in titles and keywords, and rare ones, stay; words that say little go.
  for (const char* kept : {"Zmelkveebedrijf", "Zmestverwerkingsinstallatie", "Zborgstell"})
    EXPECT_NE(long_message.find(kept), std::string::npos) << kept << " in " << long_message;
  for (const char* left_out : {"Ztotal ", "Zspecifiek", "N1800000"})
    EXPECT_EQ(long_message.find(left_out), std::string::npos) << left_out << " in " << long_message;
  // A question of twelve words or fewer keeps them all.
  const std::string short_question = query_of("zonnepanelen op het dak van mijn bakkerij");
  EXPECT_EQ(top_level_slots(short_question), 3u) << short_question;
}

TEST_F(Search, AHeadCountIsNoSearchWord) {
  struct man_case {
    const char* question;
    bool searches_man;
  };
  for (const auto& c : {man_case{"lening voor een drukkerij met vijftien man personeel", false},
                        man_case{"wij hebben 6 man in dienst en zoeken een lening", false},
                        man_case{"mijn man en ik willen een zaak beginnen", true},
                        man_case{"een man alleen kan geen lening krijgen", true}}) {
    auto q = query_of(c.question);
    EXPECT_EQ(q.find("Zman") != std::string::npos, c.searches_man) << c.question << ": " << q;
  }
}

TEST_F(Search, TheSnippetIsAWholeSentence) {
  // The sentence that fits best, whole: not cut at a line the corpus wraps, nor after the '.'
  // of an amount. Both sentences below are wrapped over two lines in the Markdown body.
  struct snippet_case {
    const char* question;
    const char* id;
    const char* snippet;
  };
  for (const auto& c : {
           snippet_case{"innovatieve starter kan de kosten van de vroege fase lenen",
                        "oost-nl-proof-of-concept-vff",
                        "Een innovatieve starter kan 100% van de kosten van de vroege fase lenen, "
                        "tussen € 50.000 en € 350.000."},
           snippet_case{"hoeveel kan ik maximaal lenen bij qredits microkrediet",
                        "qredits-microkrediet",
                        "Met een microkrediet leent u bij Qredits een klein bedrag voor uw "
                        "bedrijf: maximaal € 50.000."},
       }) {
    auto r = searcher_->search(c.question, 3);
    ASSERT_FALSE(r.matches.empty()) << c.question;
    EXPECT_EQ(r.matches[0].inst->id, c.id) << c.question;
    EXPECT_EQ(r.matches[0].snippet, c.snippet) << c.question;
  }
}

TEST_F(Search, PlainWordsAreNotPlaces) {
  EXPECT_FALSE(searcher_->search("wat is de beste lening", 3).place);  // "best" is a gemeente too
}

TEST_F(Search, CommonWordsStayWhenTheRestIsUnknown) {
  // "lening", a part of "opstartlening", is in most texts and is normally left out; but no text
  // has "opstart" or "fietsenreparatiewerkplaats", so without it nothing would be found.
  auto r = searcher_->search("een opstartlening voor mijn fietsenreparatiewerkplaats", 3);
  ASSERT_FALSE(r.matches.empty());
  EXPECT_EQ(r.matches[0].inst->kind, "lening") << r.matches[0].inst->id;
}

TEST_F(Search, NothingToSearchGivesNoMatches) {
  EXPECT_TRUE(searcher_->search("ik wil het", 3).matches.empty());
  EXPECT_TRUE(searcher_->search("", 3).matches.empty());
}

TEST_F(Search, JsonShape) {
  auto j = bot::to_json(searcher_->search("lening voor starters", 2));
  EXPECT_TRUE(j.at("question").is_string());
  EXPECT_TRUE(j.at("did_you_mean").is_null());
  const auto& matches = j.at("matches").as_array();
  ASSERT_EQ(matches.size(), 2u);
  for (const auto& m : matches) {
    const auto& o = m.as_object();
    for (const char* key : {"id", "title", "kind", "status", "snippet", "source", "last_checked"})
      EXPECT_TRUE(o.at(key).is_string()) << key;
    EXPECT_TRUE(o.at("score").is_double());
    EXPECT_TRUE(o.at("why").is_array());
  }
}

}  // namespace

TEST_F(Search, AWordOnlyExampleQuestionsHaveFindsTheirInstrument) {
  // voorbeeldvragen carry entrepreneurs' words that no other field has ("kapsalon"): each such
  // word, asked alone, finds the one instrument whose example questions hold it. Among the first
  // three, not always first: a word's lemma may still meet another text's word.
  auto snap = test::shipped_snapshot();
  indexer::analyzer an(snap->lex);
  std::map<std::string, std::set<std::string>>
      owners;                                  // stem -> instruments whose questions have it
  std::map<std::string, std::string> word_of;  // stem -> a plain word with that stem
  // The stems of every other field of every instrument, and of the synonyms, which lead a word
  // to other words ("uitbreiden" -> investering).
  std::set<std::string> elsewhere;
  for (const auto& e : snap->corpus.synonyms)
    for (const auto& p : e.phrases)
      for (const auto& w : an.analyze(p)) elsewhere.insert(w.stem);
  for (const auto& inst : snap->corpus.instruments) {
    std::string other = inst.id;
    for (const auto& f : indexer::searchable_fields(inst))
      if (std::string_view(f.name) != "voorbeeldvragen") other += "\n" + f.text;
    for (const auto& w : an.analyze(other)) {
      elsewhere.insert(w.stem);
      for (const auto& p : w.part_stems) elsewhere.insert(p);
    }
    // A compound's parts count as its words: "bloemenzaak" has "bloemen" too.
    for (const auto& q : inst.example_questions)
      for (const auto& w : an.analyze(q)) {
        if (w.stop || w.number) continue;
        owners[w.stem].insert(inst.id);
        for (const auto& p : w.part_stems) owners[p].insert(inst.id);
        if (w.folded.size() >= 5 && w.parts.empty()) word_of.emplace(w.stem, w.folded);
      }
  }
  std::size_t checked = 0;
  for (const auto& [stem, word] : word_of) {
    const auto& ids = owners[stem];
    if (ids.size() != 1 || elsewhere.count(stem) || an.analyze(word).size() != 1) continue;
    ++checked;
    EXPECT_TRUE(in_top(word, *ids.begin()))
        << word << ": expected " << *ids.begin() << ", got " << kb::join(top(word), ", ");
  }
  EXPECT_GT(checked, 100u);  // the shipped example questions hold many such words
}

TEST(Coordination, ALongQuestionPrefersTheTextThatMeetsMoreOfItsWords) {
  // One text has one word of the question in its title, its keywords and three times in its
  // body; another has three other words of the question, each once in its body. BM25 with
  // k1 = 5 ranks the first higher (2.58 against 2.09: a title word counts six times). The
  // question's words are what the entrepreneur needs, and the second text meets more of them.
  test::temp_dir dir;
  for (const char* name : {"loketten.yaml", "plaatsen.tsv", "synoniemen.txt", "velden.yaml"}) {
    std::ifstream in(test::mini_corpus() / name, std::ios::binary);
    dir.write(name, std::string(std::istreambuf_iterator<char>(in), {}));
  }
  dir.write("toetsvragen.tsv", "# soort: gewoon\nfoodtruck\ttest-truck\n");
  auto doc = [&](const std::string& id, const std::string& title, const std::string& keywords,
                 const std::string& body) {
    dir.write("instrumenten/" + id + ".md",
              "---\nid: " + id + "\ntitel: " + title +
                  "\naanbieder: Testbank\nsoort: lening\nfasen: [start]\nregio: nederland\n"
                  "status: doorlopend\ntrefwoorden: [" +
                  keywords + "]\nbronnen: [https://example.org/" + id +
                  "]\nlaatst_gecontroleerd: 2026-11-01\n---\n## Wat is het\n" + body + "\n");
  };
  doc("test-truck", "Lening voor uw foodtruck", "foodtruck",
      "U leent geld om een foodtruck te kopen. Met een foodtruck gaat u de weg op. Een foodtruck "
      "staat op markten en feesten.");
  doc("test-kar", "Startlening", "starten",
      "U leent geld voor een oven, een kraam of een tent voor uw zaak.");
  doc("test-advies", "Advieslening", "advies", "U leent geld om een adviseur te betalen.");
  kb::diagnostics diag;
  test::temp_dir out;
  try {
    indexer::build_index(dir.path(), out.path(), diag, {2026, 11, 27});
  } catch (const std::exception& e) {
    FAIL() << e.what() << (diag.all().empty() ? "" : ": " + diag.all().front().str());
  }
  bot::searcher s(indexer::open_index(out.path()));
  auto ids = [&](const std::string& q) {
    std::vector<std::string> r;
    for (const auto& m : s.search(q, 3).matches) r.push_back(m.inst->id);
    return kb::join(r, ", ");
  };
  // Short questions: the word decides.
  EXPECT_EQ(ids("foodtruck"), "test-truck");
  EXPECT_EQ(ids("oven"), "test-kar");
  // Four words (four slots): the text with three of them comes first. Without the
  // coordination factor this fails.
  EXPECT_EQ(ids("foodtruck oven kraam tent"), "test-kar, test-truck");
}
