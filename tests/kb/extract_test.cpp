// Profile facts from free Dutch text (kb/extract.hpp): the acceptance set
// tests/data/uitspraken.tsv, one table per pattern family, robustness on garbage, threads,
// apply_facts and the herken_* keys.
#include <gtest/gtest.h>

#include <unicode/unistr.h>
#include <boost/json.hpp>

#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <random>
#include <thread>

#include "kb/extract.hpp"
#include "kb/text.hpp"
#include "test_support.hpp"

namespace {

constexpr kb::date today{2026, 11, 27};

const kb::corpus& shipped() {
  static const kb::corpus c = [] {
    kb::diagnostics diag;
    auto out = kb::load_corpus(FINWIJZER_SOURCE_DIR "/corpus", diag, today);
    for (const auto& d : diag.all())
      if (d.level == kb::severity::error) ADD_FAILURE() << d.str();
    return out;
  }();
  return c;
}

const kb::fact_extractor& extractor() {
  static const kb::fact_extractor x(shipped().fields, shipped().places);
  return x;
}

std::string describe(const std::vector<kb::extracted_fact>& facts) {
  std::string out;
  for (const auto& f : facts)
    out += " " + f.field + "=" + kb::value_to_string(f.val) + " [" + f.evidence + "]";
  return out.empty() ? " (nothing)" : out;
}

bool same_value(const kb::value& got, const boost::json::value& want) {
  if (want.is_bool())
    return std::holds_alternative<bool>(got) && std::get<bool>(got) == want.as_bool();
  if (want.is_string())
    return std::holds_alternative<std::string>(got) &&
           std::get<std::string>(got) == want.as_string();
  if (want.is_number())
    return std::holds_alternative<double>(got) &&
           std::fabs(std::get<double>(got) - want.to_number<double>()) < 1e-6;
  return false;
}

/// Extracts from `text`, applies the facts to an empty profile and compares with the JSON object
/// `expected`: every field it names must have its value (derived ones included), and no stated
/// field outside it may appear. Returns what differs, or an empty string.
std::string mismatch(const std::string& text, const std::string& expected) {
  boost::system::error_code ec;
  boost::json::value want = boost::json::parse(expected, ec);
  if (ec || !want.is_object()) return "expectation is not a JSON object: " + expected;
  auto facts = extractor().extract(text, today);
  kb::profile p;
  kb::apply_facts(p, facts, shipped().fields, shipped().places, today);
  std::string problems;
  for (const auto& [key, v] : want.as_object()) {
    const kb::value* got = p.get(key);
    if (!got)
      problems += " missing " + std::string(key) + ";";
    else if (!same_value(*got, v))
      problems += " " + std::string(key) + " is " + kb::value_to_string(*got) + ", expected " +
                  boost::json::serialize(v) + ";";
  }
  for (const auto& [key, v] : p.values())
    if (!want.as_object().contains(key) && !p.is_derived(key))
      problems += " unexpected " + key + "=" + kb::value_to_string(v) + ";";
  return problems.empty() ? "" : problems + "\n    facts:" + describe(facts);
}

// --- The acceptance set --------------------------------------------------------------------------

TEST(ExtractAcceptance, EveryLineOfUitsprakenTsv) {
  std::ifstream in(FINWIJZER_SOURCE_DIR "/tests/data/uitspraken.tsv");
  ASSERT_TRUE(in) << "cannot open tests/data/uitspraken.tsv";
  std::vector<std::string> order;
  std::map<std::string, std::pair<int, int>> tally;  // group -> (passed, total)
  std::string group = "(geen soort)", line;
  int lineno = 0, lines = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("# soort:", 0) == 0) {
      group = std::string(kb::trim(line.substr(8)));
      continue;
    }
    if (kb::trim(line).empty() || line[0] == '#') continue;
    auto cols = kb::split(line, '\t');
    if (cols.size() != 2) {
      ADD_FAILURE() << "uitspraken.tsv:" << lineno << ": expected 2 tab-separated columns";
      continue;
    }
    ++lines;
    if (!tally.count(group)) order.push_back(group);
    auto& [passed, total] = tally[group];
    ++total;
    std::string why = mismatch(cols[0], cols[1]);
    if (why.empty())
      ++passed;
    else
      ADD_FAILURE() << "uitspraken.tsv:" << lineno << " (" << group << ") \"" << cols[0]
                    << "\":" << why;
  }
  EXPECT_GT(lines, 100);
  int all_passed = 0;
  std::cout << "uitspraken.tsv accuracy per group:\n";
  for (const auto& g : order) {
    auto [passed, total] = tally[g];
    all_passed += passed;
    std::cout << "  " << std::left << std::setw(10) << g << std::right << std::setw(4) << passed
              << " / " << std::setw(3) << total << "  " << std::fixed << std::setprecision(1)
              << 100.0 * passed / total << " %\n";
  }
  std::cout << "  " << std::left << std::setw(10) << "all" << std::right << std::setw(4)
            << all_passed << " / " << std::setw(3) << lines << "\n";
}

