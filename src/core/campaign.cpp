#include "core/campaign.hpp"

#include <set>

#include "core/canonical_json.hpp"
#include "core/json_in.hpp"
#include "core/library.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"

namespace hoso {

using json_in::index_path;
using json_in::member_path;
using json_in::Reader;
using nlohmann::json;

std::string_view to_string(NomineeKind kind) {
  return kind == NomineeKind::collective ? "collective" : "individual";
}

std::optional<NomineeKind> nominee_kind_from_string(std::string_view s) {
  if (s == "collective") return NomineeKind::collective;
  if (s == "individual") return NomineeKind::individual;
  return std::nullopt;
}

std::string_view to_string(CampaignKind k) {
  switch (k) {
    case CampaignKind::regular: return "regular";
    case CampaignKind::thematic: return "thematic";
    case CampaignKind::special: return "special";
    case CampaignKind::unspecified: break;
  }
  return "";
}

Bilingual describe(CampaignKind k) {
  switch (k) {
    case CampaignKind::regular: return {"Thi đua thường xuyên", "Regular emulation"};
    case CampaignKind::thematic: return {"Thi đua theo chuyên đề", "Thematic emulation"};
    case CampaignKind::special: return {"Đợt thi đua đặc biệt", "Special emulation campaign"};
    case CampaignKind::unspecified: break;
  }
  return {};
}

std::string_view to_string(Decider d) { return d == Decider::parent_head ? "parent_head" : "issuer_head"; }

std::string_view to_string(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::minutes: return "minutes";
    case DocumentKind::summary: return "summary";
    case DocumentKind::report: return "report";
  }
  return "report";
}

std::optional<DocumentKind> document_kind_from_string(std::string_view s) {
  if (s == "minutes") return DocumentKind::minutes;
  if (s == "summary") return DocumentKind::summary;
  if (s == "report") return DocumentKind::report;
  return std::nullopt;
}

bool Threshold::met(int count, int total) const {
  if (total <= 0 || denominator <= 0) return false;
  // Integers only: count/total > n/d  <=>  count*d > n*total.
  int64_t lhs = int64_t{count} * denominator, rhs = int64_t{numerator} * total;
  return strict ? lhs > rhs : lhs >= rhs;
}

Bilingual Threshold::describe() const {
  if (strict && numerator * 2 == denominator)
    return {"quá nửa tổng số thành viên", "more than half of all members"};
  std::string frac = std::to_string(numerator) + "/" + std::to_string(denominator);
  if (strict) return {"trên " + frac + " tổng số thành viên", "more than " + frac + " of all members"};
  return {"từ " + frac + " tổng số thành viên trở lên", "at least " + frac + " of all members"};
}

Bilingual Period::describe() const {
  return {"từ " + to_display(start) + " đến " + to_display(end),
          "from " + to_display(start) + " to " + to_display(end)};
}

Date Deadline::stated_date() const { return stated_before ? add_days(last_day, 1) : last_day; }

int Deadline::days_left(Date today) const { return days_between(today, last_day); }

Bilingual Deadline::describe() const {
  if (stated_before)
    return {"trước ngày " + to_display(stated_date()) + " (hạn cuối: " + to_display(last_day) + ")",
            "before " + to_display(stated_date()) + " (last day: " + to_display(last_day) + ")"};
  return {"chậm nhất ngày " + to_display(last_day), "by " + to_display(last_day) + " at the latest"};
}

const AwardRule* AwardForm::rule_for(NomineeKind kind) const {
  for (const auto& r : rules)
    if (r.kind == kind) return &r;
  return nullptr;
}

const AwardForm* Campaign::award_form(std::string_view form_id) const {
  for (const auto& f : award_forms)
    if (f.id == form_id) return &f;
  return nullptr;
}

const NomineeKindSpec* Campaign::kind_spec(NomineeKind nominee) const {
  for (const auto& k : nominee_kinds)
    if (k.kind == nominee) return &k;
  return nullptr;
}

const DocumentSpec* Campaign::document(DocumentKind wanted) const {
  for (const auto& d : documents)
    if (d.kind == wanted) return &d;
  return nullptr;
}

const Category* Campaign::category(std::string_view category_id) const {
  const NomineeKindSpec* k = kind_spec(NomineeKind::individual);
  if (!k) return nullptr;
  for (const auto& c : k->categories)
    if (c.id == category_id) return &c;
  return nullptr;
}

