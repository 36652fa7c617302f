// Sessions: tokens, resuming, take-over, answer numbers and expiry.
#include <gtest/gtest.h>

#include <thread>

#include "bot/server/session_store.hpp"

namespace {

using bot::server::session_owner;
using bot::server::session_store;
using namespace std::chrono_literals;

struct owner : session_owner {
  int taken = 0;
  void taken_over() override { ++taken; }
};

TEST(ServerSessions, TokensAre32RandomBytesInHex) {
  auto a = session_store::new_token(), b = session_store::new_token();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_TRUE(session_store::well_formed(a));
  EXPECT_NE(a, b);
  EXPECT_FALSE(session_store::well_formed(a.substr(1)));
  EXPECT_FALSE(session_store::well_formed(std::string(64, 'G')));
  EXPECT_FALSE(session_store::well_formed(std::string(64, 'A')));  // lower case only
}

TEST(ServerSessions, ResumeTakeOverAndAnswerNumbers) {
  session_store s(30min, 100);
  auto o1 = std::make_shared<owner>(), o2 = std::make_shared<owner>();
  auto a = s.attach("", 1, o1);
  EXPECT_FALSE(a.resumed);
  bot::conversation c;
  c.last_question = "lening";
  EXPECT_EQ(s.commit(a.token, 1, c), 1u);
  EXPECT_EQ(s.commit(a.token, 1, c), 2u);
  EXPECT_TRUE(s.issued(a.token, 2));
  EXPECT_FALSE(s.issued(a.token, 3));
  EXPECT_FALSE(s.issued(a.token, 0));

  auto b = s.attach(a.token, 2, o2);  // taken over while still attached to 1
  EXPECT_TRUE(b.resumed);
  EXPECT_EQ(b.conv.last_question, "lening");
  ASSERT_EQ(b.previous.lock(), o1);
  EXPECT_FALSE(s.commit(a.token, 1, c));  // the old connection's late result is dropped
  EXPECT_FALSE(s.get(a.token, 1));
  EXPECT_FALSE(s.reset(a.token, 1));
  EXPECT_EQ(s.commit(a.token, 2, c), 3u);
  s.detach(a.token, 1);  // the old connection ends: no effect on the new owner
  EXPECT_TRUE(s.get(a.token, 2));
  EXPECT_TRUE(s.reset(a.token, 2));
  EXPECT_TRUE(s.get(a.token, 2)->last_question.empty());
  EXPECT_TRUE(s.issued(a.token, 3));  // a reset keeps the answer numbers
}

TEST(ServerSessions, DetachedSessionsExpireAndTheStoreIsBounded) {
  session_store s(50ms, 2);
  auto o = std::make_shared<owner>();
  auto a = s.attach("", 1, o);
  auto b = s.attach("", 2, o);
  s.detach(a.token, 1);
  EXPECT_EQ(s.sweep(), 0u);
  std::this_thread::sleep_for(80ms);
  EXPECT_EQ(s.attach(a.token, 3, o).resumed, false);  // expired even before a sweep
  EXPECT_EQ(s.size(), 2u);
  s.detach(b.token, 2);
  auto c = s.attach("", 4, o);  // full: the oldest detached session makes room
  EXPECT_EQ(s.size(), 2u);
  EXPECT_FALSE(s.attach(b.token, 5, o).resumed);
  (void)c;
}

}  // namespace
