#include "core/documents/unit_documents.hpp"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "core/documents/builders.hpp"
#include "core/edit.hpp"
#include "core/package.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"

namespace hoso::doc {

using nlohmann::json;

std::string award_name(const Campaign& c, std::string_view id) {
  if (const AwardForm* f = c.award_form(id)) return f->name.vi;
  return std::string(id);
}

std::string kind_name(const Campaign& c, NomineeKind kind) {
  if (const NomineeKindSpec* k = c.kind_spec(kind); k && !k->name.vi.empty()) return k->name.vi;
  return kind == NomineeKind::collective ? "Tập thể" : "Cá nhân";
}

std::string award_title(const Campaign& c, std::string_view id) {
  if (const AwardForm* f = c.award_form(id)) return f->title().vi;
  return std::string(id);
}

NationalHeader agency_header(const Campaign& c, std::string issuer, PlaceDate place_date, Runs number) {
  return NationalHeader{c.is_issuer(issuer) ? c.issuer_parent.vi : c.issuer.vi, std::move(issuer), std::move(number),
                        std::move(place_date)};
}

std::string signing_note(const Campaign& c, std::string_view body) {
  return c.has_seal(text::trim(body)) ? "(Ký, đóng dấu)" : "(Ký, ghi rõ họ và tên)";
}

std::string short_hash(std::string_view hex) { return hex.empty() ? std::string(kBlank) : check_code(hex); }

namespace {

// Template fields that are not printed in the body: the header and the signature blocks use them.
constexpr std::array<std::string_view, 4> kSigningFields = {"place", "date", "head_name", "superior_head_name"};

bool is_signing_field(std::string_view id) {
  return std::find(kSigningFields.begin(), kSigningFields.end(), id) != kSigningFields.end();
}

std::string report_text(const Dossier& d, std::string_view field_id) {
  const json v = get_field(d, report_path(field_id));
  return v.is_string() ? v.get<std::string>() : std::string();
}

// A choice's label: the template's options, else the nominee's gender or the campaign's categories.
std::string choice_label(const Field& f, const std::string& id, const Campaign& c) {
  for (const ChoiceOption& o : f.limits.options)
    if (o.id == id) return o.label.vi;
  if (f.bind == nominee_path("gender")) {
    for (const ChoiceOption& o : gender_options())
      if (o.id == id) return o.label.vi;
  }
  if (const Category* cat = c.category(id); cat && f.bind == nominee_path("category")) return cat->name.vi;
  return id;
}

// A scalar value as printed; empty when there is none.
std::string scalar_text(const json& v, const Field& f, const Campaign& c) {
  if (v.is_string()) {
    const std::string s = text::trim(v.get<std::string>());
    if (s.empty()) return s;
    if (f.type == FieldType::date) return display_date(s);
    if (f.type == FieldType::choice) return choice_label(f, s, c);
    return s;
  }
  if (v.is_boolean()) return v.get<bool>() ? "Có" : "Không";
  if (v.is_number()) {  // Vietnamese writes a decimal comma
    std::string s = v.dump();
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
  }
  return {};
}

json field_value(const Dossier& d, const Field& f) {
  if (!f.bind.empty()) return get_field(d, f.bind);
  return get_field(d, report_path(f.id));
}

// Column widths in per cent: the index column, then the columns by how much they usually hold.
std::vector<int> column_widths(const std::vector<Field>& columns) {
  std::vector<int> weights;
  int sum = 0;
  for (const Field& col : columns) {
    const int w = col.type == FieldType::multiline ? 4 : col.type == FieldType::text || col.type == FieldType::choice ? 3 : 2;
    weights.push_back(w);
    sum += w;
  }
  std::vector<int> out{kIndexWidth};
  int left = 100 - kIndexWidth;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const int w = i + 1 == weights.size() ? left : (100 - kIndexWidth) * weights[i] / sum;
    out.push_back(w);
    left -= w;
  }
  return out;
}

Table rows_table(const json& rows, const Field& f, const Campaign& c) {
  Table t;
  t.header.push_back("STT");
  t.align.push_back(Align::center);
  for (const Field& col : f.columns) {
    t.header.push_back(col.label.vi);
    t.align.push_back(col.type == FieldType::date || col.type == FieldType::number ? Align::center : Align::left);
  }
  t.widths = column_widths(f.columns);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::vector<Runs> cells{{plain(std::to_string(i + 1))}};
    for (const Field& col : f.columns) {
      const auto it = rows[i].is_object() ? rows[i].find(col.id) : rows[i].end();
      const std::string v = it != rows[i].end() ? scalar_text(*it, col, c) : std::string();
      cells.push_back(value_or_blank(v, col.required));
    }
    t.rows.push_back(std::move(cells));
  }
  return t;
}

