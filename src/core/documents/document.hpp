#pragma once
// A small model of a printable document in the layout of Decree 30/2020/NĐ-CP: the builders
// (unit_documents, council_documents) fill it from the domain, html.cpp and docx.cpp render it.
// It holds content and its structure only; fonts, sizes and spacing belong to the renderers, so
// the HTML and the .docx agree by construction. Text is UTF-8; renderers clean it (NFC, no
// control characters) and escape it, so builders pass values through as people typed them.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.hpp"

namespace hoso::doc {

// What a required but empty value prints as: a dotted blank to fill in by hand, never a gap.
inline constexpr std::string_view kBlank = "……………";

struct Run {
  std::string text;  // '\n' is a line break inside the paragraph or cell
  bool bold = false;
  bool italic = false;
  bool blank = false;  // a required value that is missing: text is kBlank, marked for the reader
};
using Runs = std::vector<Run>;

inline Run plain(std::string text) { return {std::move(text)}; }
inline Run bold(std::string text) { return {std::move(text), true}; }
inline Run italic(std::string text) { return {std::move(text), false, true}; }
inline Run blank() { return {std::string(kBlank), false, false, true}; }
// The value, or a dotted blank when it is empty and required (empty and optional: nothing).
Runs value_or_blank(std::string_view value, bool required = true);

enum class Align { justify, left, center, right };

// Body text: justified with a first-line indent unless told otherwise.
struct Paragraph {
  Runs runs;
  Align align = Align::justify;
  bool indent = true;
};

// A section heading such as "I. SƠ LƯỢC LÝ LỊCH", bold, as given (the builder capitalises).
struct Heading {
  std::string text;
};

// "Lạng Sơn, ngày 05 tháng 3 năm 2025": a missing place or date prints as dotted blanks.
struct PlaceDate {
  std::string place;
  std::optional<Date> date;
};

// The two-column header: left the direct parent agency (capitals) and the issuing unit (capitals,
// bold, a short rule under it) with an optional number line; right the national title, the motto
// with its rule, and the place-and-date line. Builders pass names as written; renderers capitalise.
struct NationalHeader {
  std::string parent;  // "Sở Ngoại vụ"
  std::string issuer;  // "Phòng Hợp tác quốc tế"; empty prints a blank (it is always required)
  Runs number;         // "Số: …/TTr-VP"; empty: no number line
  PlaceDate place_date;
};

// The title block, centred and bold: each entry is one line.
struct Title {
  std::vector<Runs> lines;
};

// A grid table with a header row that repeats on every page.
struct Table {
  std::vector<std::string> header;
  std::vector<int> widths;   // per column, in per cent of the text width
  std::vector<Align> align;  // per column
  std::vector<std::vector<Runs>> rows;
};

// Who signs: the title in capitals bold ('\n' between lines, e.g. "TM. HỘI ĐỒNG\nCHỦ TỊCH"),
// the italic note ("(Ký, đóng dấu)"), room for the signature and seal, then the name in bold.
struct Signer {
  std::string title;
  std::string note;
  Runs name;  // empty: left for the person to write by hand
};

// The signature row at the end: one signer (right), or two (left, right); with `recipients`
// ("Nơi nhận:" and its lines, as in a Tờ trình) the left column lists them instead.
struct Signatures {
  std::vector<std::string> recipients;
  std::vector<Signer> signers;
};

using Block = std::variant<NationalHeader, Title, Heading, Paragraph, Table, Signatures>;

struct Document {
  std::string title;  // for the browser tab and the .docx properties
  std::vector<Block> blocks;
};

// ---- text helpers shared by the builders and renderers --------------------------------------

// Vietnamese capitals: ASCII, Latin-1, the letters ă đ ĩ ũ ơ ư and the precomposed Vietnamese
// letters (U+1EA0..U+1EF9). NFC in, NFC out; other characters are left as they are.
std::string upper(std::string_view s);
// NFC, invalid UTF-8 replaced by U+FFFD, CR LF and CR turned into '\n', tabs into spaces, other
// control characters and the non-characters XML forbids removed.
std::string clean(std::string_view s);
// `& < > " '` as entities: the same text is valid in HTML and in XML (clean it first).
std::string escape_markup(std::string_view s);
// The place-and-date line as Decree 30 writes it: the day zero-padded below 10 and the months
// 1 and 2 zero-padded ("ngày 05 tháng 02 năm 2026", "ngày 30 tháng 9 năm 2025").
Runs place_date_runs(const PlaceDate& pd);
// "28/09/2025" for an ISO date, otherwise the text as typed.
std::string display_date(std::string_view iso_or_typed);
// Votes for as a share of all members, to a tenth with a decimal comma: 7 of 9 -> "77,8%",
// 9 of 9 -> "100%".
// Integer arithmetic, so native and wasm print the same; a dotted blank when total <= 0.
std::string percent(int count, int total);
// Lines of a multi-line value, trimmed, empty lines dropped.
std::vector<std::string> lines_of(std::string_view s);

}  // namespace hoso::doc
