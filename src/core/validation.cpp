#include "core/validation.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/json_in.hpp"
#include "core/library.hpp"
#include "core/paths.hpp"
#include "core/share.hpp"
#include "core/text.hpp"

namespace hoso {

using json_in::in_quotes;
using nlohmann::json;

std::string_view to_string(Severity s) { return s == Severity::error ? "error" : "warning"; }

std::string nominee_key(const Nominee& n) {
  if (n.kind == NomineeKind::collective) return text::fold(n.name);
  std::string name = text::fold(n.full_name);
  if (name.empty() || text::trim(n.birth_date).empty()) return {};
  return name + "|" + text::trim(n.birth_date);
}

std::vector<const Finding*> findings_for(std::span<const Finding> all, std::string_view dossier_id) {
  std::vector<const Finding*> out;
  for (const auto& f : all)
    if (f.owner == Finding::Owner::dossier && f.owner_id == dossier_id) out.push_back(&f);
  return out;
}

std::vector<Bilingual> ready_blockers(std::span<const Finding> all, std::string_view dossier_id) {
  std::vector<Bilingual> out;
  for (const Finding* f : findings_for(all, dossier_id))
    if (f->severity == Severity::error) out.push_back(f->message);
  return out;
}

bool can_mark_ready(std::span<const Finding> all, std::string_view dossier_id) {
  return ready_blockers(all, dossier_id).empty();
}

namespace {

// A limit or share as people write it: 3, 0.5 (no locale, no trailing zeros).
std::string num(double x) {
  bool whole = x == static_cast<double>(static_cast<int64_t>(x));
  return whole ? std::to_string(static_cast<int64_t>(x)) : json(x).dump();
}

// "14/03/1985" for a valid ISO date, else the text as typed.
std::string shown_date(const std::string& s) {
  auto d = parse_iso_date(s);
  return d ? to_display(*d) : s;
}

Bilingual quoted_label(const Bilingual& label) { return {in_quotes(label.vi), in_quotes(label.en)}; }

// Where a value sits when it is not a top-level field: " (dòng 2 của “Chỉ tiêu…”)".
struct Where {
  std::string vi, en;
};

Where row_where(const Field& rows, std::size_t i) {
  return {" (dòng " + std::to_string(i + 1) + " của " + in_quotes(rows.label.vi) + ")",
          " (row " + std::to_string(i + 1) + " of " + in_quotes(rows.label.en) + ")"};
}

struct Check {
  const Library& lib;
  const Campaign& c;
  const Workspace& w;
  Date today;
  std::vector<Finding>& out;
  Finding::Owner owner = Finding::Owner::dossier;
  std::string owner_id;

  void add(std::string path, Severity s, std::string_view rule, Bilingual msg) {
    out.push_back({owner, owner_id, std::move(path), s, rule, std::move(msg)});
  }
  void error(std::string path, std::string_view rule, Bilingual msg) {
    add(std::move(path), Severity::error, rule, std::move(msg));
  }
  void warning(std::string path, std::string_view rule, Bilingual msg) {
    add(std::move(path), Severity::warning, rule, std::move(msg));
  }
};

bool is_blank(const json* v) {
  if (!v || v->is_null()) return true;
  if (v->is_string()) return text::trim(v->get_ref<const std::string&>()).empty();
  if (v->is_array()) return v->empty();
  return false;
}

bool is_time(std::string_view s) {
  // "H:MM" or "HH:MM", 00:00 to 23:59.
  std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3) return false;
  int h = 0, m = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == colon) continue;
    if (s[i] < '0' || s[i] > '9') return false;
    (i < colon ? h : m) = (i < colon ? h : m) * 10 + (s[i] - '0');
  }
  return h < 24 && m < 60;
}

