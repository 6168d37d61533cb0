#include "core/edit.hpp"

#include <algorithm>
#include <charconv>

#include "core/edit_detail.hpp"
#include "core/json_in.hpp"
#include "core/library.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

namespace hoso {

using namespace edit_detail;  // this file's half of the edits (edit_detail.hpp)
using json_in::in_quotes;
using nlohmann::json;

namespace {

DataError wrong_type(std::string_view path, std::string_view vi, std::string_view en) {
  return refuse(path, {"Giá trị cho " + in_quotes(path) + " phải là " + std::string(vi) + ".",
                       "The value for " + in_quotes(path) + " must be " + std::string(en) + "."});
}

// "12", "-3", "4,5", "4.5" -> a JSON number; nullopt for anything else.
std::optional<json> parse_number(std::string_view s) {
  std::string t(s);
  std::replace(t.begin(), t.end(), ',', '.');
  // Longer than any count or amount a form holds: keep it as typed rather than risk overflow.
  if (t.empty() || t.size() > 24 || t.find_first_not_of("-0123456789.") != std::string::npos)
    return std::nullopt;
  if (t.find('.') == std::string::npos) {
    int64_t v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
    return json(v);
  }
  // One separator with digits on both sides; std::stod is locale-independent for '.'.
  std::size_t dot = t.find('.');
  if (t.find('.', dot + 1) != std::string::npos || dot == 0 || dot + 1 == t.size() ||
      t.find('-', 1) != std::string::npos || (t[0] == '-' && dot == 1))
    return std::nullopt;
  return json(std::stod(t));
}

}  // namespace

// ---- shared with minutes_edit.cpp (edit_detail.hpp) ----------------------------------------------

namespace edit_detail {

DataError unknown_path(std::string_view path) {
  return refuse(path, {"Không có trường " + in_quotes(path) + ".", "There is no field " + in_quotes(path) + "."});
}

Outcome<json> coerce(FieldType type, const json& v, std::string_view path) {
  if (v.is_null()) return json(nullptr);
  switch (type) {
    case FieldType::text:
    case FieldType::multiline:
    case FieldType::choice:
      if (!v.is_string()) return wrong_type(path, "chuỗi ký tự", "a string");
      if (v.get_ref<const std::string&>().empty()) return json(nullptr);
      return json(text::nfc(v.get_ref<const std::string&>()));
    case FieldType::date: {
      if (!v.is_string()) return wrong_type(path, "chuỗi ký tự", "a string");
      std::string s = normalize_date_input(v.get_ref<const std::string&>());
      return s.empty() ? json(nullptr) : json(s);
    }
    case FieldType::time: {
      if (!v.is_string()) return wrong_type(path, "chuỗi ký tự", "a string");
      std::string s = text::trim(text::nfc(v.get_ref<const std::string&>()));
      return s.empty() ? json(nullptr) : json(s);
    }
    case FieldType::number: {
      if (v.is_number()) return v;
      if (!v.is_string()) return wrong_type(path, "một số", "a number");
      std::string s = text::trim(text::nfc(v.get_ref<const std::string&>()));
      if (s.empty()) return json(nullptr);
      if (auto n = parse_number(s)) return *n;
      return json(s);
    }
    case FieldType::yesno:
      if (!v.is_boolean()) return wrong_type(path, "true hoặc false", "true or false");
      return v;
    case FieldType::rows: break;
  }
  return refuse(path, {"Bảng được sửa từng ô, hoặc thêm/xoá/chuyển dòng.",
                       "Rows are edited cell by cell, or by adding, removing or moving rows."});
}

}  // namespace edit_detail

namespace {

// Content of dossiers in the secretariat's hands is what the unit submitted.
std::optional<DataError> check_editable(const Dossier& d, std::string_view path) {
  if (is_unit_status(d.status)) return std::nullopt;
  return refuse(path, {"Hồ sơ đang ở bước xét của Văn phòng Sở (" + status_label(d.status).vi +
                           ") nên không sửa được; đơn vị sửa và gửi lại bản mới.",
                       "The dossier is with the secretariat (" + status_label(d.status).en +
                           ") and cannot be edited; the unit sends a corrected revision."});
}

// Records content changes; a ready or exported dossier goes back to draft.
void commit(Dossier& d, const EditContext& ctx, std::vector<Change> changes) {
  Millis t = whole_seconds(ctx.now);
  for (auto& c : changes) record(d.audit, ctx, t, std::move(c));
  if (d.status == Status::ready || d.status == Status::exported) {
    record(d.audit, ctx, t, {std::string(kStatusPath), std::string(to_string(d.status)), "draft"});
    d.status = Status::draft;
  }
  d.updated = t;
}

// A field type for a value the template does not describe.
FieldType infer_type(const json& v) {
  if (v.is_number()) return FieldType::number;
  if (v.is_boolean()) return FieldType::yesno;
  return FieldType::text;
}

Outcome<bool> set_string(Dossier& d, std::string& slot, std::string_view path, const json& value,
                         FieldType type, const EditContext& ctx) {
  auto v = coerce(type, value, path);
  if (!v) return v.error();
  std::string next = v->is_null() ? std::string() : v->get<std::string>();
  if (next == slot) return false;
  if (auto e = check_editable(d, path)) return *e;
  Change c{std::string(path), slot, next};
  slot = std::move(next);
  commit(d, ctx, {std::move(c)});
  return true;
}

Outcome<bool> set_bool(Dossier& d, bool& slot, std::string_view path, const json& value,
                       const EditContext& ctx) {
  if (!value.is_boolean()) return wrong_type(path, "true hoặc false", "true or false");
  bool next = value.get<bool>();
  if (next == slot) return false;
  if (auto e = check_editable(d, path)) return *e;
  Change c{std::string(path), slot, next};
  slot = next;
  commit(d, ctx, {std::move(c)});
  return true;
}

Outcome<bool> set_nominee_number(Dossier& d, std::optional<int>& slot, std::string_view path,
                                 const json& value, const EditContext& ctx) {
  auto v = coerce(FieldType::number, value, path);
  if (!v) return v.error();
  std::optional<int> next;
  if (!v->is_null()) {
    double x = v->is_number() ? v->get<double>() : -1.5;  // text that is no number: refused below
    if (!v->is_number() || x != static_cast<double>(static_cast<int>(x)) || x < 0 || x > 1e9)
      return refuse(path, {"Cần nhập một số nguyên không âm.", "Enter a whole number, 0 or more."});
    next = static_cast<int>(x);
  }
  if (next == slot) return false;
  if (auto e = check_editable(d, path)) return *e;
  Change c{std::string(path), slot ? json(*slot) : json(nullptr), next ? json(*next) : json(nullptr)};
  slot = next;
  commit(d, ctx, {std::move(c)});
  return true;
}

const Field* report_field(const Library& lib, const Dossier& d, std::string_view id) {
  const ReportTemplate* t = lib.find_template(d.report_template.id);
  return t ? t->field(id) : nullptr;
}

bool template_known(const Library& lib, const Dossier& d) {
  return lib.find_template(d.report_template.id) != nullptr;
}

// The rows array of "report.<id>" (created when `create`), or an error.
Outcome<json*> rows_of(const Library* lib, Dossier& d, std::string_view rows_path, bool create) {
  auto steps = parse_path(rows_path);
  if (!steps || steps->size() != 2 || (*steps)[0].key != "report" || (*steps)[0].index ||
      (*steps)[1].index)
    return unknown_path(rows_path);
  const std::string& id = (*steps)[1].key;
  if (lib && template_known(*lib, d)) {
    const Field* f = report_field(*lib, d, id);
    if (!f || f->type != FieldType::rows) return unknown_path(rows_path);
  }
  if (!d.report.is_object()) d.report = json::object();
  auto it = d.report.find(id);
  if (it == d.report.end() || it->is_null()) {
    if (!create) return refuse(rows_path, {"Bảng chưa có dòng nào.", "The table has no rows."});
    d.report[id] = json::array();
    return &d.report[id];
  }
  if (!it->is_array()) return wrong_type(rows_path, "một danh sách dòng", "a list of rows");
  return &*it;
}

Outcome<bool> set_report(const Library& lib, Dossier& d, const std::vector<PathStep>& steps,
                         std::string_view path, const json& value, const EditContext& ctx) {
  const std::string& id = steps[1].key;
  const Field* f = report_field(lib, d, id);
  if (!f && template_known(lib, d)) return unknown_path(path);
  if (f && !f->bind.empty())
    return refuse(path, {"Trường này lấy từ thông tin đối tượng: sửa tại " + in_quotes(f->bind) + ".",
                         "This field is the nominee's: edit it at " + in_quotes(f->bind) + "."});
  if (!d.report.is_object()) d.report = json::object();

  if (steps.size() == 2 && !steps[1].index) {
    auto v = coerce(f ? f->type : infer_type(value), value, path);
    if (!v) return v.error();
    json old = d.report.contains(id) ? d.report[id] : json(nullptr);
    if (old == *v) return false;
    if (auto e = check_editable(d, path)) return *e;
    if (v->is_null()) d.report.erase(id);
    else d.report[id] = *v;
    commit(d, ctx, {{std::string(path), std::move(old), std::move(v).value()}});
    return true;
  }
  if (steps.size() != 3 || !steps[1].index || steps[2].index) return unknown_path(path);
  const std::string& col = steps[2].key;
  const Field* cf = f ? f->column(col) : nullptr;
  if (f && (f->type != FieldType::rows || !cf)) return unknown_path(path);
  auto rows = rows_of(&lib, d, report_path(id), false);
  if (!rows) return rows.error();
  std::size_t i = *steps[1].index;
  if (i >= (*rows)->size())
    return refuse(path, {"Không có dòng " + std::to_string(i + 1) + ".", "There is no row " + std::to_string(i + 1) + "."});
  json& row = (**rows)[i];
  auto v = coerce(cf ? cf->type : infer_type(value), value, path);
  if (!v) return v.error();
  json old = row.contains(col) ? row[col] : json(nullptr);
  if (old == *v) return false;
  if (auto e = check_editable(d, path)) return *e;
  if (v->is_null()) row.erase(col);
  else row[col] = *v;
  commit(d, ctx, {{std::string(path), std::move(old), std::move(v).value()}});
  return true;
}

}  // namespace

// ---- reading -----------------------------------------------------------------------------------

json get_field(const Dossier& d, std::string_view path) {
  auto steps = parse_path(path);
  if (!steps) return nullptr;
  const auto& s = *steps;
  const std::string& head = s[0].key;
  if (head == "nominee" && s.size() == 2) {
    if (s[1].key == "kind") return to_string(d.nominee.kind);
    if (const auto* t = nominee_text(d.nominee, s[1].key)) return *t;
    if (const auto* n = nominee_number(d.nominee, s[1].key)) return *n ? json(**n) : json(nullptr);
    return nullptr;
  }
  if (head == "award_form" && s.size() == 1) return d.award_form;
  if (head == "criteria" && s.size() == 3) {
    auto it = d.criteria.find(s[1].key);
    if (s[2].key == "met") return it != d.criteria.end() && it->second.met;
    if (s[2].key == "evidence") return it != d.criteria.end() ? it->second.evidence : std::string();
    return nullptr;
  }
  if (head == "summary" && s.size() == 2 && s[1].key == "text") return d.summary;
  if (head == "report" && (s.size() == 2 || s.size() == 3) && d.report.is_object()) {
    auto it = d.report.find(s[1].key);
    if (it == d.report.end()) return nullptr;
    if (!s[1].index) return s.size() == 2 ? *it : json(nullptr);
    if (!it->is_array() || *s[1].index >= it->size()) return nullptr;
    const json& row = (*it)[*s[1].index];
    if (s.size() == 2) return row;
    auto c = row.find(s[2].key);
    return c != row.end() ? *c : json(nullptr);
  }
  if (head == "flags" && s.size() == 2) {
    if (s[1].key == "under_discipline") return d.flags.under_discipline;
    if (s[1].key == "under_inspection") return d.flags.under_inspection;
    if (s[1].key == "under_investigation") return d.flags.under_investigation;
    if (s[1].key == "no_complaint_under_verification") return d.flags.no_complaint_under_verification;
  }
  if (head == "status" && s.size() == 1) return to_string(d.status);
  return nullptr;
}

json get_field(const Minutes& m, std::string_view path) {
  auto steps = parse_path(path);
  if (!steps || (*steps)[0].key != "minutes" || steps->size() < 2) return nullptr;
  json j = to_json(m);
  const auto& s = *steps;
  if (s[1].key == "votes" && s.size() == 4) {
    const Vote* v = m.vote_for(s[2].key);
    if (!v) return nullptr;
    if (s[3].key == "for") return v->votes_for;
    if (s[3].key == "against") return v->votes_against;
    if (s[3].key == "award_form") return v->award_form;
    return nullptr;
  }
  auto it = j.find(s[1].key);
  if (it == j.end() || s[1].key == "audit" || s[1].key == "votes") return nullptr;
  if (!s[1].index) return s.size() == 2 ? *it : json(nullptr);
  if (!it->is_array() || *s[1].index >= it->size()) return nullptr;
  const json& row = (*it)[*s[1].index];
  if (s.size() == 2) return row;
  if (s.size() != 3) return nullptr;
  auto c = row.find(s[2].key);
  return c != row.end() ? *c : json(nullptr);
}

// ---- dossiers ----------------------------------------------------------------------------------

Outcome<bool> set_field(const Library& lib, Dossier& d, std::string_view path, const json& value,
                        const EditContext& ctx) {
  auto parsed = parse_path(path);
  if (!parsed || (*parsed)[0].index) return unknown_path(path);
  const auto& s = *parsed;
  const std::string& head = s[0].key;

  if (head == "nominee" && s.size() == 2 && !s[1].index) {
    const std::string& id = s[1].key;
    if (id == "kind") {
      if (!value.is_string()) return wrong_type(path, "chuỗi ký tự", "a string");
      auto k = nominee_kind_from_string(value.get<std::string>());
      if (!k) return refuse(path, json_in::msg_invalid_value(value.get<std::string>(), "collective, individual"));
      const Campaign* c = lib.campaign(d.campaign.id);
      if (!c)
        return refuse(path, {"Không tìm thấy đợt thi đua " + in_quotes(d.campaign.id) + ".",
                             "The campaign " + in_quotes(d.campaign.id) + " is not loaded."});
      return set_kind(lib, *c, d, *k, ctx);
    }
    const IdentityField* f = identity_field(id);
    if (!f) return unknown_path(path);
    if (f->kind != d.nominee.kind)
      return refuse(path, {"Trường này không dành cho " + std::string(d.nominee.kind == NomineeKind::collective ? "tập thể." : "cá nhân."),
                           "This field is not for " + std::string(d.nominee.kind == NomineeKind::collective ? "a collective." : "an individual.")});
    if (auto* n = nominee_number(d.nominee, id)) return set_nominee_number(d, *n, path, value, ctx);
    return set_string(d, *nominee_text(d.nominee, id), path, value, f->type, ctx);
  }
  if (head == "award_form" && s.size() == 1)
    return set_string(d, d.award_form, path, value, FieldType::text, ctx);
  if (head == "criteria" && s.size() == 3 && !s[1].index && !s[2].index) {
    const std::string& cid = s[1].key;
    auto it = d.criteria.find(cid);
    CriterionAssessment current = it != d.criteria.end() ? it->second : CriterionAssessment{};
    Outcome<bool> r = false;
    if (s[2].key == "met") r = set_bool(d, current.met, path, value, ctx);
    else if (s[2].key == "evidence") r = set_string(d, current.evidence, path, value, FieldType::multiline, ctx);
    else return unknown_path(path);
    if (r && *r) d.criteria[cid] = current;
    return r;
  }
  if (head == "summary" && s.size() == 2 && s[1].key == "text" && !s[1].index)
    return set_string(d, d.summary, path, value, FieldType::multiline, ctx);
  if (head == "report" && (s.size() == 2 || s.size() == 3)) return set_report(lib, d, s, path, value, ctx);
  if (head == "flags" && s.size() == 2 && !s[1].index) {
    if (s[1].key == "under_discipline") return set_bool(d, d.flags.under_discipline, path, value, ctx);
    if (s[1].key == "under_inspection") return set_bool(d, d.flags.under_inspection, path, value, ctx);
    if (s[1].key == "under_investigation") return set_bool(d, d.flags.under_investigation, path, value, ctx);
    if (s[1].key == "no_complaint_under_verification")
      return set_bool(d, d.flags.no_complaint_under_verification, path, value, ctx);
  }
  if (head == "status")
    return refuse(path, {"Trạng thái được đổi bằng các nút chuyển trạng thái.", "The status changes through its own actions."});
  return unknown_path(path);
}

Outcome<bool> set_kind(const Library& lib, const Campaign& c, Dossier& d, NomineeKind kind,
                       const EditContext& ctx) {
  if (d.nominee.kind == kind) return false;
  if (auto e = check_editable(d, kKindPath)) return *e;
  std::vector<Change> changes;
  // Clear the old kind's identity: each value goes into the audit trail, so nothing is lost.
  for (const IdentityField* f : identity_fields(d.nominee.kind)) {
    if (auto* t = nominee_text(d.nominee, f->id); t && !t->empty()) {
      changes.push_back({nominee_path(f->id), *t, nullptr});
      t->clear();
    } else if (auto* n = nominee_number(d.nominee, f->id); n && *n) {
      changes.push_back({nominee_path(f->id), **n, nullptr});
      n->reset();
    }
  }
  changes.push_back({std::string(kKindPath), std::string(to_string(d.nominee.kind)), std::string(to_string(kind))});
  d.nominee.kind = kind;
  if (const ReportTemplate* t = lib.template_for(c, DocumentKind::report, kind)) d.report_template = ref_of(*t);
  if (const ReportTemplate* t = lib.template_for(c, DocumentKind::summary, kind)) d.summary_template = ref_of(*t);
  commit(d, ctx, std::move(changes));
  return true;
}

Outcome<std::size_t> add_row(const Library& lib, Dossier& d, std::string_view rows_path,
                             const EditContext& ctx) {
  if (auto e = check_editable(d, rows_path)) return *e;
  auto rows = rows_of(&lib, d, rows_path, true);
  if (!rows) return rows.error();
  auto steps = parse_path(rows_path);
  if (const Field* f = report_field(lib, d, (*steps)[1].key); f && f->limits.max_rows &&
                                                           (*rows)->size() >= static_cast<std::size_t>(*f->limits.max_rows))
    return refuse(rows_path, {"Bảng đã đủ " + std::to_string(*f->limits.max_rows) + " dòng.",
                              "The table already has the maximum of " + std::to_string(*f->limits.max_rows) + " rows."});
  (*rows)->push_back(json::object());
  std::size_t i = (*rows)->size() - 1;
  commit(d, ctx, {{row_path(rows_path, i), nullptr, json::object()}});
  return i;
}

Outcome<bool> remove_row(Dossier& d, std::string_view rows_path, std::size_t index,
                         const EditContext& ctx) {
  if (auto e = check_editable(d, rows_path)) return *e;
  auto rows = rows_of(nullptr, d, rows_path, false);
  if (!rows) return rows.error();
  if (index >= (*rows)->size())
    return refuse(rows_path, {"Không có dòng " + std::to_string(index + 1) + ".", "There is no row " + std::to_string(index + 1) + "."});
  json old = (**rows)[index];
  (*rows)->erase(index);
  commit(d, ctx, {{row_path(rows_path, index), std::move(old), nullptr}});
  return true;
}

Outcome<bool> move_row(Dossier& d, std::string_view rows_path, std::size_t from, std::size_t to,
                       const EditContext& ctx) {
  if (auto e = check_editable(d, rows_path)) return *e;
  auto rows = rows_of(nullptr, d, rows_path, false);
  if (!rows) return rows.error();
  json& arr = **rows;
  if (from >= arr.size() || to >= arr.size())
    return refuse(rows_path, {"Không có dòng đó.", "There is no such row."});
  if (from == to) return false;
  json old = arr;
  json row = arr[from];
  arr.erase(from);
  arr.insert(arr.begin() + static_cast<std::ptrdiff_t>(to), std::move(row));
  commit(d, ctx, {{std::string(rows_path), std::move(old), arr}});
  return true;
}

Outcome<bool> add_attachment(Dossier& d, Attachment a, const EditContext& ctx) {
  if (auto e = check_editable(d, kAttachmentsPath)) return *e;
  if (a.id.empty()) return refuse(kAttachmentsPath, {"Tệp đính kèm thiếu mã.", "The attachment has no id."});
  for (const auto& x : d.attachments)
    if (x.id == a.id) return refuse(kAttachmentsPath, json_in::msg_duplicate_id(a.id));
  a.name = text::nfc(a.name);
  if (a.added == 0) a.added = whole_seconds(ctx.now);
  json j = to_json(a);
  d.attachments.push_back(std::move(a));
  commit(d, ctx, {{std::string(kAttachmentsPath), nullptr, std::move(j)}});
  return true;
}

Outcome<bool> remove_attachment(Dossier& d, std::string_view attachment_id, const EditContext& ctx) {
  if (auto e = check_editable(d, kAttachmentsPath)) return *e;
  auto it = std::find_if(d.attachments.begin(), d.attachments.end(),
                         [&](const Attachment& a) { return a.id == attachment_id; });
  if (it == d.attachments.end()) return false;
  json old = to_json(*it);
  d.attachments.erase(it);
  commit(d, ctx, {{std::string(kAttachmentsPath), std::move(old), nullptr}});
  return true;
}

// ---- status ------------------------------------------------------------------------------------

std::optional<Bilingual> refuse_status_change(const Dossier& d, const StatusChange& change,
                                              std::span<const Finding> findings) {
  if (auto why = refuse_transition(d.status, change.to, change.role)) return why;
  if (change.to == Status::exported)
    return Bilingual{"Hồ sơ chuyển sang “Đã gửi” khi được đưa vào gói gửi Văn phòng Sở.",
                     "A dossier becomes “Exported” when a package holding it is exported."};
  if (change.to == Status::ready && !can_mark_ready(findings, d.id)) {
    auto n = ready_blockers(findings, d.id).size();
    return Bilingual{"Hồ sơ còn " + std::to_string(n) + " lỗi cần sửa trước khi đánh dấu sẵn sàng.",
                     "The dossier has " + std::to_string(n) + " error" + (n == 1 ? "" : "s") +
                         " to fix before it can be marked ready."};
  }
  if (change.to == Status::returned && text::trim(change.reason).empty())
    return Bilingual{"Cần ghi lý do trả lại hồ sơ.", "Give the reason for returning the dossier."};
  return std::nullopt;
}

Outcome<bool> change_status(Dossier& d, const StatusChange& change,
                            std::span<const Finding> findings, const EditContext& ctx) {
  if (auto why = refuse_status_change(d, change, findings)) return refuse(kStatusPath, *why);
  Millis t = whole_seconds(ctx.now);
  record(d.audit, ctx, t, {std::string(kStatusPath), std::string(to_string(d.status)), std::string(to_string(change.to))});
  d.status = change.to;
  if (change.to == Status::returned) {
    std::string reason = text::nfc(text::trim(change.reason));
    record(d.audit, ctx, t, {"return_reason", d.return_reason, reason});
    d.return_reason = std::move(reason);
  }
  d.updated = t;
  return true;
}

Outcome<bool> mark_exported(Dossier& d, std::string_view package_hash, const EditContext& ctx) {
  if (d.status != Status::ready && d.status != Status::exported)
    return refuse(kStatusPath, {"Chỉ xuất được hồ sơ đã sẵn sàng.", "Only a ready dossier can be exported."});
  Millis t = whole_seconds(ctx.now);
  if (d.status != Status::exported)
    record(d.audit, ctx, t, {std::string(kStatusPath), std::string(to_string(d.status)), "exported"});
  d.status = Status::exported;
  d.last_export = ExportInfo{t, std::string(package_hash)};
  d.updated = t;
  return true;
}

// ---- duplicate ---------------------------------------------------------------------------------

Dossier duplicate_dossier(const Dossier& source, std::string new_id, const EditContext& ctx) {
  Dossier d = source;
  d.id = std::move(new_id);
  Nominee kept;
  kept.kind = source.nominee.kind;
  // The unit stays: a similar nominee is usually from the same place.
  kept.unit = source.nominee.kind == NomineeKind::individual ? source.nominee.unit : "";
  kept.parent_unit = source.nominee.kind == NomineeKind::collective ? source.nominee.parent_unit : "";
  kept.address = source.nominee.kind == NomineeKind::collective ? source.nominee.address : "";
  d.nominee = std::move(kept);
  d.attachments.clear();
  d.flags = {};
  d.status = Status::draft;
  d.return_reason.clear();
  d.last_export.reset();
  d.created = d.updated = whole_seconds(ctx.now);
  d.audit = {{d.created, ctx.author, "", nullptr, "created from " + source.id}};
  return d;
}

}  // namespace hoso
