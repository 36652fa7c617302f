// Every validation error class of an instrument file, one table row each.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace {

const char* const valid_front =
    "id: x\n"
    "titel: T\n"
    "aanbieder: A\n"
    "soort: lening\n"
    "fasen: [start]\n"
    "regio: overijssel\n"
    "status: open\n"
    "bronnen: [https://example.org/]\n"
    "laatst_gecontroleerd: 2026-11-01\n";

struct validation_case {
  const char* name;
  std::string front;  // replaces/extends the valid front matter
  int line;           // expected line of the first error (0: any)
  const char* message_part;
};

std::string with(const std::string& key, const std::string& line) {
  // Replace the line starting with `key:` (or append) in the valid front matter.
  std::string out;
  bool replaced = false;
  std::string src = valid_front;
  std::size_t pos = 0;
  while (pos < src.size()) {
    auto nl = src.find('\n', pos);
    std::string l = src.substr(pos, nl - pos);
    if (l.rfind(key + ":", 0) == 0) {
      if (!line.empty()) out += line + "\n";
      replaced = true;
    } else {
      out += l + "\n";
    }
    pos = nl + 1;
  }
  if (!replaced) out += line + "\n";
  return out;
}

class InstrumentValidation : public testing::TestWithParam<validation_case> {};

TEST_P(InstrumentValidation, ReportsError) {
  const auto& c = GetParam();
  kb::diagnostics base;
  kb::corpus mini = test::load_mini(base);
  ASSERT_TRUE(base.ok());
  test::temp_dir dir;
  auto file = dir.write("x.md", "---\n" + c.front + "---\nTekst.\n");
  kb::diagnostics diag;
  kb::instrument inst;
  EXPECT_FALSE(
      kb::load_instrument(file, mini.fields, mini.places, diag, kb::date{2026, 11, 27}, inst));
  ASSERT_GE(diag.error_count(), 1u);
  const auto& d = diag.all().front();
  EXPECT_EQ(d.path, file.string());
  if (c.line) {
    EXPECT_EQ(d.line, c.line) << d.str();
  }
  EXPECT_NE(d.message.find(c.message_part), std::string::npos) << d.str();
}