void check_text_length(Check& x, const std::string& s, const FieldLimits& l, const std::string& path,
                       const Bilingual& label, const Where& where) {
  std::size_t n = text::length(s);
  Bilingual q = quoted_label(label);
  if (l.max_length && n > static_cast<std::size_t>(*l.max_length))
    x.error(path, rule::length,
            {q.vi + " dài " + std::to_string(n) + " ký tự, quá giới hạn " + std::to_string(*l.max_length) +
                 " ký tự" + where.vi + ".",
             q.en + " has " + std::to_string(n) + " characters, more than the limit of " +
                 std::to_string(*l.max_length) + where.en + "."});
  else if (l.min_length && n < static_cast<std::size_t>(*l.min_length))
    x.error(path, rule::length,
            {q.vi + " mới có " + std::to_string(n) + " ký tự; cần ít nhất " + std::to_string(*l.min_length) +
                 " ký tự" + where.vi + ".",
             q.en + " has only " + std::to_string(n) + " characters; at least " +
                 std::to_string(*l.min_length) + " are needed" + where.en + "."});
}

void check_date(Check& x, const std::string& s, DateRule rule_kind, const std::string& path,
                const Bilingual& label, const Where& where) {
  Bilingual q = quoted_label(label);
  auto d = parse_iso_date(s);
  if (!d) {
    x.error(path, rule::date,
            {q.vi + ": " + in_quotes(s) + " không phải là ngày hợp lệ (ngày/tháng/năm)" + where.vi + ".",
             q.en + ": " + in_quotes(s) + " is not a valid date (day/month/year)" + where.en + "."});
    return;
  }
  if (rule_kind == DateRule::within_campaign_period && !x.c.period.contains(*d)) {
    Bilingual p = x.c.period.describe();
    // A warning: the plan itself asks for results "trong 10 tháng đầu năm 2025", which start
    // before the movement; the secretariat judges whether the evidence counts.
    x.warning(path, rule::date_period,
            {q.vi + " (" + to_display(*d) + ") nằm ngoài thời gian thi đua (" + p.vi + ")" + where.vi + ".",
             q.en + " (" + to_display(*d) + ") is outside the campaign period (" + p.en + ")" + where.en + "."});
  } else if (rule_kind == DateRule::past && *d > x.today) {
    x.error(path, rule::date_future,
            {q.vi + " (" + to_display(*d) + ") là một ngày trong tương lai" + where.vi + ".",
             q.en + " (" + to_display(*d) + ") is in the future" + where.en + "."});
  }
}