// --- One table per pattern family ---------------------------------------------------------------

struct extract_case {
  const char* text;
  const char* expected;  // JSON object, as in uitspraken.tsv
};

void PrintTo(const extract_case& c, std::ostream* os) {
  *os << '"' << c.text << '"';
}

class ExtractTable : public testing::TestWithParam<extract_case> {};

TEST_P(ExtractTable, GivesExactlyTheExpectedFacts) {
  std::string why = mismatch(GetParam().text, GetParam().expected);
  EXPECT_TRUE(why.empty()) << '"' << GetParam().text << "\":" << why;
}

INSTANTIATE_TEST_SUITE_P(
    Amounts, ExtractTable,
    testing::Values(
        extract_case{"ik zoek €150.000", R"({"financieringsbedrag":150000})"},
        extract_case{"We hebben € 2,5 miljoen nodig", R"({"financieringsbedrag":2500000})"},
        extract_case{"een lening van 45.000 euro", R"({"financieringsbedrag":45000})"},
        extract_case{"ongeveer 12,5k", R"({"financieringsbedrag":12500})"},
        extract_case{"drie ton", R"({"financieringsbedrag":300000})"},
        extract_case{"honderdduizend euro graag", R"({"financieringsbedrag":100000})"},
        extract_case{"drieëntwintigduizend euro", R"({"financieringsbedrag":23000})"},
        extract_case{"anderhalf miljoen", R"({"financieringsbedrag":1500000})"},
        extract_case{"een miljoen", R"({"financieringsbedrag":1000000})"},
        extract_case{"€ 1.234,56", R"({"financieringsbedrag":1234.56})"},
        extract_case{"ik heb 25000 nodig", R"({"financieringsbedrag":25000})"},
        extract_case{"jaaromzet van € 750.000", R"({"jaaromzet":750000})"},
        extract_case{"€80.000,- omzet", R"({"jaaromzet":80000})"},
        extract_case{"we hebben 3 miljoen omzet en zoeken 4 ton",
                     R"({"jaaromzet":3000000,"financieringsbedrag":400000})"},
        extract_case{"een balans van 2 miljoen", R"({"balanstotaal":2000000})"},
        extract_case{
            "de machine kost 80k, ik wil 60k lenen",
            R"({"investeringsbedrag":80000,"financieringsbedrag":60000,"doel":"investering"})"},
        extract_case{"we willen 300k investeren",
                     R"({"investeringsbedrag":300000,"doel":"investering"})"},
        extract_case{"de omzet is vorig jaar met 20% gestegen tot 1,4 miljoen",
                     R"({"jaaromzet":1400000})"},
        extract_case{"omzet: € 900.000", R"({"jaaromzet":900000})"},
        extract_case{"EUR 50K", R"({"financieringsbedrag":50000})"}));

INSTANTIATE_TEST_SUITE_P(
    Counts, ExtractTable,
    testing::Values(extract_case{"we hebben 3 medewerkers", R"({"werkzame_personen":3})"},
                    extract_case{"twaalf werknemers", R"({"werkzame_personen":12})"},
                    extract_case{"negenennegentig medewerkers", R"({"werkzame_personen":99})"},
                    extract_case{"1200 medewerkers", R"({"werkzame_personen":1200})"},
                    extract_case{"we doen het met ons vieren", R"({"werkzame_personen":4})"},
                    extract_case{"met z'n tweeën", R"({"werkzame_personen":2})"},
                    extract_case{"we hebben geen medewerkers", R"({"werkzame_personen":1})"},
                    extract_case{"ik ben een eenpitter", R"({"werkzame_personen":1})"},
                    extract_case{"ongeveer 8 fte", R"({"werkzame_personen":8})"},
                    extract_case{"er werken 40 mensen", R"({"werkzame_personen":40})"},
                    extract_case{"4 man in dienst", R"({"werkzame_personen":4})"},
                    extract_case{"we zijn met 15 collega's", R"({"werkzame_personen":15})"},
                    extract_case{"ik heb 1,5 fte", R"({})"}));

