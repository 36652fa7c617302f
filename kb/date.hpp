/** @file date.hpp
 *  @brief Calendar dates as the corpus writes them (YYYY-MM-DD).
 */
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kb {

struct date {
  int year = 0, month = 0, day = 0;

  /// Parses YYYY-MM-DD and checks that the day exists (2023-02-29 is rejected).
  static std::optional<date> parse(std::string_view s);
  /// Today's date in UTC, or FINWIJZER_TODAY (YYYY-MM-DD) when set, so tests are reproducible.
  static date today();

  std::string str() const;
  /// Days since 1970-01-01 (proleptic Gregorian).
  long days() const;
  auto operator<=>(const date&) const = default;
};

}  // namespace kb