// One value against its template field. `v` is nullptr when absent.
void check_field(Check& x, const Field& f, const json* v, const std::string& path, const Where& where) {
  Bilingual q = quoted_label(f.label);
  if (is_blank(v)) {
    bool need_rows = f.type == FieldType::rows && f.limits.min_rows && *f.limits.min_rows > 0;
    if (f.required || need_rows)
      x.error(path, rule::required, {"Chưa nhập " + q.vi + where.vi + ".", q.en + " is missing" + where.en + "."});
    return;
  }
  auto type_error = [&] {
    x.error(path, rule::type, {q.vi + " có giá trị không đúng kiểu" + where.vi + ".",
                               q.en + " has a value of the wrong kind" + where.en + "."});
  };
  switch (f.type) {
    case FieldType::text:
    case FieldType::multiline:
      if (!v->is_string()) return type_error();
      check_text_length(x, v->get_ref<const std::string&>(), f.limits, path, f.label, where);
      return;
    case FieldType::choice: {
      if (!v->is_string()) return type_error();
      const std::string& s = v->get_ref<const std::string&>();
      for (const auto& o : f.limits.options)
        if (o.id == s) return;
      x.error(path, rule::choice, {q.vi + ": hãy chọn một trong các mục có sẵn" + where.vi + ".",
                                   q.en + ": choose one of the options" + where.en + "."});
      return;
    }
    case FieldType::date:
      if (!v->is_string()) return type_error();
      check_date(x, text::trim(v->get_ref<const std::string&>()), f.limits.date_rule, path, f.label, where);
      return;
    case FieldType::time:
      if (!v->is_string()) return type_error();
      if (!is_time(text::trim(v->get_ref<const std::string&>())))
        x.error(path, rule::time,
                {q.vi + ": " + in_quotes(v->get<std::string>()) + " không phải là giờ hợp lệ (giờ:phút, ví dụ 08:30)" + where.vi + ".",
                 q.en + ": " + in_quotes(v->get<std::string>()) + " is not a valid time (hours:minutes, e.g. 08:30)" + where.en + "."});
      return;
    case FieldType::number: {
      if (v->is_string()) {
        x.error(path, rule::number, {q.vi + ": " + in_quotes(v->get<std::string>()) + " không phải là số" + where.vi + ".",
                                     q.en + ": " + in_quotes(v->get<std::string>()) + " is not a number" + where.en + "."});
        return;
      }
      if (!v->is_number()) return type_error();
      double n = v->get<double>();
      const FieldLimits& l = f.limits;
      if (l.integer && n != static_cast<double>(static_cast<int64_t>(n)))
        x.error(path, rule::number, {q.vi + " phải là số nguyên" + where.vi + ".", q.en + " must be a whole number" + where.en + "."});
      else if (l.min && n < *l.min)
        x.error(path, rule::number, {q.vi + " phải từ " + num(*l.min) + " trở lên" + where.vi + ".",
                                     q.en + " must be at least " + num(*l.min) + where.en + "."});
      else if (l.max && n > *l.max)
        x.error(path, rule::number, {q.vi + " không được quá " + num(*l.max) + where.vi + ".",
                                     q.en + " must be at most " + num(*l.max) + where.en + "."});
      return;
    }
    case FieldType::yesno:
      if (!v->is_boolean()) type_error();
      return;
    case FieldType::rows: {
      if (!v->is_array()) return type_error();
      std::size_t n = v->size();
      const FieldLimits& l = f.limits;
      if (l.min_rows && n < static_cast<std::size_t>(*l.min_rows))
        x.error(path, rule::rows, {q.vi + " cần ít nhất " + std::to_string(*l.min_rows) + " dòng (hiện có " + std::to_string(n) + ").",
                                   q.en + " needs at least " + std::to_string(*l.min_rows) + " rows (it has " + std::to_string(n) + ")."});
      if (l.max_rows && n > static_cast<std::size_t>(*l.max_rows))
        x.error(path, rule::rows, {q.vi + " có " + std::to_string(n) + " dòng, nhiều hơn mức tối đa " + std::to_string(*l.max_rows) + ".",
                                   q.en + " has " + std::to_string(n) + " rows, more than the maximum of " + std::to_string(*l.max_rows) + "."});
      for (std::size_t i = 0; i < n; ++i) {
        const json& row = (*v)[i];
        // Rows with a key column are named by it in paths ("minutes.votes.<dossier id>.for").
        std::string rp = row_path(path, i);
        if (!f.key_column.empty() && row.is_object()) {
          auto k = row.find(f.key_column);
          if (k != row.end() && k->is_string() && !k->get_ref<const std::string&>().empty())
            rp = path + "." + k->get<std::string>();
        }
        if (!row.is_object()) {
          x.error(rp, rule::type, {q.vi + ": dòng " + std::to_string(i + 1) + " không đúng dạng.",
                                   q.en + ": row " + std::to_string(i + 1) + " is malformed."});
          continue;
        }
        Where wr = row_where(f, i);
        for (const Field& col : f.columns) {
          auto it = row.find(col.id);
          check_field(x, col, it == row.end() ? nullptr : &*it, rp + "." + col.id, wr);
        }
      }
      return;
    }
  }
}

void check_template(Check& x, const ReportTemplate& t, std::optional<NomineeKind> kind, const json& values,
                    std::string_view prefix) {
  for (const Section& s : t.sections)
    for (const Field& f : s.fields) {
      if (!f.bind.empty() || (kind && !f.applies_to(*kind))) continue;
      auto it = values.is_object() ? values.find(f.id) : values.end();
      check_field(x, f, values.is_object() && it != values.end() ? &*it : nullptr,
                  std::string(prefix) + "." + f.id, {});
    }
}