INSTANTIATE_TEST_SUITE_P(
    Places, ExtractTable,
    testing::Values(
        extract_case{"Ik woon in Best", R"({"gemeente":"best","provincie":"noord-brabant"})"},
        extract_case{"ik kom uit huizen", R"({"gemeente":"huizen","provincie":"noord-holland"})"},
        extract_case{"we bouwen huizen", R"({})"}, extract_case{"dat is best lastig", R"({})"},
        extract_case{"Goor", R"({})"},  // an everyday word at the start of a sentence: no guess
        extract_case{"Wij zitten in Hof van Twente",
                     R"({"gemeente":"hof van twente","provincie":"overijssel"})"},
        extract_case{"gevestigd in Den Haag",
                     R"({"gemeente":"den haag","provincie":"zuid-holland"})"},
        extract_case{"kantoor in Hengelo", R"({"gemeente":"hengelo","provincie":"overijssel"})"},
        extract_case{"een bedrijf in Markelo",
                     R"({"gemeente":"hof van twente","provincie":"overijssel"})"},
        extract_case{"we zitten in de provincie Groningen", R"({"provincie":"groningen"})"},
        extract_case{"ik heb een winkel in de wijk", R"({"sector":"handel"})"},
        extract_case{"We zitten in De Wijk", R"({"gemeente":"de wolden","provincie":"drenthe"})"},
        extract_case{"in Zwolle, Overijssel", R"({"gemeente":"zwolle","provincie":"overijssel"})"},
        extract_case{"Apeldoorn", R"({"gemeente":"apeldoorn","provincie":"gelderland"})"},
        extract_case{"omgeving Deventer", R"({"gemeente":"deventer","provincie":"overijssel"})"},
        extract_case{"we komen uit Ede", R"({"gemeente":"ede","provincie":"gelderland"})"},
        extract_case{"wij zitten in Nieuw-Heeten",
                     R"({"gemeente":"raalte","provincie":"overijssel"})"},
        extract_case{"ik zit in twente, in Enter",
                     R"({"gemeente":"wierden","provincie":"overijssel"})"}));

INSTANTIATE_TEST_SUITE_P(
    Choices, ExtractTable,
    testing::Values(extract_case{"wij zijn een B.V.", R"({"rechtsvorm":"bv"})"},
                    extract_case{"een v.o.f. met mijn broer", R"({"rechtsvorm":"vof"})"},
                    extract_case{"we zijn een Coöperatie", R"({"rechtsvorm":"cooperatie"})"},
                    extract_case{"we hebben een maatschap", R"({"rechtsvorm":"maatschap"})"},
                    extract_case{"ik ben kunstenaar", R"({"sector":"cultuur"})"},
                    extract_case{"we hebben een bakkerij", R"({"sector":"horeca"})"},
                    extract_case{"ik ben installateur", R"({"sector":"bouw"})"},
                    extract_case{"we willen verduurzamen", R"({"doel":"verduurzaming"})"},
                    extract_case{"geld voor een warmtepomp", R"({"doel":"verduurzaming"})"},
                    extract_case{"ik wil de zaak van mijn vader overnemen",
                                 R"({"doel":"overname"})"},
                    extract_case{"we doen aan R&D", R"({"doel":"innovatie"})"},
                    extract_case{"we zijn geen bv maar een vof", R"({"rechtsvorm":"vof"})"},
                    extract_case{"ik ben geen boer", R"({})"},
                    extract_case{"een nieuwe c.v.-ketel", R"({})"}));