const Unit* Campaign::unit(std::string_view unit_id) const {
  for (const auto& u : units)
    if (u.id == unit_id) return &u;
  return nullptr;
}

bool Campaign::has_seal(std::string_view id_or_name) const {
  const std::string key = text::fold(id_or_name);
  if (key.empty()) return false;
  if (is_issuer(id_or_name)) return true;
  for (const auto& u : units)
    if (u.id == id_or_name || text::fold(u.name.vi) == key) return u.has_seal;
  return false;
}

bool Campaign::is_issuer(std::string_view body) const {
  const std::string key = text::fold(body), own = text::fold(issuer.vi);
  if (key.empty() || own.empty()) return false;
  return key == own || key.rfind(own + " ", 0) == 0;
}

Authority Campaign::authority(std::string_view award_form_id) const {
  const AwardForm* f = award_form(award_form_id);
  Authority a = f ? f->authority : Authority{};
  if (a.title.vi.empty()) {
    if (a.decider == Decider::issuer_head)
      a.title = {issuer_head.vi + " " + issuer.vi, issuer_head.en + " of the " + issuer.en};
    else
      a.title = {"Chủ tịch " + issuer_parent.vi, "Chairman of the " + issuer_parent.en};
  }
  return a;
}

Campaign::FoundCriterion Campaign::find_criterion(std::string_view criterion_id) const {
  for (const auto& f : award_forms)
    for (const auto& r : f.rules)
      for (std::size_t i = 0; i < r.criteria.size(); ++i)
        if (r.criteria[i].id == criterion_id) return {&f, &r, &r.criteria[i], static_cast<int>(i) + 1};
  return {};
}

// ---- loading -----------------------------------------------------------------------------------

namespace {

bool read_kind(Reader& r, const json& obj, std::string_view path, NomineeKind& out) {
  std::string s;
  if (!r.str(obj, path, "kind", s)) return false;
  auto k = nominee_kind_from_string(s);
  if (!k) return r.fail(member_path(path, "kind"), json_in::msg_invalid_value(s, "collective, individual"));
  out = *k;
  return true;
}

void read_document_ref(Reader& r, const json& obj, std::string_view key, DocumentRef& out) {
  const json* j = r.member(obj, "", key, true);
  if (!j || !r.expect_object(*j, key)) return;
  r.str(*j, key, "number", out.number);
  r.date(*j, key, "date", out.date);
  r.bilingual(*j, key, "issuer", out.issuer, false);
  r.bilingual(*j, key, "title", out.title, false);
}

void read_threshold(Reader& r, const json& obj, std::string_view path, std::string_view key,
                    Threshold& out) {
  const json* j = r.member(obj, path, key, true);
  std::string p = member_path(path, key);
  if (!j || !r.expect_object(*j, p)) return;
  r.integer(*j, p, "numerator", out.numerator);
  r.integer(*j, p, "denominator", out.denominator);
  r.boolean(*j, p, "strict", out.strict);
  if (r.ok() && (out.denominator < 1 || out.numerator < 0 || out.numerator > out.denominator))
    r.fail(p, {"Tỷ lệ phải là một phân số từ 0 đến 1 (mẫu số ít nhất là 1).",
               "The share must be a fraction from 0 to 1 (denominator at least 1)."});
}

// An id used as a key in paths and files: lower-case letters, digits, '-' and '_'.
bool check_id(Reader& r, const std::string& id, const std::string& path) {
  bool good = !id.empty() && id.size() <= 64;
  for (char ch : id)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_')) good = false;
  if (good) return true;
  return r.fail(path, {"Mã " + json_in::in_quotes(id) + " chỉ được gồm chữ thường không dấu, số, '-' và '_'.",
                       "The id " + json_in::in_quotes(id) + " may only hold lower-case ASCII letters, digits, '-' and '_'."});
}

void read_named_list(Reader& r, const json& obj, std::string_view path, std::string_view key,
                     std::vector<Unit>& out, bool required) {
  const json* arr = r.member(obj, path, key, required);
  std::string p = member_path(path, key);
  if (!arr || !r.expect_array(*arr, p)) return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < arr->size() && r.ok(); ++i) {
    std::string ip = index_path(p, i);
    const json& e = (*arr)[i];
    if (!r.expect_object(e, ip)) return;
    Unit u;
    r.str(e, ip, "id", u.id);
    r.bilingual(e, ip, "name", u.name);
    r.boolean(e, ip, "has_seal", u.has_seal, false);
    if (!r.ok() || !check_id(r, u.id, member_path(ip, "id"))) return;
    if (!seen.insert(u.id).second) r.fail(member_path(ip, "id"), json_in::msg_duplicate_id(u.id));
    out.push_back(std::move(u));
  }
}

