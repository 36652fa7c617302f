#include "kb/date.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace kb {

std::optional<date> date::parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto num = [&](std::size_t pos, std::size_t len) {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  date d{num(0, 4), num(5, 2), num(8, 2)};
  std::chrono::year_month_day ymd{std::chrono::year{d.year}, std::chrono::month{unsigned(d.month)},
                                  std::chrono::day{unsigned(d.day)}};
  if (!ymd.ok()) return std::nullopt;
  return d;
}

date date::today() {
  if (const char* env = std::getenv("FINWIJZER_TODAY")) {
    if (auto d = parse(env)) return *d;
  }
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  std::chrono::year_month_day ymd{now};
  return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

std::string date::str() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

long date::days() const {
  std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                                  std::chrono::day{unsigned(day)}};
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

}  // namespace kb