bool plausible_email(std::string_view s) {
  std::size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view domain = s.substr(at + 1);
  std::size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
         s.find_first_of(" \t\r\n,;") == std::string_view::npos;
}

int age_on(Date birth, Date on) {
  int age = on.year - birth.year;
  if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
  return age;
}

void check_identity(Check& x, const Dossier& d) {
  const Nominee& n = d.nominee;
  for (const IdentityField* f : identity_fields(n.kind)) {
    std::string path = nominee_path(f->id);
    if (const auto* num_slot = nominee_number(n, f->id)) {
      if (!*num_slot) {
        if (f->required) x.error(path, rule::required, f->missing);
      } else if (**num_slot < (f->required ? 1 : 0)) {
        Bilingual q = quoted_label(f->label);
        x.error(path, rule::number, {q.vi + " phải từ " + std::to_string(f->required ? 1 : 0) + " trở lên.",
                                     q.en + " must be at least " + std::to_string(f->required ? 1 : 0) + "."});
      }
      continue;
    }
    const std::string& s = *nominee_text(n, f->id);
    if (text::trim(s).empty()) {
      if (f->required) x.error(path, rule::required, f->missing);
      continue;
    }
    if (f->max_length > 0) {
      FieldLimits l;
      l.max_length = f->max_length;
      check_text_length(x, s, l, path, f->label, {});
    }
  }
  Bilingual choose = {"Giá trị không có trong danh sách; hãy chọn lại.", "Not one of the options; choose again."};
  if (n.kind == NomineeKind::individual) {
    if (!n.gender.empty() && n.gender != "male" && n.gender != "female")
      x.error(nominee_path("gender"), rule::choice, {"Giới tính: " + choose.vi, "Gender: " + choose.en});
    if (!n.category.empty() && !x.c.category(n.category))
      x.error(nominee_path("category"), rule::choice,
              {"Công chức / viên chức / người lao động: " + choose.vi, "Category: " + choose.en});
    std::string b = text::trim(n.birth_date);
    if (!b.empty()) {
      if (auto bd = parse_iso_date(b)) {
        int age = age_on(*bd, x.c.period.start);
        if (age < 18 || age > 70)
          x.error(nominee_path("birth_date"), rule::birth_date,
                  {"Ngày sinh " + to_display(*bd) + " cho thấy " + std::to_string(age) +
                       " tuổi khi bắt đầu đợt thi đua; hãy kiểm tra lại (độ tuổi hợp lý: 18–70).",
                   "Date of birth " + to_display(*bd) + " gives an age of " + std::to_string(age) +
                       " at the start of the campaign; please check it (plausible ages: 18–70)."});
      } else {
        check_date(x, b, DateRule::none, nominee_path("birth_date"), identity_field("birth_date")->label, {});
      }
    }
  } else {
    if (!n.email.empty() && !plausible_email(text::trim(n.email)))
      x.error(nominee_path("email"), rule::email,
              {"Thư điện tử " + in_quotes(n.email) + " không đúng dạng (ví dụ: ten@langson.gov.vn).",
               "The e-mail " + in_quotes(n.email) + " is malformed (e.g. name@langson.gov.vn)."});
    if (n.headcount && *n.headcount >= 1) {
      auto over = [&](const std::optional<int>& part, std::string_view id, const char* vi, const char* en) {
        if (part && *part > *n.headcount)
          x.error(nominee_path(id), rule::headcount,
                  {std::string(vi) + " (" + std::to_string(*part) + ") nhiều hơn tổng số người (" + std::to_string(*n.headcount) + ").",
                   std::string(en) + " (" + std::to_string(*part) + ") exceeds the headcount (" + std::to_string(*n.headcount) + ")."});
      };
      over(n.women, "women", "Số nữ", "The number of women");
      over(n.party_members, "party_members", "Số đảng viên", "The number of party members");
    }
  }
}

Bilingual award_name(const Campaign& c, std::string_view id) {
  if (const AwardForm* f = c.award_form(id)) return f->name;
  return {std::string(id), std::string(id)};
}