// One field of the report: "- Label: value", a table for rows, paragraphs for multi-line text.
void add_field(std::vector<Block>& out, const Dossier& d, const Campaign& c, const Field& f,
               const std::string& section_title) {
  const json v = field_value(d, f);
  const std::string label = "- " + f.label.vi + ":";
  if (f.type == FieldType::rows) {
    if (!v.is_array() || v.empty()) {
      if (f.required) out.push_back(labelled(label, {blank()}));
      return;
    }
    // A section with one table field repeats its title as the label: say it once.
    if (f.label.vi != section_title) out.push_back(labelled(label, {}));
    out.push_back(rows_table(v, f, c));
    return;
  }
  std::vector<std::string> lines =
      f.type == FieldType::multiline && v.is_string() ? lines_of(v.get<std::string>()) : std::vector<std::string>{};
  if (f.type != FieldType::multiline) {
    if (std::string s = scalar_text(v, f, c); !s.empty()) lines.push_back(std::move(s));
  }
  if (lines.empty()) {
    if (f.required) out.push_back(labelled(label, {blank()}));
    return;
  }
  out.push_back(labelled(label, {plain(lines.front())}));
  for (std::size_t i = 1; i < lines.size(); ++i) out.push_back(Paragraph{{plain(lines[i])}});
}

void add_section(std::vector<Block>& out, const Dossier& d, const Campaign& c, const Section& s) {
  std::vector<Block> body;
  for (const Field& f : s.fields)
    if (f.applies_to(d.nominee.kind) && !is_signing_field(f.id)) add_field(body, d, c, f, s.title.vi);
  if (body.empty()) return;  // nothing printed: an optional section left empty
  out.push_back(Heading{(s.number.empty() ? "" : s.number + ". ") + upper(s.title.vi)});
  for (Block& b : body) out.push_back(std::move(b));
}

NationalHeader dossier_header(const Dossier& d, const Campaign& c, PlaceDate pd) {
  const Nominee& n = d.nominee;
  if (n.kind == NomineeKind::collective && !text::trim(n.parent_unit).empty() && !c.is_issuer(n.parent_unit))
    return NationalHeader{n.parent_unit, n.name, {}, std::move(pd)};
  return agency_header(c, n.kind == NomineeKind::collective ? n.name : n.unit, std::move(pd));
}

// The report's own place and date when set. In the report a missing one is a blank if the
// template requires it; a document without its own (the summary, `fallback` given) takes the
// campaign's place and the caller's date instead.
PlaceDate report_place_date(const Dossier& d, const Campaign& c, const ReportTemplate& t,
                            std::optional<Date> fallback) {
  PlaceDate pd{report_text(d, "place"), parse_iso_date(report_text(d, "date"))};
  const Field* place = t.field("place");
  const bool blank_place = place && place->required && !fallback;
  if (text::trim(pd.place).empty() && !blank_place) pd.place = c.place;
  if (!pd.date) pd.date = fallback;
  return pd;
}

// "BÁO CÁO THÀNH TÍCH" / "ĐỀ NGHỊ TẶNG GIẤY KHEN …" / "Trong phong trào thi đua …" / the nominee.
Title dossier_title(const Dossier& d, const Campaign& c, std::string_view first_line) {
  Title t;
  t.lines.push_back({plain(std::string(first_line))});
  const std::string award = award_title(c, d.award_form);
  t.lines.push_back(award.empty() ? Runs{plain("ĐỀ NGHỊ TẶNG "), blank()} : Runs{plain("ĐỀ NGHỊ TẶNG " + upper(award))});
  if (!c.name.vi.empty()) t.lines.push_back({plain("Trong " + c.name.vi)});
  const Nominee& n = d.nominee;
  std::string who = display_name(n);
  if (n.kind == NomineeKind::individual && !who.empty()) {
    for (const std::string* part : {&n.position, &n.unit})
      if (!text::trim(*part).empty()) who += ", " + text::trim(*part);
  }
  t.lines.push_back(value_or_blank(who));
  return t;
}

