#pragma once
// Calendar dates and instants. People see dd/mm/yyyy; files keep ISO 8601.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hoso {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
  bool operator==(const Date&) const = default;
};

bool is_valid_date(int year, int month, int day);  // 31/02 is not a date; leap years right.
// "2025-10-30" only (exact form, valid date).
std::optional<Date> parse_iso_date(std::string_view s);
// "30/10/2025", also "30/10/25"? no: d/m/yyyy or dd/mm/yyyy with '/', '-' or '.' separators.
std::optional<Date> parse_display_date(std::string_view s);
std::string to_iso(const Date& d);      // "2025-10-30"
std::string to_display(const Date& d);  // "30/10/2025" (zero padded)
// Days from 1970-01-01 (proleptic Gregorian), and back.
int64_t days_from_civil(const Date& d);
Date civil_from_days(int64_t days);
int days_between(const Date& from, const Date& to);  // to - from
Date add_days(const Date& d, int days);
// Last day of the month.
int days_in_month(int year, int month);

// An instant: milliseconds since the Unix epoch, UTC.
using Millis = int64_t;
std::string to_iso_instant(Millis t);                // "2025-10-20T08:15:00Z" (UTC, seconds)
std::optional<Millis> parse_iso_instant(std::string_view s);  // accepts Z or ±hh:mm offsets
// The calendar date of an instant in Vietnam (UTC+7, no daylight saving).
Date vietnam_date(Millis t);
// "20/10/2025 15:15" in Vietnam time.
std::string to_display_vietnam(Millis t);

}  // namespace hoso