INSTANTIATE_TEST_SUITE_P(
    Table, InstrumentValidation,
    testing::Values(
        validation_case{"unknown_key", with("samenvating", "samenvating: x"), 11, "unknown key"},
        validation_case{"missing_key", with("aanbieder", ""), 1,
                        "missing required key 'aanbieder'"},
        validation_case{"id_not_file", with("id", "id: y"), 2, "must equal the file name"},
        validation_case{"id_charset", with("id", "id: X_1"), 2, "may only hold"},
        validation_case{"soort", with("soort", "soort: gift"), 5, "unknown soort"},
        validation_case{"fase", with("fasen", "fasen: [start, later]"), 6, "unknown fase"},
        validation_case{"fasen_empty", with("fasen", "fasen: []"), 6, "'fasen' is empty"},
        validation_case{"regio", with("regio", "regio: europa"), 7, "must be nederland"},
        validation_case{"regio_gemeente", with("regio", "regio: gemeente:atlantis"), 7,
                        "unknown gemeente"},
        validation_case{"regio_provincie", with("regio", "regio: provincie:wallonie"), 7,
                        "unknown provincie"},
        validation_case{"status", with("status", "status: misschien"), 8, "unknown status"},
        validation_case{"bron_url", with("bronnen", "bronnen: [geen url]"), 9, "is not a URL"},
        validation_case{"bronnen_empty", with("bronnen", "bronnen: []"), 9, "at least one"},
        validation_case{"date", with("laatst_gecontroleerd", "laatst_gecontroleerd: 2026-13-01"),
                        10, "must be a date"},
        validation_case{"future", with("laatst_gecontroleerd", "laatst_gecontroleerd: 2027-01-01"),
                        10, "in the future"},
        validation_case{"amount_text", with("bedrag_max", "bedrag_max: 50.000"), 11,
                        "thousands separator"},
        validation_case{"amount_order", with("bedrag_max", "bedrag_min: 10\nbedrag_max: 5"), 12,
                        "smaller than bedrag_min"},
        validation_case{"period_order",
                        with("open_tot", "open_vanaf: 2026-02-01\nopen_tot: 2026-01-01"), 12,
                        "before open_vanaf"},
        validation_case{"list_type", with("trefwoorden", "trefwoorden: {a: b}"), 11,
                        "must be a list"},
        validation_case{"list_blank_item", with("trefwoorden", "trefwoorden: [lening, \" \"]"), 11,
                        "an item of 'trefwoorden' is empty"},
        validation_case{"keyword_dup",
                        with("trefwoorden", "trefwoorden: [lening, krediet, lening]"), 11,
                        "duplicate item in 'trefwoorden': lening"},
        validation_case{"questions_type", with("voorbeeldvragen", "voorbeeldvragen: {a: b}"), 11,
                        "must be a list"},
        validation_case{"question_empty",
                        with("voorbeeldvragen", "voorbeeldvragen:\n  - Kan ik lenen?\n  - \"\""),
                        13, "is empty"},
        validation_case{
            "question_dup",
            with("voorbeeldvragen", "voorbeeldvragen:\n  - Kan ik lenen?\n  - Kan ik lenen?"), 13,
            "duplicate item in 'voorbeeldvragen'"},
        validation_case{"yaml_syntax", with("titel", "titel: [open"), 0, "YAML syntax"},
        validation_case{
            "criterion_key",
            with("voorwaarden",
                 "voorwaarden:\n  - id: a\n    tekst: t\n    test: bank_afgewezen\n    uitleg: x"),
            15, "unknown key 'uitleg'"},
        validation_case{"criterion_missing_test",
                        with("voorwaarden", "voorwaarden:\n  - id: a\n    tekst: t"), 12,
                        "missing required key 'test'"},
        validation_case{"criterion_dup",
                        with("voorwaarden",
                             "voorwaarden:\n  - {id: a, tekst: t, test: bank_afgewezen}\n  - {id: "
                             "a, tekst: t, test: bank_afgewezen}"),
                        13, "duplicate criterion id"},
        validation_case{
            "rule_syntax",
            with("voorwaarden", "voorwaarden:\n  - {id: a, tekst: t, test: \"bank_afgewezen en\"}"),
            12, "rule syntax at column 18"},
        validation_case{
            "rule_unknown_field",
            with("voorwaarden", "voorwaarden:\n  - {id: a, tekst: t, test: personeel < 5}"), 12,
            "unknown field 'personeel'"},
        validation_case{
            "rule_enum_value",
            with("voorwaarden", "voorwaarden:\n  - {id: a, tekst: t, test: sector = ruimtevaart}"),
            12, "not a value of field 'sector'"},
        validation_case{
            "rule_number_vs_word",
            with("voorwaarden", "voorwaarden:\n  - {id: a, tekst: t, test: jaaromzet = veel}"), 12,
            "expected a number"},
        validation_case{
            "rule_order_keuze",
            with("voorwaarden", "voorwaarden:\n  - {id: a, tekst: t, test: rechtsvorm > bv}"), 12,
            "cannot order field 'rechtsvorm'"},
        validation_case{"rule_bare_number",
                        with("voorwaarden", "voorwaarden:\n  - {id: a, tekst: t, test: jaaromzet}"),
                        12, "not ja_nee"},
        validation_case{
            "rule_janee_number",
            with("voorwaarden", "voorwaarden:\n  - {id: a, tekst: t, test: bank_afgewezen = 1}"),
            12, "expected ja or nee"}),
    [](const testing::TestParamInfo<validation_case>& i) { return std::string(i.param.name); });

