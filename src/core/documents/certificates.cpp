#include "core/documents/certificates.hpp"

#include <cmath>
#include <cstdio>

#include "core/documents/document.hpp"
#include "core/text.hpp"

namespace hoso::doc {

namespace {

constexpr double kWidth = 297, kHeight = 210;  // A4 landscape, mm
constexpr double kPtToMm = 25.4 / 72;

// Numbers as SVG attributes: one decimal, a dot, the same text everywhere.
std::string mm(double v) {
  const long long tenths = std::llround(v * 10);
  std::string s = std::to_string(tenths / 10);
  if (tenths < 0 && tenths / 10 == 0) s = "-0";
  const long long frac = std::llabs(tenths % 10);
  return frac ? s + "." + std::to_string(frac) : s;
}

// Splits a long line at spaces so each part has at most `max` letters.
std::vector<std::string> wrap(std::string_view s, std::size_t max) {
  std::vector<std::string> out;
  std::string line;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    const std::string word(s.substr(start, end - start));
    if (!word.empty()) {
      if (!line.empty() && text::length(line) + 1 + text::length(word) > max) {
        out.push_back(line);
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    start = end + 1;
  }
  if (!line.empty()) out.push_back(line);
  return out;
}

// One centred line (or lines, one under the other) at a spot, moved by the layout's offset.
void text_at(std::string& out, const CertificateLayout& l, const CertificateSpot& s, std::string_view value,
             bool bold, bool italic = false, std::size_t wrap_at = 0) {
  const std::vector<std::string> lines = wrap_at ? wrap(value, wrap_at) : std::vector<std::string>{std::string(value)};
  const double line_mm = s.size_pt * kPtToMm * 1.35;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += "<text x=\"" + mm(s.x + l.offset_x) + "\" y=\"" + mm(s.y + l.offset_y + static_cast<double>(i) * line_mm) +
           "\" font-size=\"" + mm(s.size_pt * kPtToMm) + "\" text-anchor=\"middle\"";
    if (bold) out += " font-weight=\"bold\"";
    if (italic) out += " font-style=\"italic\"";
    out += ">" + escape_markup(clean(lines[i])) + "</text>";
  }
}

void fixed_at(std::string& out, double x, double y, double pt, std::string_view value, bool bold) {
  CertificateLayout none;
  text_at(out, none, CertificateSpot{"", x, y, pt}, value, bold);
}

std::string page(std::string_view title, std::string_view css_url, const std::string& sheets) {
  return "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + escape_markup(clean(title)) +
         "</title><link rel=\"stylesheet\" href=\"" + escape_markup(css_url) + "\"></head><body class=\"certificates\">" + sheets +
         "</body></html>\n";
}

std::string sheet_open() {
  return "<div class=\"certificate\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"297mm\" height=\"210mm\" viewBox=\"0 0 297 210\" "
         "font-family=\"Times New Roman, Tinos, Liberation Serif, serif\">";
}

}  // namespace

CertificateLayout CertificateLayout::defaults() {
  CertificateLayout l;
  l.spots = {{"name", 148.5, 102, 22},      {"detail", 148.5, 114, 15},       {"achievement", 148.5, 127, 14},
             {"decision", 70, 176, 12},     {"place_date", 215, 158, 13},     {"signer_title", 215, 166, 13},
             {"signer_name", 215, 194, 14}};
  return l;
}

const CertificateSpot* CertificateLayout::spot(std::string_view id) const {
  for (const CertificateSpot& s : spots)
    if (s.id == id) return &s;
  return nullptr;
}

Bilingual spot_label(std::string_view id) {
  if (id == "name") return {"Tên người, tập thể được khen", "Awardee's name"};
  if (id == "detail") return {"Chức vụ, đơn vị", "Position and unit"};
  if (id == "achievement") return {"Thành tích", "Achievement"};
  if (id == "decision") return {"Số, ngày quyết định", "Decision number and date"};
  if (id == "place_date") return {"Địa danh, ngày tháng", "Place and date"};
  if (id == "signer_title") return {"Chức vụ người ký", "Signer's title"};
  if (id == "signer_name") return {"Họ tên người ký", "Signer's name"};
  return {std::string(id), std::string(id)};
}

std::optional<Bilingual> layout_problem(const CertificateLayout& l) {
  if (std::abs(l.offset_x) > 50 || std::abs(l.offset_y) > 50)
    return Bilingual{"Độ lệch phải trong khoảng ±50 mm.", "The offset must be within ±50 mm."};
  for (const CertificateSpot& s : l.spots) {
    if (s.x < 0 || s.x > kWidth || s.y < 0 || s.y > kHeight)
      return Bilingual{"Vị trí “" + spot_label(s.id).vi + "” phải nằm trên tờ giấy (ngang 0–297 mm, dọc 0–210 mm).",
                       "The position of “" + spot_label(s.id).en + "” must be on the sheet (0–297 mm across, 0–210 mm down)."};
    if (s.size_pt < 6 || s.size_pt > 60)
      return Bilingual{"Cỡ chữ “" + spot_label(s.id).vi + "” phải từ 6 đến 60.", "The size of “" + spot_label(s.id).en + "” must be 6 to 60."};
  }
  return std::nullopt;
}

nlohmann::json to_json(const CertificateLayout& l) {
  nlohmann::json spots = nlohmann::json::array();
  for (const CertificateSpot& s : l.spots) spots.push_back({{"id", s.id}, {"x", s.x}, {"y", s.y}, {"size_pt", s.size_pt}});
  return {{"offset_x", l.offset_x}, {"offset_y", l.offset_y}, {"spots", std::move(spots)}};
}

CertificateLayout certificate_layout_from_json(json_in::Reader& r, const nlohmann::json& j, std::string_view path) {
  CertificateLayout l = CertificateLayout::defaults();
  if (!r.expect_object(j, path)) return l;
  r.number(j, path, "offset_x", l.offset_x, false);
  r.number(j, path, "offset_y", l.offset_y, false);
  const std::string sp = json_in::member_path(path, "spots");
  if (const nlohmann::json* list = r.member(j, path, "spots", false); list && r.expect_array(*list, sp))
    for (std::size_t i = 0; i < list->size() && r.ok(); ++i) {
      const std::string p = json_in::index_path(sp, i);
      if (!r.expect_object((*list)[i], p)) break;
      std::string id;
      r.str((*list)[i], p, "id", id);
      for (CertificateSpot& s : l.spots)
        if (s.id == id) {
          r.number((*list)[i], p, "x", s.x);
          r.number((*list)[i], p, "y", s.y);
          r.number((*list)[i], p, "size_pt", s.size_pt);
        }
    }
  if (r.ok())
    if (auto why = layout_problem(l)) r.fail(std::string(path), *why);
  return l;
}

std::string certificates_html(std::span<const Certificate> certs, const CertificateFrame& frame,
                              const CertificateLayout& layout, bool on_stock, std::string_view css_url) {
  std::string sheets;
  const CertificateLayout defaults = CertificateLayout::defaults();
  auto at = [&](std::string_view id) -> const CertificateSpot& {
    const CertificateSpot* s = layout.spot(id);
    return s ? *s : *defaults.spot(id);
  };
  for (const Certificate& c : certs) {
    sheets += sheet_open();
    if (!on_stock) {
      // The frame a blank sheet needs: a double border, the national title, the authority, the award.
      sheets += "<rect x=\"8\" y=\"8\" width=\"281\" height=\"194\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.2\"/>"
                "<rect x=\"11\" y=\"11\" width=\"275\" height=\"188\" fill=\"none\" stroke=\"#000\" stroke-width=\"0.4\"/>";
      fixed_at(sheets, 148.5, 26, 13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true);
      fixed_at(sheets, 148.5, 33, 13, "Độc lập - Tự do - Hạnh phúc", true);
      fixed_at(sheets, 148.5, 52, 15, frame.authority, true);
      fixed_at(sheets, 148.5, 61, 14, "TẶNG", false);
      fixed_at(sheets, 148.5, 84, 40, frame.award, true);
    }
    text_at(sheets, layout, at("name"), c.name, true);
    text_at(sheets, layout, at("detail"), c.detail, false);
    text_at(sheets, layout, at("achievement"), c.achievement, false, false, 80);
    text_at(sheets, layout, at("decision"), c.decision, false);
    text_at(sheets, layout, at("place_date"), c.place_date, false, true);
    text_at(sheets, layout, at("signer_title"), c.signer_title, true);
    text_at(sheets, layout, at("signer_name"), c.signer_name, true);
    sheets += "</svg></div>";
  }
  return page(frame.award.empty() ? "Giấy khen" : frame.award, css_url, sheets);
}

std::string certificate_alignment_html(const CertificateLayout& layout, std::string_view css_url) {
  std::string s = sheet_open();
  // A ruler every 10 mm along the edges, so a shift can be read off against the stock.
  for (int x = 10; x < kWidth; x += 10)
    s += "<line x1=\"" + std::to_string(x) + "\" y1=\"0\" x2=\"" + std::to_string(x) + "\" y2=\"" + (x % 50 ? "3" : "6") +
         "\" stroke=\"#000\" stroke-width=\"0.2\"/>";
  for (int y = 10; y < kHeight; y += 10)
    s += "<line x1=\"0\" y1=\"" + std::to_string(y) + "\" x2=\"" + (y % 50 ? "3" : "6") + "\" y2=\"" + std::to_string(y) +
         "\" stroke=\"#000\" stroke-width=\"0.2\"/>";
  fixed_at(s, 148.5, 14, 10, "Trang căn chỉnh: in trên giấy trắng, đặt chồng lên phôi Giấy khen rồi soi đèn để so vị trí.", false);
  const CertificateLayout defaults = CertificateLayout::defaults();
  for (const CertificateSpot& d : defaults.spots) {
    const CertificateSpot* found = layout.spot(d.id);
    const CertificateSpot& sp = found ? *found : d;
    const double h = sp.size_pt * kPtToMm * 1.3;
    const double x = sp.x + layout.offset_x, y = sp.y + layout.offset_y;
    s += "<rect x=\"" + mm(x - 60) + "\" y=\"" + mm(y - h * 0.8) + "\" width=\"120\" height=\"" + mm(h) +
         "\" fill=\"none\" stroke=\"#000\" stroke-width=\"0.3\" stroke-dasharray=\"1.5 1\"/>";
    s += "<line x1=\"" + mm(x - 3) + "\" y1=\"" + mm(y) + "\" x2=\"" + mm(x + 3) + "\" y2=\"" + mm(y) + "\" stroke=\"#000\" stroke-width=\"0.3\"/>";
    s += "<line x1=\"" + mm(x) + "\" y1=\"" + mm(y - 3) + "\" x2=\"" + mm(x) + "\" y2=\"" + mm(y + 3) + "\" stroke=\"#000\" stroke-width=\"0.3\"/>";
    CertificateLayout none;
    // The label above the box, clear of the cross that marks the line's point.
    text_at(s, none, CertificateSpot{"", x, y - h * 0.8 - 1, 9}, spot_label(sp.id).vi + " (" + mm(x) + "; " + mm(y) + " mm)", false);
  }
  s += "</svg></div>";
  return page("Trang căn chỉnh Giấy khen", css_url, s);
}

}  // namespace hoso::doc
