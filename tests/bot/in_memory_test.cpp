// A small index is searched in a copy in memory (bot::reading_plan::in_memory): the same results
// as from the files, for every judged question.
#include <gtest/gtest.h>

#include "bot/search.hpp"
#include "kb/questions.hpp"
#include "test_support.hpp"

namespace {

/// Everything a search shows, as one comparable text.
std::string shown(const bot::search_result& r) {
  std::string out = r.did_you_mean.value_or("-") + "\n";
  for (const auto& m : r.matches) {
    out += m.inst->id + " " + std::to_string(m.score) + " " + m.snippet + "\n";
    for (const auto& w : m.why) out += "  " + w + "\n";
  }
  return out;
}

std::vector<std::string> judged(const char* file) {
  kb::diagnostics diag;
  std::vector<std::string> out;
  for (const auto& q : kb::load_questions(std::filesystem::path(FINWIJZER_SOURCE_DIR) / file, diag))
    out.push_back(q.text);
  return out;
}

class InMemory : public testing::Test {
 protected:
  InMemory() : memory_(test::shipped_snapshot()), disk_(test::shipped_snapshot()) {
    disk_.set_reading({.in_memory = 0});
  }
  bot::searcher memory_, disk_;
};

TEST_F(InMemory, SameAnswersAsTheFiles) {
  for (const char* file : {"corpus/toetsvragen.tsv", "tests/data/vragen-variatie.tsv"}) {
    const auto questions = judged(file);
    ASSERT_GE(questions.size(), 60u) << file;
    for (const auto& q : questions)
      EXPECT_EQ(shown(memory_.search(q, 10)), shown(disk_.search(q, 10))) << q;
  }
}

TEST_F(InMemory, SpellingComesFromTheFiles) {
  // The inmemory backend has no spelling table: suggestions must still come.
  const auto r = memory_.search("finaciering voor een overname", 3);
  ASSERT_TRUE(r.did_you_mean.has_value());
  EXPECT_NE(r.did_you_mean->find("financiering"), std::string::npos) << *r.did_you_mean;
}

TEST_F(InMemory, SwitchingBackAndForthKeepsTheAnswers) {
  const std::string q = "ik wil een bedrijf overnemen en heb te weinig eigen geld";
  const std::string before = shown(memory_.search(q, 5));
  memory_.set_reading({.in_memory = 0});
  EXPECT_EQ(shown(memory_.search(q, 5)), before);
  memory_.set_reading({});
  EXPECT_EQ(shown(memory_.search(q, 5)), before);
}

}  // namespace
