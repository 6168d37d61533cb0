#include "core/report_template.hpp"

#include <algorithm>
#include <set>

#include "core/canonical_json.hpp"
#include "core/dossier.hpp"
#include "core/json_in.hpp"
#include "core/library.hpp"
#include "core/sha256.hpp"

namespace hoso {

using json_in::index_path;
using json_in::member_path;
using json_in::in_quotes;
using json_in::Reader;
using nlohmann::json;

namespace {
constexpr std::string_view kFieldTypeNames[] = {"text",   "multiline", "date",  "time",
                                                "number", "choice",    "yesno", "rows"};
}

std::string_view to_string(FieldType type) { return kFieldTypeNames[static_cast<int>(type)]; }

std::optional<FieldType> field_type_from_string(std::string_view s) {
  for (std::size_t i = 0; i < std::size(kFieldTypeNames); ++i)
    if (kFieldTypeNames[i] == s) return static_cast<FieldType>(i);
  return std::nullopt;
}

std::string_view to_string(DateRule rule) {
  switch (rule) {
    case DateRule::none: return "none";
    case DateRule::within_campaign_period: return "within_campaign_period";
    case DateRule::past: return "past";
  }
  return "none";
}

std::string_view to_string(TemplateKind kind) {
  switch (kind) {
    case TemplateKind::collective: return "collective";
    case TemplateKind::individual: return "individual";
    case TemplateKind::any: return "any";
  }
  return "any";
}

const Field* Field::column(std::string_view column_id) const {
  for (const auto& c : columns)
    if (c.id == column_id) return &c;
  return nullptr;
}

bool ReportTemplate::accepts(NomineeKind k) const {
  return kind == TemplateKind::any || (kind == TemplateKind::collective) == (k == NomineeKind::collective);
}

const Field* ReportTemplate::field(std::string_view field_id) const {
  for (const auto& s : sections)
    for (const auto& f : s.fields)
      if (f.id == field_id) return &f;
  return nullptr;
}

const Section* ReportTemplate::section_of_field(std::string_view field_id) const {
  for (const auto& s : sections)
    for (const auto& f : s.fields)
      if (f.id == field_id) return &s;
  return nullptr;
}

ContentRef ref_of(const Campaign& c) { return {c.id, c.version, c.hash}; }
ContentRef ref_of(const ReportTemplate& t) { return {t.id, t.version, t.hash}; }

// ---- loading -----------------------------------------------------------------------------------

namespace {

bool check_field_id(Reader& r, const std::string& id, const std::string& path) {
  bool good = !id.empty() && id.size() <= 64;
  for (char ch : id)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_')) good = false;
  if (good) return true;
  return r.fail(path, {"Mã trường " + in_quotes(id) + " chỉ được gồm chữ thường không dấu, số, '-' và '_'.",
                       "The field id " + in_quotes(id) + " may only hold lower-case ASCII letters, digits, '-' and '_'."});
}

void read_limits(Reader& r, const json& fj, const std::string& path, Field& f) {
  const json* lj = r.member(fj, path, "limits", false);
  if (!lj) return;
  std::string p = member_path(path, "limits");
  if (!r.expect_object(*lj, p)) return;
  FieldLimits& l = f.limits;
  r.opt_integer(*lj, p, "min_length", l.min_length);
  r.opt_integer(*lj, p, "max_length", l.max_length);
  r.opt_number(*lj, p, "min", l.min);
  r.opt_number(*lj, p, "max", l.max);
  r.boolean(*lj, p, "integer", l.integer, false);
  r.opt_integer(*lj, p, "min_rows", l.min_rows);
  r.opt_integer(*lj, p, "max_rows", l.max_rows);
  std::string rule;
  r.str(*lj, p, "date_rule", rule, false);
  if (!r.ok()) return;
  if (rule == "within_campaign_period") l.date_rule = DateRule::within_campaign_period;
  else if (rule == "past") l.date_rule = DateRule::past;
  else if (!rule.empty() && rule != "none")
    r.fail(member_path(p, "date_rule"), json_in::msg_invalid_value(rule, "none, within_campaign_period, past"));

  auto bad_range = [&](const char* key) {
    r.fail(member_path(p, key), {"Giới hạn dưới lớn hơn giới hạn trên.", "The lower limit is above the upper one."});
  };
  if (r.ok() && ((l.min_length && *l.min_length < 0) || (l.max_length && *l.max_length < 1)))
    r.fail(p, {"Giới hạn độ dài không hợp lệ.", "Invalid length limit."});
  if (r.ok() && l.min_length && l.max_length && *l.min_length > *l.max_length) bad_range("min_length");
  if (r.ok() && l.min && l.max && *l.min > *l.max) bad_range("min");
  if (r.ok() && ((l.min_rows && *l.min_rows < 0) || (l.max_rows && *l.max_rows < 1)))
    r.fail(p, {"Giới hạn số dòng không hợp lệ.", "Invalid row limit."});
  if (r.ok() && l.min_rows && l.max_rows && *l.min_rows > *l.max_rows) bad_range("min_rows");

  if (const json* oj = r.member(*lj, p, "options", false)) {
    std::string op = member_path(p, "options");
    if (!r.expect_array(*oj, op)) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < oj->size() && r.ok(); ++i) {
      std::string ip = index_path(op, i);
      if (!r.expect_object((*oj)[i], ip)) return;
      ChoiceOption o;
      r.str((*oj)[i], ip, "id", o.id);
      r.bilingual((*oj)[i], ip, "label", o.label);
      if (r.ok() && !seen.insert(o.id).second) r.fail(member_path(ip, "id"), json_in::msg_duplicate_id(o.id));
      l.options.push_back(std::move(o));
    }
  }
}

bool read_only_kind(Reader& r, const json& fj, const std::string& path, Field& f) {
  std::string k;
  if (!r.str(fj, path, "only_kind", k, false)) return false;
  if (k.empty()) return true;
  auto kind = nominee_kind_from_string(k);
  if (!kind) return r.fail(member_path(path, "only_kind"), json_in::msg_invalid_value(k, "collective, individual"));
  f.only_kind = kind;
  return true;
}

// A field bound to the nominee: type and rules come from the identity table.
void read_bound_field(Reader& r, const json& fj, const std::string& path, const ReportTemplate& t,
                      Field& f) {
  r.str(fj, path, "bind", f.bind);
  if (!read_only_kind(r, fj, path, f)) return;
  const std::string prefix = "nominee.";
  const IdentityField* idf =
      f.bind.starts_with(prefix) ? identity_field(std::string_view(f.bind).substr(prefix.size())) : nullptr;
  if (!idf) {
    r.fail(member_path(path, "bind"), {"Không có trường thông tin đối tượng " + in_quotes(f.bind) + ".",
                                       "There is no nominee field " + in_quotes(f.bind) + "."});
    return;
  }
  bool kind_ok = f.only_kind ? *f.only_kind == idf->kind && t.accepts(idf->kind) : t.accepts(idf->kind) && t.kind != TemplateKind::any;
  if (!kind_ok) {
    r.fail(member_path(path, "bind"),
           {"Trường " + in_quotes(f.bind) + " không dành cho đối tượng của mẫu này (dùng \"only_kind\" với mẫu chung).",
            "The field " + in_quotes(f.bind) + " is not for this template's nominee kind (use \"only_kind\" in a template for both)."});
    return;
  }
  f.type = idf->type;
  f.required = idf->required;
  f.label = idf->label;
  Bilingual label;
  r.bilingual(fj, path, "label", label, false);
  if (!label.vi.empty()) f.label.vi = label.vi;
  if (!label.en.empty()) f.label.en = label.en;
  for (const char* key : {"type", "required", "limits", "columns", "help_vi", "help_en", "key_column"})
    if (r.ok() && fj.contains(key))
      r.fail(member_path(path, key), {"Trường gắn với thông tin đối tượng không được có " + in_quotes(key) + ".",
                                      "A field bound to the nominee must not have " + in_quotes(key) + "."});
}

void read_field(Reader& r, const json& fj, const std::string& path, const ReportTemplate& t, Field& f,
                bool is_column) {
  if (!r.expect_object(fj, path)) return;
  r.str(fj, path, "id", f.id);
  if (!r.ok() || !check_field_id(r, f.id, member_path(path, "id"))) return;
  if (fj.contains("bind")) {
    if (is_column) {
      r.fail(member_path(path, "bind"), {"Cột không thể gắn với thông tin đối tượng.", "A column cannot be bound to the nominee."});
      return;
    }
    read_bound_field(r, fj, path, t, f);
    return;
  }
  std::string type;
  r.str(fj, path, "type", type);
  if (!r.ok()) return;
  auto ft = field_type_from_string(type);
  if (!ft) {
    r.fail(member_path(path, "type"),
           json_in::msg_invalid_value(type, "text, multiline, date, time, number, choice, yesno, rows"));
    return;
  }
  f.type = *ft;
  r.bilingual(fj, path, "label", f.label);
  r.bilingual(fj, path, "help", f.help, false);
  r.boolean(fj, path, "required", f.required);
  read_limits(r, fj, path, f);
  if (!is_column) read_only_kind(r, fj, path, f);
  if (!r.ok()) return;
  if (f.type == FieldType::choice && f.limits.options.empty()) {
    r.fail(member_path(path, "limits.options"), {"Trường lựa chọn cần danh sách lựa chọn.", "A choice field needs options."});
    return;
  }
  const json* cj = r.member(fj, path, "columns", false);
  if (f.type != FieldType::rows) {
    if (cj || fj.contains("key_column"))
      r.fail(member_path(path, cj ? "columns" : "key_column"),
             {"Chỉ trường dạng bảng (rows) mới có cột.", "Only a rows field has columns."});
    return;
  }
  if (is_column) {
    r.fail(member_path(path, "type"), {"Cột không thể là một bảng.", "A column cannot itself be rows."});
    return;
  }
  std::string cp = member_path(path, "columns");
  if (!cj) {
    r.fail(cp, json_in::msg_missing("columns"));
    return;
  }
  if (!r.expect_array(*cj, cp)) return;
  if (cj->empty()) r.fail(cp, {"Bảng cần ít nhất một cột.", "A rows field needs at least one column."});
  for (std::size_t i = 0; i < cj->size() && r.ok(); ++i) {
    Field col;
    std::string ip = index_path(cp, i);
    read_field(r, (*cj)[i], ip, t, col, true);
    if (r.ok() && f.column(col.id)) r.fail(member_path(ip, "id"), json_in::msg_duplicate_id(col.id));
    f.columns.push_back(std::move(col));
  }
  r.str(fj, path, "key_column", f.key_column, false);
  if (r.ok() && !f.key_column.empty() && !f.column(f.key_column))
    r.fail(member_path(path, "key_column"), {"Không có cột " + in_quotes(f.key_column) + ".",
                                             "There is no column " + in_quotes(f.key_column) + "."});
}

}  // namespace

