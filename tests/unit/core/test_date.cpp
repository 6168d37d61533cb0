// Dates and instants (core/date.hpp).
#include "core/date.hpp"

#include <gtest/gtest.h>

#include <climits>

namespace {

using namespace hoso;

constexpr Millis kHour = 3'600'000, kDay = 24 * kHour;

TEST(Date, LeapYearsAndMonthLengths) {
  EXPECT_TRUE(is_valid_date(2024, 2, 29));
  EXPECT_FALSE(is_valid_date(2023, 2, 29));
  EXPECT_TRUE(is_valid_date(2000, 2, 29));
  EXPECT_FALSE(is_valid_date(1900, 2, 29));
  EXPECT_FALSE(is_valid_date(2025, 4, 31));
  EXPECT_TRUE(is_valid_date(2025, 12, 31));
  EXPECT_FALSE(is_valid_date(2025, 2, 31));
  EXPECT_FALSE(is_valid_date(2025, 13, 1));
  EXPECT_FALSE(is_valid_date(2025, 0, 1));
  EXPECT_FALSE(is_valid_date(2025, 1, 0));
  EXPECT_FALSE(is_valid_date(0, 1, 1));
  EXPECT_FALSE(is_valid_date(10000, 1, 1));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2023, 2), 28);
  EXPECT_EQ(days_in_month(2025, 6), 30);
  EXPECT_EQ(days_in_month(2025, 13), 0);
}

