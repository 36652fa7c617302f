// Building and atomically publishing index generations; readers refuse mismatched indexes.
#include <gtest/gtest.h>

#include <xapian.h>

#include <atomic>
#include <thread>

#include "bot/search.hpp"
#include "indexer/index.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;

fs::path corpus_dir() {
  return fs::path(FINWIJZER_SOURCE_DIR) / "corpus";
}

TEST(Publish, GenerationsAdvanceAndCurrentMoves) {
  test::temp_dir out;
  kb::diagnostics diag;
  auto a = indexer::build_index(corpus_dir(), out.path(), diag, {2026, 11, 27});
  EXPECT_EQ(a.generation, 1u);
  EXPECT_EQ(a.documents, 66u);
  auto b = indexer::build_index(corpus_dir(), out.path(), diag, {2026, 11, 27});
  EXPECT_EQ(b.generation, 2u);
  EXPECT_EQ(indexer::current_generation(out.path()), 2u);
  auto snap = indexer::open_index(out.path());
  EXPECT_EQ(snap->generation, 2u);
  EXPECT_EQ(snap->corpus.instruments.size(), 66u);  // the snapshot needs no corpus directory
  EXPECT_FALSE(fs::exists(out.path() / "gen-000002.tmp"));
}

TEST(Publish, CorpusWithErrorsPublishesNothing) {
  test::temp_dir out;
  kb::diagnostics diag;
  indexer::build_index(corpus_dir(), out.path(), diag, {2026, 11, 27});
  kb::diagnostics bad;
  EXPECT_THROW(indexer::build_index(fs::path(FINWIJZER_SOURCE_DIR) / "tests/data/corpus-broken",
                                    out.path(), bad, {2026, 11, 27}),
               indexer::index_error);
  EXPECT_GT(bad.error_count(), 0u);
  EXPECT_EQ(indexer::current_generation(out.path()), 1u);
}

TEST(Publish, NoIndexIsAClearError) {
  test::temp_dir out;
  try {
    indexer::open_index(out.path());
    FAIL();
  } catch (const indexer::index_error& e) {
    EXPECT_NE(std::string(e.what()).find("no published index"), std::string::npos);
  }
}

TEST(Publish, ReaderRefusesOtherFormatOrAnalysis) {
  test::temp_dir out;
  kb::diagnostics diag;
  auto s = indexer::build_index(corpus_dir(), out.path(), diag, {2026, 11, 27});
  {
    Xapian::WritableDatabase db((s.path / "db").string());
    db.set_metadata("finwijzer.analysis", "stem=kraaij_pohlmann");
    db.commit();
  }
  try {
    indexer::open_index(out.path());
    FAIL();
  } catch (const indexer::index_error& e) {
    EXPECT_NE(std::string(e.what()).find("kraaij_pohlmann"), std::string::npos) << e.what();
  }
  test::temp_dir out2;
  auto s2 = indexer::build_index(corpus_dir(), out2.path(), diag, {2026, 11, 27});
  std::ofstream(s2.path / "meta.json") << R"({"format": 99})";
  try {
    indexer::open_index(out2.path());
    FAIL();
  } catch (const indexer::index_error& e) {
    EXPECT_NE(std::string(e.what()).find("format 99"), std::string::npos) << e.what();
  }
}

// A reader that opens the index while a writer publishes new generations always gets a complete
// answer: the same matches from whichever generation it opened.
TEST(Publish, ReaderDuringRebuildAlwaysGetsCompleteAnswers) {
  test::temp_dir out;
  kb::diagnostics diag;
  indexer::build_index(corpus_dir(), out.path(), diag, {2026, 11, 27});
  std::atomic<bool> done{false};
  std::atomic<int> answers{0}, failures{0};
  std::thread reader([&] {
    while (!done) {
      try {
        bot::searcher s(indexer::open_index(out.path()));
        auto r = s.search("borgstelling voor een lening", 3);
        if (r.matches.size() != 3 || r.matches[0].inst->id != "bmkb") ++failures;
        ++answers;
      } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
        ++failures;
      }
    }
  });
  for (int i = 0; i < 3; ++i) {
    kb::diagnostics d;
    indexer::build_index(corpus_dir(), out.path(), d, {2026, 11, 27});
  }
  done = true;
  reader.join();
  EXPECT_GT(answers.load(), 0);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(indexer::current_generation(out.path()), 4u);
}

}  // namespace
