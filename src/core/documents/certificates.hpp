#pragma once
// The award certificates (Giấy khen) of a recorded decision, one A4 landscape sheet each: on blank
// paper the whole certificate (national title, the authority, "GIẤY KHEN", the awardee, the
// achievement, the decision, place and date, the signer); on pre-printed stock only the lines the
// stock leaves blank. Each line prints at a position in millimetres that the secretariat adjusts
// (and keeps: CertificateLayout lives in the register's head), with an offset for the printer's
// own shift; an alignment page prints the positions as marked boxes on plain paper, to hold
// against a sheet of stock.
//
// The page is an SVG per sheet (positions as attributes: the app's Content-Security-Policy allows
// no inline style) in an HTML page that links print.css (its named page "certificate": A4
// landscape, no margins).
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/json_in.hpp"

namespace hoso::doc {

// One line the secretariat can move: where its centre (or its start, `left`) sits on the sheet.
struct CertificateSpot {
  std::string id;  // name, detail, achievement, decision, place_date, signer_title, signer_name
  double x = 148.5, y = 100;  // mm from the sheet's top-left (A4 landscape: 297 x 210)
  double size_pt = 14;
  bool operator==(const CertificateSpot&) const = default;
};

struct CertificateLayout {
  double offset_x = 0, offset_y = 0;  // mm, added to every line: the printer's or the stock's shift
  std::vector<CertificateSpot> spots;
  static CertificateLayout defaults();
  const CertificateSpot* spot(std::string_view id) const;
  bool operator==(const CertificateLayout&) const = default;
};
// The lines' names for the screen: "Tên người, tập thể được khen" / "Awardee's name", ...
Bilingual spot_label(std::string_view id);
// Offsets and positions must stay on the sheet: within ±50 mm, inside 0..297 x 0..210, 6..60 pt.
std::optional<Bilingual> layout_problem(const CertificateLayout& l);

nlohmann::json to_json(const CertificateLayout& l);
// Missing spots take their defaults (so a layout saved before a line existed still prints it).
CertificateLayout certificate_layout_from_json(json_in::Reader& r, const nlohmann::json& j, std::string_view path);

// What one certificate says.
struct Certificate {
  std::string name;         // "Bà Trần Minh Hà" / "Phòng Lãnh sự"
  std::string detail;       // "Phó Trưởng phòng, Phòng Quản lý biên giới" / the collective's parent unit
  std::string achievement;  // "Đã có thành tích xuất sắc trong …"
  std::string decision;     // "Quyết định số 120/QĐ-SNgV ngày 20/11/2025"
  std::string place_date;   // "Lạng Sơn, ngày 20 tháng 11 năm 2025"
  std::string signer_title;  // "GIÁM ĐỐC"
  std::string signer_name;
};

// The fixed parts a blank sheet carries and the stock has printed.
struct CertificateFrame {
  std::string authority;  // "GIÁM ĐỐC SỞ NGOẠI VỤ TỈNH LẠNG SƠN"
  std::string award;      // "GIẤY KHEN"
};

std::string certificates_html(std::span<const Certificate> certs, const CertificateFrame& frame,
                              const CertificateLayout& layout, bool on_stock, std::string_view css_url);
// The alignment page: a millimetre frame, and each line's position as a labelled box.
std::string certificate_alignment_html(const CertificateLayout& layout, std::string_view css_url);

}  // namespace hoso::doc
