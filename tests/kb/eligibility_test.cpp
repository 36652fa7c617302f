#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "test_support.hpp"

namespace {

struct verdict_case {
  const char* name;
  const char* profile;
  kb::verdict expected;
  std::vector<std::string> met, failed, open, open_fields;
};

class Eligibility : public testing::TestWithParam<verdict_case> {};

TEST_P(Eligibility, VoucherVerdict) {
  kb::diagnostics diag;
  kb::corpus c = test::load_mini(diag);
  ASSERT_TRUE(diag.ok());
  const auto& tc = GetParam();
  auto p = kb::profile_from_json(boost::json::parse(tc.profile), c.fields, c.places);
  p.derive(c.fields, c.places, {2026, 11, 27});
  auto a = kb::assess(*c.find("test-voucher"), p);
  EXPECT_EQ(a.result, tc.expected);
  EXPECT_EQ(a.met, tc.met);
  EXPECT_EQ(a.failed, tc.failed);
  EXPECT_EQ(a.open, tc.open);
  EXPECT_EQ(a.open_fields, tc.open_fields);
}

using V = std::vector<std::string>;
INSTANTIATE_TEST_SUITE_P(
    Table, Eligibility,
    testing::Values(
        verdict_case{
            "empty", "{}", kb::verdict::unknown, V{}, V{},
            V{"mkb", "in-overijssel", "niet-gestart"},
            V{"balanstotaal", "jaaromzet", "project_gestart", "provincie", "werkzame_personen"}},
        verdict_case{
            "eligible",
            R"({"werkzame_personen": 8, "jaaromzet": 900000, "gemeente": "goor", "project_gestart": false})",
            kb::verdict::eligible, V{"mkb", "in-overijssel", "niet-gestart"}, V{}, V{}, V{}},
        verdict_case{"outside_overijssel",
                     R"({"werkzame_personen": 8, "jaaromzet": 900000, "gemeente": "apeldoorn"})",
                     kb::verdict::ineligible, V{"mkb"}, V{"in-overijssel"}, V{"niet-gestart"},
                     V{"project_gestart"}},
        verdict_case{"too_big", R"({"werkzame_personen": 300})", kb::verdict::ineligible, V{},
                     V{"mkb"}, V{"in-overijssel", "niet-gestart"},
                     V{"project_gestart", "provincie"}},
        verdict_case{
            "balance_saves",
            R"({"werkzame_personen": 100, "jaaromzet": 60000000, "balanstotaal": 20000000, "provincie": "overijssel", "project_gestart": false})",
            kb::verdict::eligible, V{"mkb", "in-overijssel", "niet-gestart"}, V{}, V{}, V{}},
        verdict_case{
            "only_balance_open",
            R"({"werkzame_personen": 100, "jaaromzet": 60000000, "provincie": "overijssel", "project_gestart": false})",
            kb::verdict::unknown, V{"in-overijssel", "niet-gestart"}, V{}, V{"mkb"},
            V{"balanstotaal"}},
        verdict_case{"started", R"({"project_gestart": true})", kb::verdict::ineligible, V{},
                     V{"niet-gestart"}, V{"mkb", "in-overijssel"},
                     V{"balanstotaal", "jaaromzet", "provincie", "werkzame_personen"}}),
    [](const testing::TestParamInfo<verdict_case>& i) { return std::string(i.param.name); });

TEST(EligibilityJson, Shape) {
  kb::assessment a{"x", kb::verdict::unknown, {"a"}, {}, {"b"}, {"f"}};
  EXPECT_EQ(
      boost::json::serialize(kb::assessment_to_json(a)),
      R"({"id":"x","verdict":"unknown","met":["a"],"failed":[],"open":["b"],"open_fields":["f"]})");
}

}  // namespace