TEST(InstrumentValidation, EmptyBodyIsAnError) {
  kb::diagnostics base;
  kb::corpus mini = test::load_mini(base);
  test::temp_dir dir;
  auto file = dir.write("x.md", std::string("---\n") + valid_front + "---\n\n  \n");
  kb::diagnostics diag;
  kb::instrument inst;
  EXPECT_FALSE(kb::load_instrument(file, mini.fields, mini.places, diag, {2026, 11, 27}, inst));
  EXPECT_NE(diag.all().front().message.find("body"), std::string::npos);
}

TEST(InstrumentValidation, ValidFileLoadsEveryKey) {
  kb::diagnostics base;
  kb::corpus mini = test::load_mini(base);
  test::temp_dir dir;
  auto file = dir.write(
      "x.md",
      std::string("---\n") + valid_front +
          "samenvatting: S\nbedrag_min: 500\nbedrag_max: 50000\n"
          "trefwoorden: [a, b]\nvoorbeeldvragen: [\"Waar leen ik geld voor een kapsalon?\"]\n"
          "regio2: x\n---\nTekst.\n");
  kb::diagnostics diag;
  kb::instrument inst;
  kb::load_instrument(file, mini.fields, mini.places, diag, {2026, 11, 27}, inst);
  ASSERT_EQ(diag.error_count(), 1u);  // only the unknown key regio2
  EXPECT_EQ(inst.id, "x");
  EXPECT_EQ(inst.kind, "lening");
  EXPECT_EQ(inst.regions, std::vector<std::string>{"overijssel"});
  EXPECT_EQ(*inst.amount_max, 50000);
  EXPECT_EQ(inst.keywords.size(), 2u);
  EXPECT_EQ(inst.example_questions,
            std::vector<std::string>{"Waar leen ik geld voor een kapsalon?"});
  EXPECT_EQ(inst.body, "Tekst.\n");
  EXPECT_EQ(inst.body_line, 18);
}

TEST(InstrumentValidation, StalenessWarnings) {
  kb::diagnostics base;
  kb::corpus mini = test::load_mini(base);
  test::temp_dir dir;
  auto file = dir.write("x.md", "---\n" +
                                    with("laatst_gecontroleerd",
                                         "laatst_gecontroleerd: 2025-01-01\nopen_tot: 2026-01-01") +
                                    "---\nTekst.\n");
  kb::diagnostics diag;
  kb::instrument inst;
  EXPECT_TRUE(kb::load_instrument(file, mini.fields, mini.places, diag, {2026, 11, 27}, inst));
  ASSERT_EQ(diag.warning_count(), 2u);
  EXPECT_NE(diag.all()[0].message.find("more than 12 months"), std::string::npos);
  EXPECT_NE(diag.all()[1].message.find("in the past but status is 'open'"), std::string::npos);
}

TEST(CorpusValidation, MiniCorpusIsClean) {
  kb::diagnostics diag;
  kb::corpus c = test::load_mini(diag);
  EXPECT_EQ(diag.error_count(), 0u);
  EXPECT_EQ(c.instruments.size(), 3u);
  ASSERT_NE(c.find("test-voucher"), nullptr);
  EXPECT_EQ(c.find("test-voucher")->criteria.size(), 3u);
  EXPECT_EQ(c.find("nope"), nullptr);
}

TEST(CorpusValidation, BrokenCorpusReportsAllErrors) {
  kb::diagnostics diag;
  kb::load_corpus(std::filesystem::path(FINWIJZER_SOURCE_DIR) / "tests/data/corpus-broken", diag,
                  {2026, 11, 27});
  // Every broken file is reported, not only the first.
  std::set<std::string> files;
  for (const auto& d : diag.all())
    if (d.level == kb::severity::error) files.insert(std::filesystem::path(d.path).filename());
  EXPECT_EQ(files, (std::set<std::string>{"bad-keys.md", "missing.md", "no-front-matter.md",
                                          "wrong-name.md", "yaml-syntax.md", "toetsvragen.tsv"}));
  EXPECT_GE(diag.error_count(), 25u);
}

}  // namespace