INSTANTIATE_TEST_SUITE_P(
    Years, ExtractTable,
    testing::Values(extract_case{"opgericht in 2010", R"({"oprichtingsjaar":2010})"},
                    extract_case{"actief sinds vorig jaar", R"({"oprichtingsjaar":2025})"},
                    extract_case{"we zijn 3 jaar geleden begonnen", R"({"oprichtingsjaar":2023})"},
                    extract_case{"we zijn dit jaar gestart", R"({"oprichtingsjaar":2026})"},
                    extract_case{"het bedrijf bestaat al twintig jaar",
                                 R"({"oprichtingsjaar":2006})"},
                    extract_case{"we bestaan een jaar", R"({"oprichtingsjaar":2025})"},
                    extract_case{"ik ben net begonnen", R"({"oprichtingsjaar":2026})"},
                    extract_case{"in 2019 hadden we 2 miljoen omzet", R"({"jaaromzet":2000000})"},
                    extract_case{"sinds 2030", R"({})"},
                    extract_case{"ons bedrijf is 15 jaar oud", R"({"oprichtingsjaar":2011})"},
                    extract_case{"ik ben geboren in 1980", R"({})"},
                    extract_case{"ik ben 45 jaar oud en al 10 jaar ondernemer",
                                 R"({"leeftijd_ondernemer":45,"oprichtingsjaar":2016})"}));

INSTANTIATE_TEST_SUITE_P(
    YesNo, ExtractTable,
    testing::Values(
        extract_case{"de bank wil niet", R"({"bank_afgewezen":true})"},
        extract_case{"de bank heeft onze aanvraag afgewezen", R"({"bank_afgewezen":true})"},
        extract_case{"de bank zei nee", R"({"bank_afgewezen":true})"},
        extract_case{"we zijn failliet", R"({"in_moeilijkheden":true,"doel":"doorstart"})"},
        extract_case{"we hebben geen schulden", R"({"in_moeilijkheden":false})"},
        extract_case{"ik sta ingeschreven bij de KVK", R"({"kvk_ingeschreven":true})"},
        extract_case{"ik heb nog geen kvk-nummer", R"({"kvk_ingeschreven":false})"},
        extract_case{"ik heb een bijstandsuitkering", R"({"bijstand":true})"},
        extract_case{"ik heb geen bijstand", R"({"bijstand":false})"},
        extract_case{"we hebben de machine al besteld",
                     R"({"project_gestart":true,"doel":"investering"})"},
        extract_case{"we zijn nog niet begonnen", R"({"project_gestart":false})"},
        extract_case{"wij zijn een familiezaak", R"({"familiebedrijf":true})"},
        extract_case{"ik heb nog geen ondernemingsplan", R"({"ondernemingsplan":false})"},
        extract_case{"ik heb een businessplan", R"({"ondernemingsplan":true})"},
        extract_case{"we ontwikkelen een prototype", R"({"innovatief":true,"doel":"innovatie"})"}));

INSTANTIATE_TEST_SUITE_P(
    Negatives, ExtractTable,
    testing::Values(
        extract_case{"", R"({})"}, extract_case{"12", R"({})"},
        extract_case{"ik heb 2 honden en 1 kat", R"({})"},
        extract_case{"mijn postcode is 7471 AB", R"({})"}, extract_case{"bel 0612345678", R"({})"},
        extract_case{"de rente is 5%", R"({})"}, extract_case{"om 14.00 uur", R"({})"},
        extract_case{"mijn zoon is 12", R"({})"},
        extract_case{"kerkstraat 12, 8011 AB Zwolle",
                     R"({"gemeente":"zwolle","provincie":"overijssel"})"},
        extract_case{"geen 10 maar 12 fte", R"({"werkzame_personen":12})"},
        extract_case{"niet in Zwolle maar in Kampen",
                     R"({"gemeente":"kampen","provincie":"overijssel"})"},
        extract_case{"we zitten niet in overijssel", R"({})"},
        extract_case{"ik heb geen personeel maar wel een webshop",
                     R"({"werkzame_personen":1,"sector":"handel"})"},
        extract_case{"we hebben 3 vestigingen met 40 medewerkers", R"({"werkzame_personen":40})"},
        extract_case{"12 medewerkers, nee 14 medewerkers", R"({"werkzame_personen":14})"},
        extract_case{"we zoeken 25k, niet 30k", R"({"financieringsbedrag":25000})"},
        extract_case{"€50.000-€100.000", R"({})"},  // two amounts: no guess
        extract_case{"ik betaal 1500 euro huur per maand", R"({})"},
        extract_case{"We exporteren niet.", R"({})"},
        extract_case{"Mijn telefoonnummer is 06 123 456 78", R"({})"}));

// --- Evidence, the free function, robustness, threads ------------------------------------------