Signatures dossier_signatures(const Dossier& d, const Campaign& c, const ReportTemplate& t) {
  auto name = [&](std::string_view id) {
    const Field* f = t.field(id);
    return f ? value_or_blank(report_text(d, id), f->required) : Runs{};
  };
  const Nominee& n = d.nominee;
  Signatures s;
  if (n.kind == NomineeKind::collective) {
    const std::string& superior = text::trim(n.parent_unit).empty() ? c.issuer.vi : n.parent_unit;
    s.signers = {{"THỦ TRƯỞNG ĐƠN VỊ\nCẤP TRÊN TRỰC TIẾP\nNHẬN XÉT, XÁC NHẬN", signing_note(c, superior), name("superior_head_name")},
                 {"THỦ TRƯỞNG ĐƠN VỊ", signing_note(c, n.name), name("head_name")}};
  } else {
    s.signers = {{"THỦ TRƯỞNG ĐƠN VỊ\nXÁC NHẬN, ĐỀ NGHỊ", signing_note(c, n.unit), name("head_name")},
                 {"NGƯỜI BÁO CÁO THÀNH TÍCH", "(Ký, ghi rõ họ và tên)", value_or_blank(d.nominee.full_name)}};
  }
  return s;
}

std::string with_name(std::string_view what, const std::string& name) {
  return name.empty() ? std::string(what) : std::string(what) + " - " + name;
}

}  // namespace

Document achievement_report(const Dossier& d, const Campaign& c, const ReportTemplate& t) {
  Document doc{with_name("Báo cáo thành tích", display_name(d.nominee)), {}};
  doc.blocks.push_back(dossier_header(d, c, report_place_date(d, c, t, std::nullopt)));
  doc.blocks.push_back(dossier_title(d, c, "BÁO CÁO THÀNH TÍCH"));
  for (const Section& s : t.sections) add_section(doc.blocks, d, c, s);
  doc.blocks.push_back(dossier_signatures(d, c, t));
  return doc;
}

Document achievement_summary(const Dossier& d, const Campaign& c, const ReportTemplate& report, Date date) {
  Document doc{with_name("Tóm tắt thành tích", display_name(d.nominee)), {}};
  doc.blocks.push_back(dossier_header(d, c, report_place_date(d, c, report, date)));
  doc.blocks.push_back(dossier_title(d, c, "TÓM TẮT THÀNH TÍCH"));
  add_lines(doc.blocks, d.summary);
  doc.blocks.push_back(dossier_signatures(d, c, report));
  return doc;
}

Document review_minutes(const Minutes& m, const Campaign& c, std::span<const Dossier> dossiers) {
  Document doc{with_name("Biên bản họp xét khen thưởng", m.unit_name), {}};
  const std::optional<Date> date = parse_iso_date(m.date);
  doc.blocks.push_back(agency_header(c, m.unit_name, {c.place, date}));
  Title title{{{plain("BIÊN BẢN")}, {plain("Họp xét đề nghị khen thưởng")}}};
  if (!c.name.vi.empty()) title.lines.push_back({plain("Trong " + c.name.vi)});
  doc.blocks.push_back(std::move(title));

  doc.blocks.push_back(meeting_opening(m.time, date ? to_display(*date) : m.date, m.place, value_or_blank(m.unit_name)));
  doc.blocks.push_back(Heading{"I. THÀNH PHẦN"});
  add_participants(doc.blocks, m.chair, m.secretary, m.members_total, m.members_present, m.absent);

  doc.blocks.push_back(Heading{"II. NỘI DUNG"});
  add_lines(doc.blocks, m.agenda);

  doc.blocks.push_back(Heading{"III. KẾT QUẢ BIỂU QUYẾT"});
  doc.blocks.push_back(share_basis(m.members_total));
  if (m.votes.empty()) {
    doc.blocks.push_back(Paragraph{{blank()}});
  } else {
    Table t;
    t.header = {"STT", "Tập thể, cá nhân đề nghị", "Hình thức khen thưởng", "Đồng ý", "Không đồng ý", "Tỷ lệ đồng ý"};
    t.widths = {kIndexWidth, 30, 22, 11, 12, 100 - kIndexWidth - 75};
    t.align = {Align::center, Align::left, Align::left, Align::center, Align::center, Align::center};
    for (const Vote& v : m.votes) {
      const auto it = std::find_if(dossiers.begin(), dossiers.end(), [&](const Dossier& d) { return d.id == v.dossier_id; });
      const std::string name = it != dossiers.end() ? display_name(it->nominee) : std::string();
      t.rows.push_back({{plain(std::to_string(t.rows.size() + 1))},
                        value_or_blank(name),
                        value_or_blank(award_name(c, v.award_form)),
                        {plain(std::to_string(v.votes_for))},
                        {plain(std::to_string(v.votes_against))},
                        {plain(percent(v.votes_for, m.members_total))}});
    }
    doc.blocks.push_back(std::move(t));
  }

  doc.blocks.push_back(Heading{"IV. KẾT LUẬN"});
  add_lines(doc.blocks, m.conclusion);
  add_closing(doc.blocks, m.closing_time, m.secretary, m.chair);
  return doc;
}