void read_kinds(Reader& r, const json& root, Campaign& c) {
  const json* arr = r.member(root, "", "nominee_kinds", true);
  if (!arr || !r.expect_array(*arr, "nominee_kinds")) return;
  if (arr->empty()) r.fail("nominee_kinds", {"Cần ít nhất một đối tượng khen thưởng.", "At least one nominee kind is needed."});
  for (std::size_t i = 0; i < arr->size() && r.ok(); ++i) {
    std::string p = index_path("nominee_kinds", i);
    const json& e = (*arr)[i];
    if (!r.expect_object(e, p)) return;
    NomineeKindSpec k;
    read_kind(r, e, p, k.kind);
    r.bilingual(e, p, "name", k.name);
    r.bilingual(e, p, "description", k.description, false);
    std::vector<Unit> cats;
    read_named_list(r, e, p, "categories", cats, false);
    for (auto& u : cats) k.categories.push_back({std::move(u.id), std::move(u.name)});
    if (!r.ok()) return;
    if (k.kind == NomineeKind::collective && !k.categories.empty())
      r.fail(member_path(p, "categories"), {"Chỉ cá nhân mới có phân loại.", "Only individuals have categories."});
    if (c.kind_spec(k.kind))
      r.fail(member_path(p, "kind"), json_in::msg_duplicate_id(to_string(k.kind)));
    c.nominee_kinds.push_back(std::move(k));
  }
}