TEST(Extract, EvidenceIsTheOriginalWords) {
  auto facts = extractor().extract("Wij zijn een BV uit Enschede met 12 Medewerkers.", today);
  std::map<std::string, std::string> evidence;
  for (const auto& f : facts) evidence[f.field] = f.evidence;
  EXPECT_EQ(evidence["rechtsvorm"], "BV");
  EXPECT_EQ(evidence["gemeente"], "Enschede");
  EXPECT_EQ(evidence["werkzame_personen"], "12 Medewerkers");
  ASSERT_EQ(facts.size(), 3u) << describe(facts);
  EXPECT_EQ(facts[0].field, "rechtsvorm");  // in text order
  EXPECT_EQ(facts[2].field, "werkzame_personen");
}

TEST(Extract, FreeFunctionEqualsExtractor) {
  const char* text = "restaurant in nijverdal, we zoeken 50 mille voor de verbouwing";
  auto a = kb::extract_facts(text, shipped().fields, shipped().places, today);
  auto b = extractor().extract(text, today);
  EXPECT_EQ(describe(a), describe(b));
  EXPECT_EQ(a.size(), 4u) << describe(a);
}

bool valid_utf8(const std::string& s) {
  std::string round;
  icu::UnicodeString::fromUTF8(s).toUTF8String(round);
  return round == s && s.find("\xEF\xBF\xBD") == std::string::npos;
}

TEST(Extract, NeverThrowsOnGarbage) {
  std::string big;
  while (big.size() < 10 * 1024)
    big += "Wij zijn een bv uit Goor met 12 medewerkers en zoeken € 80.000,- 😀 voor een machine. ";
  std::string huge(200 * 1024, 'x');
  const std::vector<std::string> inputs = {"",
                                           "   ",
                                           "\n\n\t",
                                           std::string("\0\0zwolle\0", 10),
                                           "\xff\xfe\xfd",
                                           "in \xc3 goor \xe2\x82",
                                           "€€€€ ,,,, .... ----",
                                           "😀👍🏽🇳🇱",
                                           big,
                                           huge,
                                           "99999999999999999999999999999 euro",
                                           "1.2.3.4.5,6,7 medewerkers",
                                           "met z'n en",
                                           "een half",
                                           "geen maar niet maar geen",
                                           "'",
                                           "€"};
  for (const auto& in : inputs) {
    std::vector<kb::extracted_fact> facts;
    EXPECT_NO_THROW(facts = extractor().extract(in, today)) << in.substr(0, 40);
    for (const auto& f : facts) EXPECT_TRUE(valid_utf8(f.evidence)) << f.field;
  }
  auto facts = extractor().extract(big, today);
  EXPECT_FALSE(facts.empty());
  std::mt19937 rng(42);
  for (int k = 0; k < 300; ++k) {
    std::string noise(rng() % 200, '\0');
    for (auto& ch : noise) ch = static_cast<char>(rng() % 256);
    EXPECT_NO_THROW(extractor().extract(noise, today));
  }
}

TEST(Extract, InvalidUtf8AroundValidWords) {
  std::string why =
      mismatch("ik zit in \xff Zwolle \xc3 met 12 medewerkers \xe2\x82",
               R"({"gemeente":"zwolle","provincie":"overijssel","werkzame_personen":12})");
  EXPECT_TRUE(why.empty()) << why;
  why = mismatch("Zwolle 😀 met 12 medewerkers 👍",
                 R"({"gemeente":"zwolle","provincie":"overijssel","werkzame_personen":12})");
  EXPECT_TRUE(why.empty()) << why;
}

TEST(Extract, IsThreadSafe) {
  const std::vector<std::string> texts = {
      "we zijn een bv uit enschede met 12 medewerkers, omzet 2 miljoen",
      "ik wil tachtigduizend euro lenen", "we werken met z'n vijven in Goor",
      "opgericht in 2015, de bank heeft nee gezegd"};
  std::vector<std::string> expected;
  for (const auto& t : texts) expected.push_back(describe(extractor().extract(t, today)));
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w)
    threads.emplace_back([&, w] {
      for (int round = 0; round < 25; ++round)
        for (std::size_t k = 0; k < texts.size(); ++k)
          if (describe(extractor().extract(texts[k], today)) != expected[k]) ++failures[w];
    });
  for (auto& t : threads) t.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

