#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "test_support.hpp"

namespace {

class ProfileTest : public testing::Test {
 protected:
  void SetUp() override {
    corpus_ = test::load_mini(diag_);
    ASSERT_TRUE(diag_.ok());
  }
  kb::profile from(const char* json) {
    return kb::profile_from_json(boost::json::parse(json), corpus_.fields, corpus_.places);
  }
  kb::diagnostics diag_;
  kb::corpus corpus_;
};

TEST_F(ProfileTest, ReadsTypedValuesAndCanonicalises) {
  auto p = from(R"({"werkzame_personen": 12, "bank_afgewezen": true, "rechtsvorm": "BV",
                    "gemeente": "Goor", "jaaromzet": null})");
  EXPECT_EQ(std::get<double>(*p.get("werkzame_personen")), 12);
  EXPECT_TRUE(std::get<bool>(*p.get("bank_afgewezen")));
  EXPECT_EQ(std::get<std::string>(*p.get("rechtsvorm")), "bv");
  EXPECT_EQ(std::get<std::string>(*p.get("gemeente")), "hof van twente");  // a kern resolves
  EXPECT_FALSE(p.has("jaaromzet"));                                        // null means unknown
}

struct bad_profile {
  const char* json;
  const char* message_part;
};

class ProfileErrors : public ProfileTest, public testing::WithParamInterface<bad_profile> {};

TEST_P(ProfileErrors, Rejects) {
  try {
    from(GetParam().json);
    FAIL() << "accepted " << GetParam().json;
  } catch (const kb::profile_error& e) {
    EXPECT_NE(std::string(e.what()).find(GetParam().message_part), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ProfileErrors,
    testing::Values(bad_profile{R"([1,2])", "JSON object"},
                    bad_profile{R"({"medewerkers": 3})", "unknown field 'medewerkers'"},
                    bad_profile{R"({"werkzame_personen": "twaalf"})", "needs a number"},
                    bad_profile{R"({"werkzame_personen": -1})", "0 or more"},
                    bad_profile{R"({"bank_afgewezen": "ja"})", "true or false"},
                    bad_profile{R"({"rechtsvorm": "plc"})", "one of: eenmanszaak"},
                    bad_profile{R"({"gemeente": "Atlantis"})", "gemeente or place"},
                    bad_profile{R"({"oprichtingsjaar": 19})", "a year"},
                    bad_profile{R"({"sector": 3})", "one of its values"},
                    bad_profile{R"({"doel": ["a"]})", "list or object"}));

TEST_F(ProfileTest, DerivesProvincieAndCompanyAge) {
  auto p = from(R"({"gemeente": "nijverdal", "oprichtingsjaar": 2019})");
  p.derive(corpus_.fields, corpus_.places, {2026, 11, 27});
  EXPECT_EQ(std::get<std::string>(*p.get("provincie")), "overijssel");
  EXPECT_TRUE(p.is_derived("provincie"));
  EXPECT_EQ(std::get<double>(*p.get("bedrijfsleeftijd")), 7);
  // A later change of the base field changes the derived one.
  p.set("gemeente", std::string("apeldoorn"));
  p.derive(corpus_.fields, corpus_.places, {2026, 11, 27});
  EXPECT_EQ(std::get<std::string>(*p.get("provincie")), "gelderland");
}

TEST_F(ProfileTest, StatedValueWinsOverDerived) {
  auto p = from(R"({"gemeente": "zwolle", "provincie": "gelderland"})");
  p.derive(corpus_.fields, corpus_.places, {2026, 11, 27});
  EXPECT_EQ(std::get<std::string>(*p.get("provincie")), "gelderland");
  EXPECT_FALSE(p.is_derived("provincie"));
}

TEST_F(ProfileTest, RoundTripsToJson) {
  auto p = from(R"({"werkzame_personen": 12, "bank_afgewezen": false, "sector": "horeca"})");
  EXPECT_EQ(boost::json::serialize(kb::profile_to_json(p)),
            R"({"bank_afgewezen":false,"sector":"horeca","werkzame_personen":12})");
}

}  // namespace