void read_award_forms(Reader& r, const json& root, Campaign& c) {
  const json* arr = r.member(root, "", "award_forms", true);
  if (!arr || !r.expect_array(*arr, "award_forms")) return;
  if (arr->empty()) r.fail("award_forms", {"Cần ít nhất một hình thức khen thưởng.", "At least one award form is needed."});
  std::set<std::string> criterion_ids;
  for (std::size_t i = 0; i < arr->size() && r.ok(); ++i) {
    std::string p = index_path("award_forms", i);
    const json& e = (*arr)[i];
    if (!r.expect_object(e, p)) return;
    AwardForm f;
    r.str(e, p, "id", f.id);
    if (r.ok()) check_id(r, f.id, member_path(p, "id"));
    if (r.ok() && c.award_form(f.id)) r.fail(member_path(p, "id"), json_in::msg_duplicate_id(f.id));
    r.bilingual(e, p, "name", f.name);
    r.bilingual(e, p, "full_name", f.full_name, false);
    if (const json* a = r.member(e, p, "decided_by", false); a && r.expect_object(*a, member_path(p, "decided_by"))) {
      const std::string ap = member_path(p, "decided_by");
      std::string level;
      r.str(*a, ap, "level", level);
      if (level == "issuer") f.authority.decider = Decider::issuer_head;
      else if (level == "parent") f.authority.decider = Decider::parent_head;
      else if (r.ok()) r.fail(member_path(ap, "level"), json_in::msg_invalid_value(level, "issuer, parent"));
      r.bilingual(*a, ap, "title", f.authority.title, false);
      r.bilingual(*a, ap, "basis", f.authority.basis, false);
      r.boolean(*a, ap, "unverified", f.authority.unverified, false);
    }
    r.bilingual(e, p, "prize_basis", f.prize_basis, false);
    r.boolean(e, p, "prize_unverified", f.prize_unverified, false);
    const json* rules = r.member(e, p, "rules", true);
    std::string rp = member_path(p, "rules");
    if (!rules || !r.expect_array(*rules, rp)) return;
    if (rules->empty()) r.fail(rp, {"Cần ít nhất một đối tượng được nhận.", "At least one nominee kind must be accepted."});
    for (std::size_t k = 0; k < rules->size() && r.ok(); ++k) {
      std::string kp = index_path(rp, k);
      const json& rj = (*rules)[k];
      if (!r.expect_object(rj, kp)) return;
      AwardRule rule;
      read_kind(r, rj, kp, rule.kind);
      if (!r.ok()) return;
      if (f.rule_for(rule.kind)) r.fail(member_path(kp, "kind"), json_in::msg_duplicate_id(to_string(rule.kind)));
      if (r.ok() && !c.kind_spec(rule.kind))
        r.fail(member_path(kp, "kind"), {"Đối tượng " + json_in::in_quotes(to_string(rule.kind)) + " không có trong nominee_kinds.",
                                         "The kind " + json_in::in_quotes(to_string(rule.kind)) + " is not among nominee_kinds."});
      r.bilingual(rj, kp, "preamble", rule.preamble, false);
      r.bilingual(rj, kp, "quota_note", rule.quota_note, false);
      if (r.ok() && !rj.contains("quota")) r.fail(member_path(kp, "quota"), json_in::msg_missing("quota"));
      r.opt_integer(rj, kp, "quota", rule.quota);
      if (r.ok() && rule.quota && *rule.quota < 0)
        r.fail(member_path(kp, "quota"), {"Số lượng không được âm.", "The quota must not be negative."});
      if (const json* prize = r.member(rj, kp, "prize", false); prize && !prize->is_null()) {
        if (!prize->is_number_integer() || prize->get<long long>() < 0 || prize->get<long long>() > 10'000'000'000LL)
          r.fail(member_path(kp, "prize"), {"Tiền thưởng phải là số nguyên đồng, từ 0 đến 10 tỷ.",
                                            "The award money must be a whole number of dong, from 0 to 10 billion."});
        else rule.prize = prize->get<long long>();
      }
      const json* crit = r.member(rj, kp, "criteria", true);
      std::string cp = member_path(kp, "criteria");
      if (!crit || !r.expect_array(*crit, cp)) return;
      if (crit->empty()) r.fail(cp, {"Cần ít nhất một tiêu chuẩn.", "At least one criterion is needed."});
      for (std::size_t n = 0; n < crit->size() && r.ok(); ++n) {
        std::string np = index_path(cp, n);
        const json& cj = (*crit)[n];
        if (!r.expect_object(cj, np)) return;
        Criterion cr;
        r.str(cj, np, "id", cr.id);
        if (r.ok()) check_id(r, cr.id, member_path(np, "id"));
        if (r.ok() && !criterion_ids.insert(cr.id).second) r.fail(member_path(np, "id"), json_in::msg_duplicate_id(cr.id));
        r.bilingual(cj, np, "text", cr.text);
        r.boolean(cj, np, "placeholder", cr.placeholder, false);
        rule.criteria.push_back(std::move(cr));
      }
      f.rules.push_back(std::move(rule));
    }
    c.award_forms.push_back(std::move(f));
  }
}

void read_documents(Reader& r, const json& root, Campaign& c) {
  const json* arr = r.member(root, "", "documents", true);
  if (!arr || !r.expect_array(*arr, "documents")) return;
  for (std::size_t i = 0; i < arr->size() && r.ok(); ++i) {
    std::string p = index_path("documents", i);
    const json& e = (*arr)[i];
    if (!r.expect_object(e, p)) return;
    DocumentSpec d;
    std::string kind;
    r.str(e, p, "kind", kind);
    if (!r.ok()) return;
    auto k = document_kind_from_string(kind);
    if (!k) {
      r.fail(member_path(p, "kind"), json_in::msg_invalid_value(kind, "minutes, summary, report"));
      return;
    }
    d.kind = *k;
    if (c.document(d.kind)) r.fail(member_path(p, "kind"), json_in::msg_duplicate_id(kind));
    r.bilingual(e, p, "name", d.name);
    r.str(e, p, "template_collective", d.template_collective);
    r.str(e, p, "template_individual", d.template_individual);
    c.documents.push_back(std::move(d));
  }
}

}  // namespace