Bilingual kind_words(NomineeKind k, bool plural) {
  if (k == NomineeKind::collective) return {"tập thể", plural ? "collectives" : "a collective"};
  return {"cá nhân", plural ? "individuals" : "an individual"};
}

const AwardRule* check_award(Check& x, const Dossier& d) {
  const std::string path(kAwardFormPath);
  if (text::trim(d.award_form).empty()) {
    // Not chosen yet is still to fill in, as an empty field is; a form that is wrong is rule::award_form.
    x.error(path, rule::required, {"Chưa chọn hình thức khen thưởng.", "The award form is not chosen."});
    return nullptr;
  }
  const AwardForm* f = x.c.award_form(d.award_form);
  if (!f) {
    x.error(path, rule::award_form,
            {"Hình thức khen thưởng " + in_quotes(d.award_form) + " không có trong đợt thi đua này.",
             "The award form " + in_quotes(d.award_form) + " is not offered in this campaign."});
    return nullptr;
  }
  const AwardRule* r = f->rule_for(d.nominee.kind);
  if (!r) {
    Bilingual k = kind_words(d.nominee.kind, false);
    x.error(path, rule::award_form, {in_quotes(f->name.vi) + " không dành cho " + k.vi + ".",
                                     in_quotes(f->name.en) + " is not awarded to " + k.en + "."});
  }
  return r;
}

void check_criteria(Check& x, const Dossier& d, const AwardRule& r) {
  for (std::size_t i = 0; i < r.criteria.size(); ++i) {
    const Criterion& cr = r.criteria[i];
    std::string n = std::to_string(i + 1);
    auto it = d.criteria.find(cr.id);
    bool met = it != d.criteria.end() && it->second.met;
    bool evidence = it != d.criteria.end() && !text::trim(it->second.evidence).empty();
    if (!met)
      x.error(criterion_met_path(cr.id), rule::criterion_met,
              {"Tiêu chuẩn " + n + " chưa được đánh dấu là đạt.", "Criterion " + n + " is not marked as met."});
    if (!evidence)
      x.error(criterion_evidence_path(cr.id), rule::criterion_evidence,
              {"Tiêu chuẩn " + n + " chưa có minh chứng.", "Criterion " + n + " has no evidence."});
  }
}

void check_attachments(Check& x, const Dossier& d) {
  for (const Attachment& a : d.attachments) {
    bool hex = a.sha256.size() == 64 && a.sha256.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (text::trim(a.name).empty() || a.size < 0 || !hex)
      x.error(std::string(kAttachmentsPath), rule::attachment,
              {"Tệp đính kèm " + in_quotes(a.name) + " thiếu thông tin (tên, kích thước hoặc mã SHA-256); hãy đính kèm lại.",
               "The attachment " + in_quotes(a.name) + " has incomplete details (name, size or SHA-256); attach it again."});
  }
}

void check_flags(Check& x, const Dossier& d) {
  struct Flag {
    bool on;
    const char* id;
    const char* vi;
    const char* en;
  };
  for (const Flag& f : {Flag{d.flags.under_discipline, "under_discipline", "đang bị xem xét kỷ luật", "under disciplinary review"},
                        Flag{d.flags.under_inspection, "under_inspection", "đang bị thanh tra, kiểm tra", "under inspection"},
                        Flag{d.flags.under_investigation, "under_investigation", "đang bị điều tra", "under investigation"}})
    if (f.on)
      x.error("flags." + std::string(f.id), rule::flag,
              {"Đã khai báo " + std::string(f.vi) + ": chưa thể đề nghị khen thưởng.",
               "Declared " + std::string(f.en) + ": no commendation can be proposed."});
  if (!d.flags.no_complaint_under_verification)
    x.warning("flags.no_complaint_under_verification", rule::declaration,
              {"Chưa khai báo tập thể, cá nhân không có đơn thư khiếu nại, tố cáo đang được xác minh, làm rõ (Điều 4 Nghị định "
               "98/2023/NĐ-CP, Nghị định 152/2025/NĐ-CP).",
               "Not yet declared that the nominee is not the subject of a complaint or denunciation under verification "
               "(Art. 4 of Decrees 98/2023 and 152/2025)."});
}

