// Calendar dates and instants. See date.hpp. Years are 1..9999 (four digits in every format).
#include "core/date.hpp"

#include <cstdio>

namespace hoso {
namespace {

constexpr int64_t kMillisPerDay = 86'400'000;
constexpr int64_t kVietnamOffsetMillis = 7 * 3'600'000;

constexpr bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Splits t into whole days since the epoch and milliseconds into the day, without overflow.
struct DayAndMillis {
  int64_t day, ms;
};
constexpr DayAndMillis split(Millis t, int64_t offset = 0) {
  int64_t day = t / kMillisPerDay, ms = t % kMillisPerDay;
  if (ms < 0) --day, ms += kMillisPerDay;
  ms += offset;  // |offset| < one day
  if (ms >= kMillisPerDay) ++day, ms -= kMillisPerDay;
  if (ms < 0) --day, ms += kMillisPerDay;
  return {day, ms};
}

constexpr bool digit(char c) { return c >= '0' && c <= '9'; }

// Parses exactly n digits at s[pos].
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!digit(s[i])) return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

template <class... Args>
std::string format(const char* fmt, Args... args) {
  char buf[64];
  const int n = std::snprintf(buf, sizeof buf, fmt, args...);
  return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool is_valid_date(int year, int month, int day) {
  return year >= 1 && year <= 9999 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<Date> parse_iso_date(std::string_view s) {
  Date d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, d.year) ||
      !digits(s, 5, 2, d.month) || !digits(s, 8, 2, d.day) || !is_valid_date(d.year, d.month, d.day))
    return std::nullopt;
  return d;
}

std::optional<Date> parse_display_date(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  // ddmmyyyy, eight digits: a phone's number pad has no '/'.
  if (Date d; s.size() == 8 && digits(s, 0, 2, d.day) && digits(s, 2, 2, d.month) && digits(s, 4, 4, d.year))
    return is_valid_date(d.year, d.month, d.day) ? std::optional<Date>(d) : std::nullopt;
  // d/m/yyyy, dd/mm/yyyy (and d/mm, dd/m) with '/', '-' or '.', the same separator twice.
  std::size_t i = 0;
  int parts[2] = {0, 0};
  char sep = 0;
  for (int& part : parts) {
    const std::size_t start = i;
    while (i < s.size() && i - start < 3 && digit(s[i])) part = part * 10 + (s[i++] - '0');
    const std::size_t n = i - start;
    if (n < 1 || n > 2 || i >= s.size()) return std::nullopt;
    const char c = s[i++];
    if (c != '/' && c != '-' && c != '.') return std::nullopt;
    if (sep && c != sep) return std::nullopt;
    sep = c;
  }
  Date d{0, parts[1], parts[0]};
  if (s.size() - i != 4 || !digits(s, i, 4, d.year) || !is_valid_date(d.year, d.month, d.day))
    return std::nullopt;
  return d;
}

std::string to_iso(const Date& d) { return format("%04d-%02d-%02d", d.year, d.month, d.day); }

std::string to_display(const Date& d) { return format("%02d/%02d/%04d", d.day, d.month, d.year); }

// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
int64_t days_from_civil(const Date& d) {
  const int64_t y = static_cast<int64_t>(d.year) - (d.month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                                           // [0, 399]
  const int64_t mp = d.month > 2 ? d.month - 3 : d.month + 9;                  // [0, 11]
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;                          // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                   // [0, 146096]
  return era * 146097 + doe - 719468;
}

Date civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;                                        // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;   // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                 // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                      // [0, 11]
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2));
  return Date{year, month, day};
}

int days_between(const Date& from, const Date& to) {
  return static_cast<int>(days_from_civil(to) - days_from_civil(from));
}

Date add_days(const Date& d, int days) { return civil_from_days(days_from_civil(d) + days); }

std::string to_iso_instant(Millis t) {
  const auto [day, ms] = split(t);
  const int secs = static_cast<int>(ms / 1000);
  return to_iso(civil_from_days(day)) + format("T%02d:%02d:%02dZ", secs / 3600, secs / 60 % 60, secs % 60);
}

std::optional<Millis> parse_iso_instant(std::string_view s) {
  // yyyy-mm-ddThh:mm:ss[.f{1,9}](Z|±hh:mm)
  int hh = 0, mi = 0, ss = 0;
  if (s.size() < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
  const auto date = parse_iso_date(s.substr(0, 10));
  if (!date || !digits(s, 11, 2, hh) || !digits(s, 14, 2, mi) || !digits(s, 17, 2, ss) || hh > 23 ||
      mi > 59 || ss > 59)
    return std::nullopt;
  std::size_t i = 19;
  int64_t ms = 0;
  if (s[i] == '.') {
    const std::size_t start = ++i;
    int64_t scale = 100;
    for (; i < s.size() && digit(s[i]); ++i, scale /= 10) ms += (s[i] - '0') * scale;
    if (i == start || i - start > 9) return std::nullopt;
  }
  int64_t offset_min = 0;
  if (i < s.size() && s[i] == 'Z') {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    int oh = 0, om = 0;
    if (s.size() - i != 6 || s[i + 3] != ':' || !digits(s, i + 1, 2, oh) || !digits(s, i + 4, 2, om) ||
        oh > 23 || om > 59)
      return std::nullopt;
    offset_min = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  const int64_t local = days_from_civil(*date) * kMillisPerDay + ((hh * 60 + mi) * 60 + ss) * int64_t{1000} + ms;
  return local - offset_min * 60'000;
}

Date vietnam_date(Millis t) { return civil_from_days(split(t, kVietnamOffsetMillis).day); }

std::string to_display_vietnam(Millis t) {
  const auto [day, ms] = split(t, kVietnamOffsetMillis);
  const int minutes = static_cast<int>(ms / 60'000);
  return to_display(civil_from_days(day)) + format(" %02d:%02d", minutes / 60, minutes % 60);
}

}  // namespace hoso