TEST(Date, IsoParsing) {
  EXPECT_EQ(parse_iso_date("2025-10-30"), (Date{2025, 10, 30}));
  EXPECT_EQ(parse_iso_date("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_FALSE(parse_iso_date("2023-02-29"));
  EXPECT_FALSE(parse_iso_date("2025-04-31"));
  EXPECT_FALSE(parse_iso_date("2025-1-30"));
  EXPECT_FALSE(parse_iso_date("2025-10-30 "));
  EXPECT_FALSE(parse_iso_date("2025/10/30"));
  EXPECT_FALSE(parse_iso_date("+025-10-30"));
  EXPECT_FALSE(parse_iso_date(""));
  EXPECT_FALSE(parse_iso_date("0000-01-01"));
}

TEST(Date, DisplayParsing) {
  EXPECT_EQ(parse_display_date("30/10/2025"), (Date{2025, 10, 30}));
  EXPECT_EQ(parse_display_date("3/1/2025"), (Date{2025, 1, 3}));
  EXPECT_EQ(parse_display_date("03-01-2025"), (Date{2025, 1, 3}));
  EXPECT_EQ(parse_display_date("3.01.2025"), (Date{2025, 1, 3}));
  EXPECT_EQ(parse_display_date(" 29/02/2024 "), (Date{2024, 2, 29}));
  EXPECT_FALSE(parse_display_date("29/02/2023"));
  EXPECT_FALSE(parse_display_date("31/04/2025"));
  EXPECT_FALSE(parse_display_date("30/10/25"));
  EXPECT_FALSE(parse_display_date("30/10-2025"));  // mixed separators
  EXPECT_FALSE(parse_display_date("030/10/2025"));
  EXPECT_FALSE(parse_display_date("30//2025"));
  EXPECT_FALSE(parse_display_date("30/10/20255"));
  EXPECT_FALSE(parse_display_date("2025-10-30"));
  EXPECT_FALSE(parse_display_date("a/b/cdef"));
  EXPECT_FALSE(parse_display_date(""));
  // Eight digits, as typed on a phone's number pad (no '/').
  EXPECT_EQ(parse_display_date("30102025"), (Date{2025, 10, 30}));
  EXPECT_EQ(parse_display_date(" 29022024 "), (Date{2024, 2, 29}));
  EXPECT_FALSE(parse_display_date("29022023"));
  EXPECT_FALSE(parse_display_date("20251030"));  // not day first
  EXPECT_FALSE(parse_display_date("3010202"));
}

TEST(Date, Formatting) {
  EXPECT_EQ(to_iso(Date{2025, 1, 3}), "2025-01-03");
  EXPECT_EQ(to_display(Date{2025, 1, 3}), "03/01/2025");
  EXPECT_EQ(to_display(Date{987, 12, 31}), "31/12/0987");
}

TEST(Date, CivilDaysRoundTrip) {
  EXPECT_EQ(days_from_civil(Date{1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil(Date{2000, 3, 1}), 11017);
  EXPECT_EQ(days_from_civil(Date{1969, 12, 31}), -1);
  EXPECT_EQ(civil_from_days(19000), (Date{2022, 1, 8}));
  const auto round_trip = [](int64_t z) {
    const Date d = civil_from_days(z);
    ASSERT_TRUE(is_valid_date(d.year, d.month, d.day)) << z;
    ASSERT_EQ(days_from_civil(d), z);
    ASSERT_EQ(parse_iso_date(to_iso(d)), d);
    ASSERT_EQ(parse_display_date(to_display(d)), d);
    ASSERT_EQ(add_days(d, 1), civil_from_days(z + 1));
  };
  // Every day from 1899 to 2101, then every 97th day of years 1..9999.
  for (int64_t z = days_from_civil(Date{1899, 1, 1}); z <= days_from_civil(Date{2101, 12, 31}); ++z) round_trip(z);
  for (int64_t z = days_from_civil(Date{1, 1, 1}); z <= days_from_civil(Date{9999, 12, 31}); z += 97) round_trip(z);
  EXPECT_EQ(civil_from_days(days_from_civil(Date{9999, 12, 31})), (Date{9999, 12, 31}));
  EXPECT_EQ(civil_from_days(days_from_civil(Date{1, 1, 1})), (Date{1, 1, 1}));
  EXPECT_EQ(days_between(Date{2024, 2, 28}, Date{2024, 3, 1}), 2);
  EXPECT_EQ(days_between(Date{2023, 2, 28}, Date{2023, 3, 1}), 1);
  EXPECT_EQ(days_between(Date{2025, 12, 31}, Date{2025, 1, 1}), -364);
  EXPECT_EQ(add_days(Date{2024, 12, 31}, 1), (Date{2025, 1, 1}));
  EXPECT_EQ(add_days(Date{2024, 3, 1}, -1), (Date{2024, 2, 29}));
  EXPECT_LT((Date{2024, 12, 31}), (Date{2025, 1, 1}));
}

TEST(Instant, FormatAndParse) {
  const Millis t = days_from_civil(Date{2025, 10, 20}) * kDay + 8 * kHour + 15 * 60'000;
  EXPECT_EQ(to_iso_instant(t), "2025-10-20T08:15:00Z");
  EXPECT_EQ(to_iso_instant(t + 999), "2025-10-20T08:15:00Z");
  EXPECT_EQ(parse_iso_instant("2025-10-20T08:15:00Z"), t);
  EXPECT_EQ(parse_iso_instant("2025-10-20T15:15:00+07:00"), t);
  EXPECT_EQ(parse_iso_instant("2025-10-20T03:45:00-04:30"), t);
  EXPECT_EQ(parse_iso_instant("2025-10-20T08:15:00.250Z"), t + 250);
  EXPECT_EQ(parse_iso_instant("2025-10-20T08:15:00.5Z"), t + 500);
  EXPECT_EQ(parse_iso_instant("2025-10-20T08:15:00.123456789Z"), t + 123);
  EXPECT_EQ(parse_iso_instant("2025-10-21T00:15:00+16:00"), t);
  EXPECT_EQ(to_iso_instant(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(to_iso_instant(-1), "1969-12-31T23:59:59Z");
  EXPECT_FALSE(parse_iso_instant("2025-10-20T08:15:00"));
  EXPECT_FALSE(parse_iso_instant("2025-10-20 08:15:00Z"));
  EXPECT_FALSE(parse_iso_instant("2025-10-20T24:00:00Z"));
  EXPECT_FALSE(parse_iso_instant("2025-10-20T08:60:00Z"));
  EXPECT_FALSE(parse_iso_instant("2025-10-20T08:15:60Z"));
  EXPECT_FALSE(parse_iso_instant("2025-02-30T08:15:00Z"));
  EXPECT_FALSE(parse_iso_instant("2025-10-20T08:15:00+0700"));
  EXPECT_FALSE(parse_iso_instant("2025-10-20T08:15:00+07:00Z"));
  EXPECT_FALSE(parse_iso_instant("2025-10-20T08:15:00.Z"));
  EXPECT_FALSE(parse_iso_instant("2025-10-20T08:15:00.1234567890Z"));
  EXPECT_FALSE(parse_iso_instant("2025-10-20T08:15:00z"));
  EXPECT_FALSE(parse_iso_instant(""));
  for (Millis m = -5 * kDay; m < 5 * kDay; m += 997'331) {
    const Millis whole = m - ((m % 1000) + 1000) % 1000;
    ASSERT_EQ(parse_iso_instant(to_iso_instant(m)), whole) << m;
  }
}

TEST(Instant, VietnamTime) {
  const Millis midnight_utc = days_from_civil(Date{2025, 10, 20}) * kDay;
  EXPECT_EQ(vietnam_date(midnight_utc), (Date{2025, 10, 20}));
  EXPECT_EQ(vietnam_date(midnight_utc - 1), (Date{2025, 10, 20}));          // 06:59:59.999 in Hà Nội
  EXPECT_EQ(vietnam_date(midnight_utc - 7 * kHour), (Date{2025, 10, 20}));  // 00:00 in Hà Nội
  EXPECT_EQ(vietnam_date(midnight_utc - 7 * kHour - 1), (Date{2025, 10, 19}));
  EXPECT_EQ(vietnam_date(midnight_utc + 17 * kHour - 1), (Date{2025, 10, 20}));
  EXPECT_EQ(vietnam_date(midnight_utc + 17 * kHour), (Date{2025, 10, 21}));
  EXPECT_EQ(to_display_vietnam(midnight_utc + 8 * kHour + 15 * 60'000), "20/10/2025 15:15");
  EXPECT_EQ(to_display_vietnam(midnight_utc + 17 * kHour), "21/10/2025 00:00");
  EXPECT_EQ(to_display_vietnam(midnight_utc - 7 * kHour - 60'000), "19/10/2025 23:59");
  EXPECT_EQ(vietnam_date(-7 * kHour), (Date{1970, 1, 1}));
  EXPECT_EQ(vietnam_date(-7 * kHour - 1), (Date{1969, 12, 31}));
}

TEST(Instant, ExtremesDoNotCrash) {
  for (Millis t : {INT64_MIN, INT64_MIN + 1, INT64_MAX, INT64_MAX - 1}) {
    EXPECT_FALSE(to_iso_instant(t).empty());
    EXPECT_FALSE(to_display_vietnam(t).empty());
    (void)vietnam_date(t);
  }
}

}  // namespace