struct VoteRef {
  const Minutes* minutes;
  const Vote* vote;
};

void check_vote(Check& x, const Dossier& d, const std::unordered_map<std::string_view, VoteRef>& votes,
                const Threshold& threshold) {
  auto it = votes.find(d.id);
  if (it == votes.end()) {
    x.error(vote_path(d.id, "for"), rule::vote_missing,
            {"Biên bản họp xét chưa ghi kết quả biểu quyết cho hồ sơ này.",
             "The review minutes record no vote on this dossier."});
    return;
  }
  const Minutes& m = *it->second.minutes;
  const Vote& v = *it->second.vote;
  if (!v.award_form.empty() && !d.award_form.empty() && v.award_form != d.award_form) {
    Bilingual voted = award_name(x.c, v.award_form), sought = award_name(x.c, d.award_form);
    x.error(vote_path(d.id, "award_form"), rule::vote_award_form,
            {"Biên bản ghi biểu quyết đề nghị " + in_quotes(voted.vi) + ", còn hồ sơ đề nghị " + in_quotes(sought.vi) + ".",
             "The minutes record a vote for " + in_quotes(voted.en) + ", but the dossier seeks " + in_quotes(sought.en) + "."});
  }
  if (m.members_total > 0 && !meets_threshold(v.votes_for, m, threshold)) {
    Bilingual t = threshold.describe();
    const Bilingual pct = share_percent(v.votes_for, m.members_total);
    // The law sets no share for these awards: the campaign says whether a miss blocks the dossier.
    x.add(vote_path(d.id, "for"), x.c.voting.unit_threshold_blocks ? Severity::error : Severity::warning, rule::vote_threshold,
            {"Được " + std::to_string(v.votes_for) + "/" + std::to_string(m.members_total) + " thành viên đồng ý (" + pct.vi +
                 "), chưa đạt " + t.vi + ".",
             std::to_string(v.votes_for) + " of " + std::to_string(m.members_total) + " members voted for (" + pct.en +
                 "), short of " + t.en + "."});
  }
}

void check_minutes(Check& x, const Minutes& m, const ReportTemplate* t,
                   const std::unordered_map<std::string_view, const Dossier*>& dossiers) {
  const std::size_t first = x.out.size();
  if (t) check_template(x, *t, std::nullopt, to_json(m), "minutes");
  // No vote at all: each dossier already says its vote is missing (rule::vote_missing), so the
  // empty table is not said a second time.
  if (!dossiers.empty())
    x.out.erase(std::remove_if(x.out.begin() + static_cast<std::ptrdiff_t>(first), x.out.end(),
                               [](const Finding& f) { return f.path == "minutes.votes" && f.rule == rule::required; }),
                x.out.end());
  if (m.members_present > m.members_total && m.members_total > 0) {
    x.error("minutes.members_present", rule::vote_counts,
            {"Số thành viên có mặt (" + std::to_string(m.members_present) + ") nhiều hơn tổng số thành viên (" +
                 std::to_string(m.members_total) + ").",
             "Members present (" + std::to_string(m.members_present) + ") exceed the total (" +
                 std::to_string(m.members_total) + ")."});
  } else if (m.members_total > 0) {
    std::size_t missing = static_cast<std::size_t>(m.members_total - m.members_present);
    if (m.members_present > 0 && missing != m.absent.size())
      x.warning("minutes.absent", rule::vote_counts,
                {"Vắng " + std::to_string(missing) + " thành viên nhưng danh sách vắng mặt có " +
                     std::to_string(m.absent.size()) + " người.",
                 std::to_string(missing) + " members were absent but the absence list names " +
                     std::to_string(m.absent.size()) + "."});
    // Nobody present yet is a field still to fill (its own finding), not a meeting short of
    // its quorum.
    if (m.members_present > 0 && !has_quorum(m, x.c.voting.quorum)) {
      Bilingual q = x.c.voting.quorum.describe();
      x.warning("minutes.members_present", rule::quorum,
                {"Cuộc họp có " + std::to_string(m.members_present) + "/" + std::to_string(m.members_total) +
                     " thành viên, chưa đạt " + q.vi + ".",
                 "The meeting had " + std::to_string(m.members_present) + " of " + std::to_string(m.members_total) +
                     " members, short of " + q.en + "."});
    }
  }
  const int could_vote = members_who_could_vote(m);
  for (const Vote& v : m.votes) {
    int cast = v.votes_for + v.votes_against;
    // Until the members present are typed, the votes have nothing to be compared with.
    if (cast > could_vote && m.members_present > 0)
      x.error(vote_path(v.dossier_id, "for"), rule::vote_counts,
              {"Tổng số phiếu (" + std::to_string(cast) + ") nhiều hơn số thành viên có thể biểu quyết (" +
                   std::to_string(could_vote) + ": có mặt và ý kiến bằng văn bản).",
               "The votes cast (" + std::to_string(cast) + ") exceed the members who could vote (" +
                   std::to_string(could_vote) + ": present and written opinions)."});
    if (!dossiers.count(v.dossier_id))
      x.warning(vote_path(v.dossier_id, "dossier_id"), rule::vote_unknown,
                {"Biên bản ghi biểu quyết cho một hồ sơ không có trong bộ hồ sơ.",
                 "The minutes record a vote on a dossier that is not in the workspace."});
  }
}

}  // namespace

