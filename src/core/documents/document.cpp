#include "core/documents/document.hpp"

#include "core/share.hpp"
#include "core/text.hpp"

namespace hoso::doc {

Runs value_or_blank(std::string_view value, bool required) {
  if (!text::trim(value).empty()) return {plain(std::string(value))};
  if (required) return {blank()};
  return {};
}

namespace {

// Only the case pairs Vietnamese uses; each range below alternates capital, small.
char32_t upper_cp(char32_t c) {
  if ((c >= U'a' && c <= U'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 0x20;
  const bool paired = (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) ||
                      (c >= 0x1EA0 && c <= 0x1EF9);
  if (paired && (c & 1)) return c - 1;
  if (c == 0x1A1 || c == 0x1B0) return c - 1;  // ơ, ư
  return c;
}

}  // namespace

std::string upper(std::string_view s) {
  std::u32string cps = text::decode_utf8(text::nfc(s));
  for (char32_t& c : cps) c = upper_cp(c);
  return text::encode_utf8(cps);
}

std::string clean(std::string_view s) {
  const std::u32string cps = text::decode_utf8(text::nfc(s));
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (c == U'\r') {
      if (i + 1 < cps.size() && cps[i + 1] == U'\n') continue;
      c = U'\n';
    }
    if (c == U'\t') c = U' ';
    // XML 1.0 allows neither C0 controls (but tab, LF, CR) nor U+FFFE/U+FFFF; C1 controls and
    // DEL are allowed but never meant in a document.
    const bool control = (c < 0x20 && c != U'\n') || (c >= 0x7F && c <= 0x9F);
    if (control || c == 0xFFFE || c == 0xFFFF) continue;
    text::append_utf8(out, c);
  }
  return out;
}

std::string escape_markup(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {
std::string two_digits(int n) { return std::string(n < 10 ? "0" : "").append(std::to_string(n)); }
}  // namespace

Runs place_date_runs(const PlaceDate& pd) {
  Runs r = value_or_blank(text::trim(pd.place));
  if (!pd.date) {
    r.push_back(italic(", ngày "));
    r.push_back(blank());
    r.push_back(italic(" tháng "));
    r.push_back(blank());
    r.push_back(italic(" năm "));
    r.push_back(blank());
  } else {
    // Decree 30/2020, Appendix I: days below 10 and the months 1 and 2 take a leading zero, so
    // nobody can turn "1" into "11" or "21" by hand; months from 3 on cannot be altered that way.
    const Date& d = *pd.date;
    const std::string month = d.month <= 2 ? two_digits(d.month) : std::to_string(d.month);
    r.push_back(plain(", ngày " + two_digits(d.day) + " tháng " + month + " năm " +
                      std::to_string(d.year)));
  }
  for (Run& run : r) run.italic = true;
  return r;
}

std::string display_date(std::string_view iso_or_typed) {
  if (auto d = parse_iso_date(iso_or_typed)) return to_display(*d);
  return std::string(iso_or_typed);
}

std::string percent(int count, int total) {
  if (total <= 0) return std::string(kBlank);
  return share_percent(count, total).vi;
}

std::vector<std::string> lines_of(std::string_view s) {
  std::vector<std::string> out;
  const std::string c = clean(s);
  std::size_t start = 0;
  while (start <= c.size()) {
    std::size_t end = c.find('\n', start);
    if (end == std::string::npos) end = c.size();
    std::string line = text::trim(std::string_view(c).substr(start, end - start));
    if (!line.empty()) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

}  // namespace hoso::doc