Document package_cover(const PackageContents& p, const Campaign& c) {
  Document doc{with_name("Danh mục hồ sơ đề nghị khen thưởng", p.unit_name), {}};
  doc.blocks.push_back(agency_header(c, p.unit_name, {c.place, p.date}));
  Title title{{{plain("DANH MỤC HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG")}}};
  if (!c.name.vi.empty()) title.lines.push_back({plain("Trong " + c.name.vi)});
  doc.blocks.push_back(std::move(title));

  doc.blocks.push_back(labelled("- Mã kiểm tra của gói hồ sơ (SHA-256, rút gọn):", {bold(short_hash(p.package_sha256))}));
  if (!p.package_id.empty()) doc.blocks.push_back(labelled("- Số hiệu gói:", {plain(p.package_id)}));
  if (p.revision > 0) doc.blocks.push_back(labelled("- Lần gửi thứ:", {plain(std::to_string(p.revision))}));
  int collectives = 0;
  for (const Dossier* d : p.dossiers) collectives += d->nominee.kind == NomineeKind::collective;
  doc.blocks.push_back(labelled("- Số hồ sơ:", {plain(std::to_string(p.dossiers.size()) + " (" + std::to_string(collectives) +
                                                      " tập thể, " + std::to_string(p.dossiers.size() - collectives) +
                                                      " cá nhân)")}));

  Table t;
  t.header = {"STT", "Tập thể, cá nhân", "Hình thức khen thưởng", "Thành phần hồ sơ"};
  t.widths = {kIndexWidth, 27, 25, 100 - kIndexWidth - 52};
  t.align = {Align::center, Align::left, Align::left, Align::left};
  for (const Dossier* d : p.dossiers) {
    std::string parts = "Báo cáo thành tích\nTóm tắt thành tích";
    for (const Attachment& a : d->attachments) parts += "\n" + a.name + " (" + short_hash(a.sha256) + ")";
    Runs who = value_or_blank(display_name(d->nominee));
    who.push_back(plain("\n(" + kind_name(c, d->nominee.kind) + ")"));
    t.rows.push_back({{plain(std::to_string(t.rows.size() + 1))}, std::move(who),
                      value_or_blank(award_name(c, d->award_form)), {plain(parts)}});
  }
  if (!t.rows.empty()) doc.blocks.push_back(std::move(t));
  if (p.minutes) {
    const std::optional<Date> md = parse_iso_date(p.minutes->date);
    doc.blocks.push_back(labelled("- Kèm theo:", {plain("Biên bản họp xét khen thưởng" +
                                                        (md ? " ngày " + to_display(*md) : std::string()) + ".")}));
  }
  doc.blocks.push_back(Paragraph{{italic("Mã kiểm tra là 16 ký tự đầu của mã SHA-256 của gói hồ sơ; đối chiếu với mã "
                                         "ứng dụng hiển thị cho tệp gói để bảo đảm bản giấy và tệp là một.")}});
  doc.blocks.push_back(Signatures{{}, {{"THỦ TRƯỞNG ĐƠN VỊ", signing_note(c, p.unit_name), {}}}});
  return doc;
}

}  // namespace hoso::doc