std::vector<Finding> validate(const Library& lib, const Campaign& c, const Workspace& w, Date today) {
  std::vector<Finding> out;
  Check x{lib, c, w, today, out, Finding::Owner::dossier, {}};
  const Threshold threshold = vote_threshold(w.settings, c);
  const bool needs_minutes = c.document(DocumentKind::minutes) != nullptr;

  // Workspace-wide facts first, so each dossier's check is a lookup.
  std::unordered_map<std::string_view, VoteRef> votes;
  for (const Minutes& m : w.minutes)
    for (const Vote& v : m.votes) votes.try_emplace(v.dossier_id, VoteRef{&m, &v});
  std::unordered_map<std::string_view, const Dossier*> by_id;
  std::unordered_map<std::string, std::vector<const Dossier*>> by_nominee;
  std::map<std::pair<std::string, NomineeKind>, int> per_form;
  std::vector<std::string> keys(w.dossiers.size());
  for (std::size_t i = 0; i < w.dossiers.size(); ++i) {
    const Dossier& d = w.dossiers[i];
    by_id.emplace(d.id, &d);
    if (!is_live(d.status) || d.campaign.id != c.id) continue;
    keys[i] = nominee_key(d.nominee);
    if (!keys[i].empty()) by_nominee[keys[i]].push_back(&d);
    ++per_form[{d.award_form, d.nominee.kind}];
  }

  for (std::size_t i = 0; i < w.dossiers.size(); ++i) {
    const Dossier& d = w.dossiers[i];
    x.owner = Finding::Owner::dossier;
    x.owner_id = d.id;
    if (d.campaign.id != c.id) {
      x.error(std::string(kStatusPath), rule::campaign,
              {"Hồ sơ thuộc đợt thi đua khác (" + in_quotes(d.campaign.id) + ").",
               "The dossier belongs to another campaign (" + in_quotes(d.campaign.id) + ")."});
      continue;
    }
    // A corrected campaign does not rewrite the dossiers already made: each keeps the version it
    // was written on, and says so.
    if (d.campaign.version > 0 && d.campaign.version < c.version)
      x.warning(std::string(kStatusPath), rule::campaign_version,
                {"Hồ sơ được lập theo phiên bản " + std::to_string(d.campaign.version) + " của đợt thi đua; phiên bản " +
                     std::to_string(c.version) + " đã thay đổi nội dung: hãy kiểm tra lại tiêu chuẩn và hạn nộp.",
                 "The dossier was written on version " + std::to_string(d.campaign.version) + " of the campaign; version " +
                     std::to_string(c.version) + " changed it: please check the criteria and the deadline."});
    const NomineeKind kind = d.nominee.kind;
    const ReportTemplate* report = lib.template_for(c, DocumentKind::report, kind);
    if (c.document(DocumentKind::report) && !report) {
      x.error("report", rule::template_missing,
              {"Không tìm thấy mẫu báo cáo thành tích của đợt thi đua.", "The campaign's report template is not loaded."});
    } else if (report && !d.report_template.id.empty() && d.report_template != ref_of(*report)) {
      x.warning("report", rule::template_changed,
                {"Hồ sơ được lập theo phiên bản khác của mẫu " + in_quotes(report->title.vi) +
                     "; hãy kiểm tra lại phần báo cáo thành tích.",
                 "The dossier was written on another version of the form " + in_quotes(report->title.en) +
                     "; please review the achievement report."});
    }
    check_identity(x, d);
    if (const AwardRule* r = check_award(x, d)) check_criteria(x, d, *r);
    if (const ReportTemplate* s = lib.template_for(c, DocumentKind::summary, kind))
      check_template(x, *s, kind, json{{"text", d.summary}}, "summary");
    if (report) check_template(x, *report, kind, d.report, "report");
    check_attachments(x, d);
    check_flags(x, d);
    if (needs_minutes) check_vote(x, d, votes, threshold);
    if (is_live(d.status)) {
      if (!keys[i].empty()) {
        const auto& same = by_nominee[keys[i]];
        if (same.size() > 1) {
          const Dossier* other = same[0] == &d ? same[1] : same[0];
          std::string who = in_quotes(display_name(d.nominee));
          std::string born = kind == NomineeKind::individual ? " (" + shown_date(d.nominee.birth_date) + ")" : "";
          Bilingual f = award_name(c, other->award_form);
          x.error(nominee_path(kind == NomineeKind::individual ? "full_name" : "name"), rule::duplicate,
                  {who + born + " đã có một hồ sơ khác trong bộ hồ sơ này (đề nghị " + in_quotes(f.vi) + ").",
                   who + born + " already has another dossier in this workspace (seeking " + in_quotes(f.en) + ")."});
        }
      }
      if (const AwardForm* af = c.award_form(d.award_form))
        if (const AwardRule* r = af->rule_for(kind); r && r->quota) {
          int n = per_form[{d.award_form, kind}];
          if (n > *r->quota) {
            Bilingual k = kind_words(kind, true);
            x.warning(std::string(kAwardFormPath), rule::quota,
                      {"Đang đề nghị " + std::to_string(n) + " " + k.vi + " cho " + in_quotes(af->name.vi) +
                           ", nhiều hơn số lượng " + std::to_string(*r->quota) + " của kế hoạch; Hội đồng sẽ lựa chọn.",
                       std::to_string(n) + " " + k.en + " are proposed for " + in_quotes(af->name.en) +
                           ", more than the plan's number of " + std::to_string(*r->quota) + "; the council will choose."});
          }
        }
    }
    if ((d.status == Status::draft || d.status == Status::ready) && c.deadline.is_late(today)) {
      Bilingual dl = c.deadline.describe();
      x.warning(std::string(kStatusPath), rule::deadline,
                {"Đã quá hạn nộp hồ sơ: " + dl.vi + ".", "The submission deadline has passed: " + dl.en + "."});
    }
  }

  if (!w.minutes.empty()) {
    const ReportTemplate* mt = lib.template_for(c, DocumentKind::minutes, NomineeKind::individual);
    if (!mt) mt = lib.template_for(c, DocumentKind::minutes, NomineeKind::collective);
    x.owner = Finding::Owner::minutes;
    for (const Minutes& m : w.minutes) {
      x.owner_id = m.id;
      check_minutes(x, m, mt, by_id);
    }
  }
  return out;
}

}  // namespace hoso