Outcome<ReportTemplate> template_from_json(std::string_view file_name, const json& root) {
  Reader r(file_name);
  ReportTemplate t;
  if (!r.format(root, "hoso-template", kTemplateFormatVersion)) return r.take_error();
  r.str(root, "", "id", t.id);
  if (r.ok()) check_field_id(r, t.id, "id");
  r.integer(root, "", "version", t.version);
  if (r.ok() && t.version < 1) r.fail("version", {"Phiên bản phải từ 1 trở lên.", "The version must be 1 or more."});
  std::string doc, kind;
  r.str(root, "", "document", doc);
  if (r.ok()) {
    if (auto d = document_kind_from_string(doc)) t.document = *d;
    else r.fail("document", json_in::msg_invalid_value(doc, "report, summary, minutes"));
  }
  r.str(root, "", "kind", kind);
  if (r.ok()) {
    if (kind == "collective") t.kind = TemplateKind::collective;
    else if (kind == "individual") t.kind = TemplateKind::individual;
    else if (kind == "any") t.kind = TemplateKind::any;
    else r.fail("kind", json_in::msg_invalid_value(kind, "collective, individual, any"));
  }
  // "decree" must be present; null says no form is prescribed.
  if (r.ok() && !root.contains("decree")) r.fail("decree", json_in::msg_missing("decree"));
  r.str(root, "", "decree", t.decree, false);
  r.str(root, "", "form_number", t.form_number, false);
  r.boolean(root, "", "unverified", t.unverified, false);
  r.bilingual(root, "", "title", t.title);
  r.bilingual(root, "", "description", t.description, false);
  const json* sj = r.member(root, "", "sections", true);
  if (sj && r.expect_array(*sj, "sections")) {
    if (sj->empty()) r.fail("sections", {"Mẫu cần ít nhất một phần.", "A template needs at least one section."});
    std::set<std::string> section_ids;
    for (std::size_t i = 0; i < sj->size() && r.ok(); ++i) {
      std::string sp = index_path("sections", i);
      const json& s = (*sj)[i];
      if (!r.expect_object(s, sp)) break;
      Section sec;
      r.str(s, sp, "id", sec.id);
      if (r.ok() && !section_ids.insert(sec.id).second) r.fail(member_path(sp, "id"), json_in::msg_duplicate_id(sec.id));
      r.str(s, sp, "number", sec.number, false);
      r.bilingual(s, sp, "title", sec.title);
      r.bilingual(s, sp, "help", sec.help, false);
      const json* fj = r.member(s, sp, "fields", true);
      std::string fp = member_path(sp, "fields");
      if (!fj || !r.expect_array(*fj, fp)) break;
      if (fj->empty()) r.fail(fp, {"Phần cần ít nhất một trường.", "A section needs at least one field."});
      for (std::size_t k = 0; k < fj->size() && r.ok(); ++k) {
        Field f;
        std::string p = index_path(fp, k);
        read_field(r, (*fj)[k], p, t, f, false);
        // Field ids are unique in the whole template: they are the keys of the report content.
        if (r.ok() && (t.field(f.id) || sec.fields.end() != std::find_if(sec.fields.begin(), sec.fields.end(),
                                                                          [&](const Field& x) { return x.id == f.id; })))
          r.fail(member_path(p, "id"), json_in::msg_duplicate_id(f.id));
        sec.fields.push_back(std::move(f));
      }
      t.sections.push_back(std::move(sec));
    }
  }
  if (!r.ok()) return r.take_error();
  t.hash = sha256_hex(canonical_dump(root));
  return t;
}

}  // namespace hoso
