#include "core/dossier.hpp"

#include "core/canonical_json.hpp"
#include "core/json_in.hpp"
#include "core/library.hpp"
#include "core/text.hpp"

namespace hoso {

using json_in::index_path;
using json_in::member_path;
using json_in::Reader;
using nlohmann::json;

namespace {

using K = NomineeKind;
using T = FieldType;

const std::vector<IdentityField>& identity_table() {
  static const std::vector<IdentityField> table = {
      {"name", K::collective, T::text, true, 200, {"Tên tập thể", "Name of the collective"},
       {"Chưa nhập tên tập thể.", "The collective's name is missing."}},
      {"parent_unit", K::collective, T::text, true, 200, {"Đơn vị cấp trên trực tiếp", "Immediate superior unit"},
       {"Chưa nhập đơn vị cấp trên trực tiếp.", "The immediate superior unit is missing."}},
      {"address", K::collective, T::text, true, 300, {"Địa chỉ", "Address"},
       {"Chưa nhập địa chỉ.", "The address is missing."}},
      {"phone", K::collective, T::text, false, 30, {"Điện thoại", "Telephone"}, {}},
      {"email", K::collective, T::text, false, 100, {"Thư điện tử", "E-mail"}, {}},
      {"headcount", K::collective, T::number, true, 0, {"Tổng số người", "Headcount"},
       {"Chưa nhập tổng số người của tập thể.", "The collective's headcount is missing."}},
      {"women", K::collective, T::number, false, 0, {"Số nữ", "Women"}, {}},
      {"party_members", K::collective, T::number, false, 0, {"Số đảng viên", "Party members"}, {}},
      {"functions", K::collective, T::multiline, true, 3000, {"Chức năng, nhiệm vụ", "Functions and tasks"},
       {"Chưa nhập chức năng, nhiệm vụ.", "The functions and tasks are missing."}},
      {"full_name", K::individual, T::text, true, 100, {"Họ và tên", "Full name"},
       {"Chưa nhập họ và tên.", "The full name is missing."}},
      {"gender", K::individual, T::choice, true, 0, {"Giới tính", "Gender"},
       {"Chưa chọn giới tính.", "The gender is not chosen."}},
      {"birth_date", K::individual, T::date, true, 0, {"Ngày sinh", "Date of birth"},
       {"Chưa nhập ngày sinh.", "The date of birth is missing."}},
      {"home_town", K::individual, T::text, true, 200, {"Quê quán", "Home town"},
       {"Chưa nhập quê quán.", "The home town is missing."}},
      {"residence", K::individual, T::text, true, 300, {"Nơi thường trú", "Permanent residence"},
       {"Chưa nhập nơi thường trú.", "The permanent residence is missing."}},
      {"unit", K::individual, T::text, true, 200, {"Đơn vị công tác", "Unit"},
       {"Chưa nhập đơn vị công tác.", "The unit is missing."}},
      {"position", K::individual, T::text, true, 200, {"Chức vụ", "Position"},
       {"Chưa nhập chức vụ.", "The position is missing."}},
      {"category", K::individual, T::choice, true, 0,
       {"Công chức / viên chức / người lao động", "Civil servant / public employee / worker"},
       {"Chưa chọn công chức, viên chức hay người lao động.",
        "Civil servant, public employee or worker is not chosen."}},
      {"qualifications", K::individual, T::text, false, 300, {"Trình độ chuyên môn", "Qualifications"}, {}},
      {"titles", K::individual, T::text, false, 200, {"Học hàm, học vị", "Academic titles and degrees"}, {}},
  };
  return table;
}

}  // namespace

std::span<const IdentityField> identity_fields() { return identity_table(); }

std::vector<const IdentityField*> identity_fields(NomineeKind kind) {
  std::vector<const IdentityField*> out;
  for (const auto& f : identity_table())
    if (f.kind == kind) out.push_back(&f);
  return out;
}

const IdentityField* identity_field(std::string_view id) {
  for (const auto& f : identity_table())
    if (f.id == id) return &f;
  return nullptr;
}

const std::vector<ChoiceOption>& gender_options() {
  static const std::vector<ChoiceOption> options = {{"male", {"Nam", "Male"}},
                                                    {"female", {"Nữ", "Female"}}};
  return options;
}

Millis whole_seconds(Millis t) {
  Millis r = t % 1000;
  return r < 0 ? t - r - 1000 : t - r;
}

std::string normalize_date_input(std::string_view typed) {
  std::string s = text::trim(text::nfc(typed));
  if (auto d = parse_iso_date(s)) return to_iso(*d);
  if (auto d = parse_display_date(s)) return to_iso(*d);
  return s;
}

Dossier new_dossier(const Library& lib, const Campaign& c, std::string id, NomineeKind kind,
                    std::string_view award_form, std::string_view author, Millis now) {
  Dossier d;
  d.id = std::move(id);
  d.campaign = ref_of(c);
  if (const ReportTemplate* t = lib.template_for(c, DocumentKind::report, kind)) d.report_template = ref_of(*t);
  if (const ReportTemplate* t = lib.template_for(c, DocumentKind::summary, kind)) d.summary_template = ref_of(*t);
  d.nominee.kind = kind;
  d.award_form = std::string(award_form);
  d.created = d.updated = whole_seconds(now);
  d.audit.push_back({d.created, std::string(author), "", nullptr, "created"});
  return d;
}

const std::string& display_name(const Nominee& n) {
  return n.kind == NomineeKind::collective ? n.name : n.full_name;
}

namespace {

template <class N>
auto text_member(N& n, std::string_view id) -> decltype(&n.name) {
  if (id == "name") return &n.name;
  if (id == "parent_unit") return &n.parent_unit;
  if (id == "address") return &n.address;
  if (id == "phone") return &n.phone;
  if (id == "email") return &n.email;
  if (id == "functions") return &n.functions;
  if (id == "full_name") return &n.full_name;
  if (id == "gender") return &n.gender;
  if (id == "birth_date") return &n.birth_date;
  if (id == "home_town") return &n.home_town;
  if (id == "residence") return &n.residence;
  if (id == "unit") return &n.unit;
  if (id == "position") return &n.position;
  if (id == "category") return &n.category;
  if (id == "qualifications") return &n.qualifications;
  if (id == "titles") return &n.titles;
  return nullptr;
}

template <class N>
auto number_member(N& n, std::string_view id) -> decltype(&n.headcount) {
  if (id == "headcount") return &n.headcount;
  if (id == "women") return &n.women;
  if (id == "party_members") return &n.party_members;
  return nullptr;
}

}  // namespace

std::string* nominee_text(Nominee& n, std::string_view id) { return text_member(n, id); }
const std::string* nominee_text(const Nominee& n, std::string_view id) { return text_member(n, id); }
std::optional<int>* nominee_number(Nominee& n, std::string_view id) { return number_member(n, id); }
const std::optional<int>* nominee_number(const Nominee& n, std::string_view id) {
  return number_member(n, id);
}

// ---- JSON --------------------------------------------------------------------------------------

namespace {

json ref_to_json(const ContentRef& r) {
  return {{"id", r.id}, {"version", r.version}, {"hash", r.hash}};
}

json nominee_to_json(const Nominee& n) {
  json j = {{"kind", to_string(n.kind)}};
  for (const IdentityField* f : identity_fields(n.kind)) {
    std::string key(f->id);
    if (const auto* s = nominee_text(n, f->id)) j[key] = *s;
    else if (const auto* v = nominee_number(n, f->id)) j[key] = *v ? json(**v) : json(nullptr);
  }
  return j;
}

void read_ref(Reader& r, const json& obj, std::string_view key, ContentRef& out) {
  const json* j = r.member(obj, "", key, true);
  std::string p(key);
  if (!j || !r.expect_object(*j, p)) return;
  r.str(*j, p, "id", out.id, false);
  r.integer(*j, p, "version", out.version, false);
  r.str(*j, p, "hash", out.hash, false);
}

void read_nominee(Reader& r, const json& obj, Nominee& n) {
  const json* j = r.member(obj, "", "nominee", true);
  if (!j || !r.expect_object(*j, "nominee")) return;
  std::string kind;
  r.str(*j, "nominee", "kind", kind);
  if (!r.ok()) return;
  auto k = nominee_kind_from_string(kind);
  if (!k) {
    r.fail("nominee.kind", json_in::msg_invalid_value(kind, "collective, individual"));
    return;
  }
  n.kind = *k;
  // Only the fields of the kind: the others are empty by construction (set_kind clears them).
  for (const IdentityField* f : identity_fields(n.kind)) {
    if (auto* s = nominee_text(n, f->id)) r.str(*j, "nominee", f->id, *s, false);
    else if (auto* v = nominee_number(n, f->id)) r.opt_integer(*j, "nominee", f->id, *v);
  }
}

// Report content: an object whose values are strings, numbers, booleans, or arrays of row objects
// holding those. Nothing deeper, so the UI and validation never meet a surprise.
bool is_scalar(const json& v) {
  return v.is_string() || v.is_number() || v.is_boolean() || v.is_null();
}

void read_report(Reader& r, const json& obj, json& out) {
  const json* j = r.member(obj, "", "report", false);
  if (!j || !r.expect_object(*j, "report")) return;
  for (auto it = j->begin(); it != j->end() && r.ok(); ++it) {
    std::string p = member_path("report", it.key());
    const json& v = *it;
    if (v.is_array()) {
      for (std::size_t i = 0; i < v.size() && r.ok(); ++i) {
        std::string rp = index_path(p, i);
        if (!r.expect_object(v[i], rp)) break;
        for (auto c = v[i].begin(); c != v[i].end(); ++c)
          if (!is_scalar(*c)) {
            r.fail(member_path(rp, c.key()),
                   json_in::msg_type("chuỗi, số hoặc true/false", "a string, number or true/false"));
            break;
          }
      }
    } else if (!is_scalar(v)) {
      r.fail(p, json_in::msg_type("chuỗi, số, true/false hoặc danh sách dòng",
                                  "a string, number, true/false or a list of rows"));
    }
  }
  if (!r.ok()) return;
  json copy = *j;
  auto collisions = normalize_nfc_in_place(copy);
  if (!collisions.empty()) {
    const JsonError& e = collisions.front();
    r.fail(member_path("report", e.json_path_or_offset), {e.message_vi, e.message_en});
    return;
  }
  out = std::move(copy);
}

void read_criteria(Reader& r, const json& obj, std::map<std::string, CriterionAssessment>& out) {
  const json* j = r.member(obj, "", "criteria", false);
  if (!j || !r.expect_object(*j, "criteria")) return;
  for (auto it = j->begin(); it != j->end() && r.ok(); ++it) {
    std::string p = member_path("criteria", it.key());
    if (!r.expect_object(*it, p)) return;
    CriterionAssessment a;
    r.boolean(*it, p, "met", a.met, false);
    r.str(*it, p, "evidence", a.evidence, false);
    out[text::nfc(it.key())] = std::move(a);
  }
}

void read_attachments(Reader& r, const json& obj, std::vector<Attachment>& out) {
  const json* j = r.member(obj, "", "attachments", false);
  if (!j || !r.expect_array(*j, "attachments")) return;
  for (std::size_t i = 0; i < j->size() && r.ok(); ++i) {
    std::string p = index_path("attachments", i);
    const json& e = (*j)[i];
    if (!r.expect_object(e, p)) return;
    Attachment a;
    r.str(e, p, "id", a.id);
    r.str(e, p, "name", a.name);
    r.str(e, p, "mime_type", a.mime_type, false);
    r.int64(e, p, "size", a.size);
    r.str(e, p, "sha256", a.sha256);
    r.instant(e, p, "added", a.added);
    out.push_back(std::move(a));
  }
}

}  // namespace

std::vector<AuditEntry> json_in::read_audit(Reader& r, const json& obj) {
  std::vector<AuditEntry> out;
  const json* j = r.member(obj, "", "audit", false);
  if (!j || !r.expect_array(*j, "audit")) return out;
  out.reserve(j->size());
  for (std::size_t i = 0; i < j->size() && r.ok(); ++i) {
    std::string p = index_path("audit", i);
    const json& e = (*j)[i];
    if (!r.expect_object(e, p)) break;
    AuditEntry a;
    r.instant(e, p, "time", a.time);
    r.str(e, p, "author", a.author, false);
    r.str(e, p, "path", a.path, false);
    if (auto it = e.find("old"); it != e.end()) a.old_value = *it;
    if (auto it = e.find("new"); it != e.end()) a.new_value = *it;
    out.push_back(std::move(a));
  }
  return out;
}

json to_json(const Attachment& a) {
  return {{"id", a.id},         {"name", a.name},     {"mime_type", a.mime_type},
          {"size", a.size},     {"sha256", a.sha256}, {"added", to_iso_instant(a.added)}};
}

json to_json(const AuditEntry& e) {
  return {{"time", to_iso_instant(e.time)}, {"author", e.author}, {"path", e.path},
          {"old", e.old_value},              {"new", e.new_value}};
}

json to_json(const Dossier& d) {
  json criteria = json::object();
  for (const auto& [id, a] : d.criteria) criteria[id] = {{"met", a.met}, {"evidence", a.evidence}};
  json attachments = json::array();
  for (const auto& a : d.attachments) attachments.push_back(to_json(a));
  json audit = json::array();
  for (const auto& e : d.audit) audit.push_back(to_json(e));
  json j = {
      {"format_version", kDossierFormatVersion},
      {"id", d.id},
      {"campaign", ref_to_json(d.campaign)},
      {"report_template", ref_to_json(d.report_template)},
      {"summary_template", ref_to_json(d.summary_template)},
      {"nominee", nominee_to_json(d.nominee)},
      {"award_form", d.award_form},
      {"criteria", std::move(criteria)},
      {"summary", {{"text", d.summary}}},
      {"report", d.report.is_object() ? d.report : json::object()},
      {"attachments", std::move(attachments)},
      {"flags",
       {{"under_discipline", d.flags.under_discipline},
        {"under_inspection", d.flags.under_inspection},
        {"under_investigation", d.flags.under_investigation},
        {"no_complaint_under_verification", d.flags.no_complaint_under_verification}}},
      {"status", to_string(d.status)},
      {"return_reason", d.return_reason},
      {"last_export", d.last_export ? json{{"time", to_iso_instant(d.last_export->time)},
                                           {"package_hash", d.last_export->package_hash}}
                                    : json(nullptr)},
      {"audit", std::move(audit)},
      {"created", to_iso_instant(d.created)},
      {"updated", to_iso_instant(d.updated)},
  };
  return j;
}

Outcome<Dossier> dossier_from_json(const json& j, std::string_view file_name) {
  Reader r(file_name);
  Dossier d;
  if (!r.expect_object(j, "")) return r.take_error();
  int version = 0;
  r.integer(j, "", "format_version", version);
  if (r.ok() && version != kDossierFormatVersion)
    r.fail("format_version", {"Hồ sơ theo định dạng phiên bản " + std::to_string(version) +
                                  ", ứng dụng này đọc phiên bản " + std::to_string(kDossierFormatVersion) + ".",
                              "The dossier is in format version " + std::to_string(version) +
                                  "; this app reads version " + std::to_string(kDossierFormatVersion) + "."});
  r.str(j, "", "id", d.id);
  if (r.ok() && d.id.empty()) r.fail("id", {"Mã hồ sơ không được để trống.", "The dossier id must not be empty."});
  read_ref(r, j, "campaign", d.campaign);
  read_ref(r, j, "report_template", d.report_template);
  read_ref(r, j, "summary_template", d.summary_template);
  read_nominee(r, j, d.nominee);
  r.str(j, "", "award_form", d.award_form, false);
  read_criteria(r, j, d.criteria);
  if (const json* s = r.member(j, "", "summary", false); s && r.expect_object(*s, "summary"))
    r.str(*s, "summary", "text", d.summary, false);
  read_report(r, j, d.report);
  read_attachments(r, j, d.attachments);
  if (const json* f = r.member(j, "", "flags", false); f && r.expect_object(*f, "flags")) {
    r.boolean(*f, "flags", "under_discipline", d.flags.under_discipline, false);
    r.boolean(*f, "flags", "under_inspection", d.flags.under_inspection, false);
    r.boolean(*f, "flags", "under_investigation", d.flags.under_investigation, false);
    r.boolean(*f, "flags", "no_complaint_under_verification", d.flags.no_complaint_under_verification, false);
  }
  std::string status;
  r.str(j, "", "status", status);
  if (r.ok()) {
    if (auto s = status_from_string(status)) d.status = *s;
    else r.fail("status", json_in::msg_invalid_value(status, "draft, ready, exported, received, eligible, returned, proposed, awarded, not_awarded"));
  }
  r.str(j, "", "return_reason", d.return_reason, false);
  if (const json* e = r.member(j, "", "last_export", false); e && r.expect_object(*e, "last_export")) {
    ExportInfo info;
    r.instant(*e, "last_export", "time", info.time);
    r.str(*e, "last_export", "package_hash", info.package_hash);
    d.last_export = info;
  }
  d.audit = json_in::read_audit(r, j);
  r.instant(j, "", "created", d.created);
  r.instant(j, "", "updated", d.updated);
  if (!r.ok()) return r.take_error();
  return d;
}

}  // namespace hoso