// --- apply_facts ---------------------------------------------------------------------------------

class ApplyFacts : public testing::Test {
 protected:
  void say(const std::string& text) {
    kb::apply_facts(p_, extractor().extract(text, today), shipped().fields, shipped().places,
                    today);
  }
  std::string get(const std::string& field) const {
    const kb::value* v = p_.get(field);
    return v ? kb::value_to_string(*v) : "-";
  }
  kb::profile p_;
};

TEST_F(ApplyFacts, LaterStatementOverrides) {
  say("we hebben 12 medewerkers en zoeken 2 ton");
  say("sorry, het zijn 14 medewerkers");
  EXPECT_EQ(get("werkzame_personen"), "14");
  EXPECT_EQ(get("financieringsbedrag"), "200000");  // untouched
}

TEST_F(ApplyFacts, NewGemeenteRederivesProvincie) {
  say("we zitten ergens in twente");
  EXPECT_EQ(get("provincie"), "overijssel");
  EXPECT_FALSE(p_.is_derived("provincie"));
  say("eigenlijk in Apeldoorn");
  EXPECT_EQ(get("gemeente"), "apeldoorn");
  EXPECT_EQ(get("provincie"), "gelderland");
  EXPECT_TRUE(p_.is_derived("provincie"));
}

TEST_F(ApplyFacts, DerivesCompanyAge) {
  say("opgericht in 2019");
  EXPECT_EQ(get("bedrijfsleeftijd"), "7");
  EXPECT_TRUE(p_.is_derived("bedrijfsleeftijd"));
}

TEST_F(ApplyFacts, SkipsFactsThatDoNotFit) {
  std::vector<kb::extracted_fact> facts = {{"bestaat_niet", 3.0, "x"},
                                           {"werkzame_personen", std::string("twaalf"), "x"},
                                           {"gemeente", std::string("Atlantis"), "x"},
                                           {"rechtsvorm", std::string("BV"), "x"}};
  EXPECT_NO_THROW(kb::apply_facts(p_, facts, shipped().fields, shipped().places, today));
  EXPECT_EQ(get("rechtsvorm"), "bv");
  EXPECT_EQ(p_.values().size(), 1u);
}

// --- The herken_* keys of velden.yaml ------------------------------------------------------------

TEST(HerkenKeys, ShippedFieldsCarryTheirWords) {
  const kb::field_def* staff = shipped().fields.find("werkzame_personen");
  ASSERT_NE(staff, nullptr);
  EXPECT_FALSE(staff->cue_words.empty());
  ASSERT_FALSE(staff->fixed.empty());
  EXPECT_EQ(staff->fixed.front().value, 1);
  EXPECT_TRUE(shipped().fields.find("financieringsbedrag")->default_amount);
  EXPECT_FALSE(shipped().fields.find("bank_afgewezen")->yes_words.empty());
}

TEST(HerkenKeys, WrongUseIsReported) {
  test::temp_dir dir;
  auto file = dir.write("velden.yaml", R"(velden:
  - naam: aantal
    type: getal
    label: Aantal
    vraag: Hoeveel?
    herken_ja: [ja hoor]
    herken_vast:
      - {waarde: veel, woorden: [heel veel]}
  - naam: klaar
    type: ja_nee
    label: Klaar
    vraag: Klaar?
    herken_bij: [klaar]
    herken_nee: [nog niet klaar]
  - naam: bedrag
    type: bedrag
    label: Bedrag
    vraag: Hoeveel geld?
    herken_standaard: misschien
)");
  kb::diagnostics diag;
  auto fields = kb::load_fields(file, diag);
  std::string all;
  for (const auto& d : diag.all()) all += d.str() + "\n";
  EXPECT_NE(all.find("'herken_ja' is only for ja_nee fields"), std::string::npos) << all;
  EXPECT_NE(all.find("'herken_bij' is only for getal, bedrag and jaar fields"), std::string::npos)
      << all;
  EXPECT_NE(all.find("herken_standaard is ja or nee"), std::string::npos) << all;
  EXPECT_NE(all.find("waarde"), std::string::npos) << all;  // "veel" is no number
  ASSERT_NE(fields.find("klaar"), nullptr);
  EXPECT_EQ(fields.find("klaar")->no_words, std::vector<std::string>{"nog niet klaar"});
}

}  // namespace
