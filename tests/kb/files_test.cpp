// The corpus side files: velden.yaml, plaatsen.tsv, synoniemen.txt, loketten.yaml, questions.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

TEST(Places, FoldedLookupAndGemeenten) {
  test::temp_dir d;
  auto f = d.write("p.tsv", "# c\nGoor\thof van twente\toverijssel\nzwolle\tzwolle\toverijssel\n");
  kb::diagnostics diag;
  auto p = kb::load_places(f, diag);
  ASSERT_TRUE(diag.ok());
  ASSERT_NE(p.find("GOOR"), nullptr);
  EXPECT_EQ(p.find(" goor ")->gemeente, "hof van twente");
  EXPECT_TRUE(p.is_gemeente("Hof van Twente"));  // a gemeente named only as target still counts
  EXPECT_FALSE(p.is_gemeente("goor"));
  EXPECT_EQ(p.provincie_of("zwolle"), "overijssel");
  EXPECT_EQ(p.gemeenten(), (std::vector<std::string>{"hof van twente", "zwolle"}));
}

TEST(Places, Errors) {
  test::temp_dir d;
  auto f = d.write("p.tsv",
                   "a\tb\n"
                   "x\ty\tbelgie\n"
                   "goor\thof van twente\toverijssel\n"
                   "Goor\thof van twente\toverijssel\n");
  kb::diagnostics diag;
  kb::load_places(f, diag);
  ASSERT_EQ(diag.error_count(), 3u);
  EXPECT_EQ(diag.all()[0].line, 1);
  EXPECT_NE(diag.all()[0].message.find("3 tab-separated"), std::string::npos);
  EXPECT_NE(diag.all()[1].message.find("unknown provincie"), std::string::npos);
  EXPECT_EQ(diag.all()[2].line, 4);
  EXPECT_NE(diag.all()[2].message.find("duplicate plaats"), std::string::npos);
}

TEST(Synonyms, GroupsAndOneWay) {
  test::temp_dir d;
  auto f = d.write(
      "s.txt", "# c\nLening = krediet =  Geld Lening\nzzp'er -> zelfstandige zonder personeel\n");
  kb::diagnostics diag;
  auto s = kb::load_synonyms(f, diag);
  ASSERT_TRUE(diag.ok());
  ASSERT_EQ(s.size(), 2u);
  EXPECT_FALSE(s[0].one_way);
  EXPECT_EQ(s[0].phrases, (std::vector<std::string>{"lening", "krediet", "geld lening"}));
  EXPECT_TRUE(s[1].one_way);
  EXPECT_EQ(s[1].phrases, (std::vector<std::string>{"zzp'er", "zelfstandige zonder personeel"}));
}

TEST(Synonyms, Errors) {
  test::temp_dir d;
  auto f = d.write("s.txt", "los woord\na = \nx = y\ny = z\na -> b = c\n");
  kb::diagnostics diag;
  kb::load_synonyms(f, diag);
  ASSERT_EQ(diag.error_count(), 4u);
  EXPECT_NE(diag.all()[0].message.find("expected"), std::string::npos);
  EXPECT_NE(diag.all()[1].message.find("needs a word"), std::string::npos);
  EXPECT_NE(diag.all()[2].message.find("already in the group on line 3"), std::string::npos);
  EXPECT_NE(diag.all()[3].message.find("not both"), std::string::npos);
}

TEST(Fields, MiniFieldsHaveTheContract) {
  kb::diagnostics diag;
  auto c = test::load_mini(diag);
  for (const char* name :
       {"gemeente", "provincie", "werkzame_personen", "jaaromzet", "balanstotaal",
        "oprichtingsjaar", "bedrijfsleeftijd", "rechtsvorm", "sector", "financieringsbedrag",
        "doel", "familiebedrijf", "bank_afgewezen", "in_moeilijkheden", "project_gestart",
        "kvk_ingeschreven", "leeftijd_opvolger"})
    EXPECT_NE(c.fields.find(name), nullptr) << name;
  const auto* gemeente = c.fields.find("gemeente");
  EXPECT_EQ(gemeente->choices.size(), c.places.gemeenten().size());  // from plaatsen.tsv
  EXPECT_EQ(c.fields.find("provincie")->choices.size(), 12u);
  EXPECT_EQ(c.fields.find("bedrijfsleeftijd")->derived_from, "oprichtingsjaar");
}