Outcome<Campaign> campaign_from_json(std::string_view file_name, const json& root) {
  Reader r(file_name);
  Campaign c;
  if (!r.format(root, "hoso-campaign", kCampaignFormatVersion)) return r.take_error();
  r.str(root, "", "id", c.id);
  if (r.ok() && c.id.empty()) r.fail("id", {"Mã đợt thi đua không được để trống.", "The campaign id must not be empty."});
  r.integer(root, "", "version", c.version);
  if (r.ok() && c.version < 1) r.fail("version", {"Phiên bản phải từ 1 trở lên.", "The version must be 1 or more."});
  r.bilingual(root, "", "description", c.description, false);
  r.bilingual(root, "", "issuer_parent", c.issuer_parent, false);
  r.bilingual(root, "", "issuer", c.issuer);
  r.str(root, "", "issuer_abbreviation", c.issuer_abbreviation, false);
  if (root.contains("issuer_head_vi")) r.bilingual(root, "", "issuer_head", c.issuer_head);
  read_document_ref(r, root, "plan", c.plan);
  if (const json* plan = r.member(root, "", "plan", true)) r.bilingual(*plan, "plan", "title", c.plan_title, false);
  r.str(root, "", "place", c.place);
  read_document_ref(r, root, "parent_plan", c.parent_plan);
  r.bilingual(root, "", "name", c.name);
  r.bilingual(root, "", "theme", c.theme, false);
  if (std::string kind; root.contains("kind") && r.str(root, "", "kind", kind)) {
    for (CampaignKind k : {CampaignKind::regular, CampaignKind::thematic, CampaignKind::special})
      if (kind == to_string(k)) c.kind = k;
    if (c.kind == CampaignKind::unspecified)
      r.fail("kind", json_in::msg_invalid_value(kind, "regular, thematic, special"));
  }

  if (const json* period = r.member(root, "", "period", true); period && r.expect_object(*period, "period")) {
    r.date(*period, "period", "start", c.period.start);
    r.date(*period, "period", "end", c.period.end);
    if (r.ok() && c.period.end < c.period.start)
      r.fail("period.end", {"Ngày kết thúc trước ngày bắt đầu.", "The end is before the start."});
  }
  if (const json* dl = r.member(root, "", "deadline", true); dl && r.expect_object(*dl, "deadline")) {
    bool before = dl->contains("before"), by = dl->contains("on_or_before");
    if (before == by) {
      r.fail("deadline", {"Ghi đúng một trong hai: \"before\" (ngày đó đã trễ) hoặc \"on_or_before\" (ngày cuối cùng).",
                          "Give exactly one of \"before\" (that day is late) or \"on_or_before\" (the last day)."});
    } else if (before) {
      Date d;
      if (r.date(*dl, "deadline", "before", d)) c.deadline = {add_days(d, -1), true};
    } else {
      Date d;
      if (r.date(*dl, "deadline", "on_or_before", d)) c.deadline = {d, false};
    }
  }
  r.bilingual(root, "", "receiving_office", c.receiving_office);
  if (const json* sj = r.member(root, "", "secretariat", false); sj && r.expect_object(*sj, "secretariat")) {
    r.bilingual(*sj, "secretariat", "name", c.secretariat.name);
    r.str(*sj, "secretariat", "abbreviation", c.secretariat.abbreviation);
    r.bilingual(*sj, "secretariat", "head", c.secretariat.head);
    r.boolean(*sj, "secretariat", "unverified", c.secretariat.unverified, false);
  }
  if (const json* po = r.member(root, "", "provincial_office", false); po && r.expect_object(*po, "provincial_office")) {
    r.bilingual(*po, "provincial_office", "name", c.provincial_office);
    r.boolean(*po, "provincial_office", "unverified", c.provincial_office_unverified, false);
  }
  read_document_ref(r, root, "report_decree", c.report_decree);
  read_kinds(r, root, c);
  read_award_forms(r, root, c);
  read_documents(r, root, c);
  if (const json* v = r.member(root, "", "voting", true); v && r.expect_object(*v, "voting")) {
    read_threshold(r, *v, "voting", "threshold", c.voting.threshold);
    read_threshold(r, *v, "voting", "quorum", c.voting.quorum);
    r.bilingual(*v, "voting", "note", c.voting.note, false);
    if (v->contains("unit_threshold")) {
      Threshold t;
      read_threshold(r, *v, "voting", "unit_threshold", t);
      c.voting.unit_threshold = t;
    }
    r.boolean(*v, "voting", "unit_threshold_blocks", c.voting.unit_threshold_blocks, false);
  }
  if (const json* bases = r.member(root, "", "decision_bases", false); bases && r.expect_array(*bases, "decision_bases")) {
    for (std::size_t i = 0; i < bases->size() && r.ok(); ++i) {
      const std::string p = index_path("decision_bases", i);
      if (!r.expect_object((*bases)[i], p)) break;
      LegalBasis b;
      r.bilingual((*bases)[i], p, "text", b.text);
      r.boolean((*bases)[i], p, "unverified", b.unverified, false);
      c.decision_bases.push_back(std::move(b));
    }
  }
  r.boolean(root, "", "units_are_examples", c.units_are_examples, false);
  read_named_list(r, root, "", "units", c.units, true);
  if (!r.ok()) return r.take_error();
  c.hash = sha256_hex(canonical_dump(root));
  return c;
}

}  // namespace hoso