TEST(Fields, Errors) {
  test::temp_dir d;
  auto f = d.write("v.yaml",
                   "velden:\n"
                   "  - {naam: a, type: getal, label: A, vraag: Q}\n"
                   "  - {naam: a, type: getal, label: A, vraag: Q}\n"
                   "  - {naam: b, type: kleur, label: B, vraag: Q}\n"
                   "  - {naam: c, type: keuze, label: C, vraag: Q}\n"
                   "  - {naam: d, type: getal, label: D, vraag: Q, afgeleid_van: x}\n"
                   "  - {naam: e, type: ja_nee, label: E, vraag: Q, kleur: rood}\n");
  kb::diagnostics diag;
  kb::load_fields(f, diag);
  std::vector<std::string> msgs;
  for (const auto& x : diag.all()) msgs.push_back(std::to_string(x.line) + " " + x.message);
  ASSERT_EQ(msgs.size(), 5u) << testing::PrintToString(msgs);
  EXPECT_NE(msgs[0].find("3 duplicate field 'a'"), std::string::npos);
  EXPECT_NE(msgs[1].find("4 unknown type 'kleur'"), std::string::npos);
  EXPECT_NE(msgs[2].find("5 keuze field 'c' needs"), std::string::npos);
  EXPECT_NE(msgs[3].find("7 unknown key 'kleur'"), std::string::npos);
  EXPECT_NE(msgs[4].find("6 field 'd' is derived from unknown field 'x'"), std::string::npos);
}

TEST(Desks, ServesByGemeente) {
  kb::diagnostics diag;
  auto c = test::load_mini(diag);
  ASSERT_EQ(c.desks.size(), 2u);
  EXPECT_TRUE(c.desks[0].serves("zwolle", c.places));  // [alle]
  EXPECT_TRUE(c.desks[1].serves("Hof van Twente", c.places));
  EXPECT_FALSE(c.desks[1].serves("zwolle", c.places));
}

TEST(Desks, Errors) {
  kb::diagnostics base;
  auto c = test::load_mini(base);
  test::temp_dir d;
  auto f = d.write("l.yaml",
                   "loketten:\n"
                   "  - {id: a, naam: A, omschrijving: O, gemeenten: [atlantis], bronnen: "
                   "[https://x.nl], laatst_gecontroleerd: 2026-01-01}\n"
                   "  - {id: a, naam: A, omschrijving: O, bronnen: [https://x.nl], "
                   "laatst_gecontroleerd: 2026-01-01, telefoon: 1}\n"
                   "  - {id: b, naam: B, omschrijving: O, regio: vlaanderen, bronnen: [], "
                   "laatst_gecontroleerd: 2026-01-01, website: www.x.nl}\n");
  kb::diagnostics diag;
  kb::load_desks(f, c.places, diag);
  std::string all;
  for (const auto& x : diag.all()) all += x.message + "\n";
  EXPECT_NE(all.find("'atlantis' is not a gemeente"), std::string::npos) << all;
  EXPECT_NE(all.find("duplicate desk id 'a'"), std::string::npos) << all;
  EXPECT_NE(all.find("needs 'gemeenten'"), std::string::npos) << all;
  EXPECT_NE(all.find("'regio' must be a provincie"), std::string::npos) << all;
  EXPECT_NE(all.find("at least one URL"), std::string::npos) << all;
  EXPECT_NE(all.find("must be a URL"), std::string::npos) << all;
}

TEST(Questions, TwoAndThreeColumnForms) {
  test::temp_dir d;
  auto f = d.write(
      "q.tsv", "# soort: typfout\nsubsidei\ta, b\n# soort: naam\ntozo\tc\nlang\tik wil geld\td\n");
  kb::diagnostics diag;
  auto q = kb::load_questions(f, diag);
  ASSERT_TRUE(diag.ok());
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].kind, "typfout");
  EXPECT_EQ(q[0].expected, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(q[1].kind, "naam");
  EXPECT_EQ(q[2].kind, "lang");
  EXPECT_EQ(q[2].text, "ik wil geld");
}

}  // namespace
