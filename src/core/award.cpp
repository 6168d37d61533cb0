#include "core/award.hpp"

#include <algorithm>

#include "core/council.hpp"
#include "core/proposal_export.hpp"
#include "core/registry_detail.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

namespace hoso {

using json_in::in_quotes;
using nlohmann::json;
using namespace registry_detail;

namespace {

bool decided_by(const Campaign& c, std::string_view award_form, Decider decider) {
  return c.authority(award_form).decider == decider;
}

bool listed(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

std::vector<AwardCandidate> award_candidates(const Campaign& c, const Registry& r, std::string_view meeting_id,
                                             Decider decider) {
  std::vector<AwardCandidate> out;
  const CouncilMeeting* m = r.meeting(meeting_id);
  if (!m || !m->closed) return out;
  const MeetingResult res = meeting_result(c, r, *m);
  for (const BallotResult& b : res.ballots) {
    if (b.outcome != BallotOutcome::proposed || !decided_by(c, b.award_form, decider)) continue;
    const Status s = status_of(r, b.dossier_id);
    if (s != Status::proposed && s != Status::awarded && s != Status::not_awarded) continue;
    // An answered dossier belongs to its decision; it is a candidate of no other.
    if (s != Status::proposed && !r.award_of(b.dossier_id)) continue;
    out.push_back({b.dossier_id, b.award_form, b.nominee, b.sender_unit_name, s});
  }
  return out;
}

std::string next_award_id(const Registry& r) {
  int n = 1;
  while (r.award("qd-" + std::to_string(n))) ++n;
  for (const RegistryChange& c : r.log)  // a withdrawn decision's id is not given again
    while (c.subject == "awards/qd-" + std::to_string(n)) ++n;
  return "qd-" + std::to_string(n);
}

Outcome<RegistryChanges> record_award(Registry& r, const Campaign& c, AwardDecision d, Date today,
                                      const EditContext& ctx) {
  d.number = text::trim(d.number);
  d.signer = text::trim(d.signer);
  d.signer_title = text::trim(d.signer_title);
  if (d.number.empty())
    return refusal("number", "Hãy nhập số của quyết định, như trên bản đã ký (ví dụ 120/QĐ-" + c.issuer_abbreviation + ").",
                   "Enter the decision's number as on the signed copy (for example 120/QĐ-" + c.issuer_abbreviation + ").");
  if (!d.date.year || !is_valid_date(d.date.year, d.date.month, d.date.day))
    return refusal("date", "Hãy nhập ngày ký quyết định.", "Enter the date the decision was signed.");
  if (today.year && today < d.date)
    return refusal("date", "Ngày quyết định " + day(d.date) + " ở sau hôm nay (" + day(today) + ").",
                   "The decision's date " + day(d.date) + " is after today (" + day(today) + ").");
  if (d.signer.empty())
    return refusal("signer", "Hãy nhập họ tên người ký quyết định.", "Enter the name of who signed the decision.");
  const CouncilMeeting* m = r.meeting(d.meeting_id);
  if (!m) return refusal("meeting_id", "Không có phiên họp " + in_quotes(d.meeting_id) + ".", "There is no meeting " + in_quotes(d.meeting_id) + ".");
  if (!m->closed)
    return refusal("meeting_id", "Phiên họp Hội đồng chưa kết thúc: hãy kết thúc phiên họp trước khi ghi nhận quyết định.",
                   "The council meeting is not closed: close it before recording the decision.");
  for (const AwardDecision& other : r.awards)
    if (other.decider == d.decider && text::fold(other.number) == text::fold(d.number))
      return refusal("number", "Đã có quyết định số " + other.number + " (ghi nhận trước đây).",
                     "A decision numbered " + other.number + " is already recorded.");
  std::vector<AwardCandidate> candidates = award_candidates(c, r, d.meeting_id, d.decider);
  std::erase_if(candidates, [](const AwardCandidate& a) { return a.status != Status::proposed; });
  for (const std::string& id : d.awarded)
    if (std::none_of(candidates.begin(), candidates.end(), [&](const AwardCandidate& a) { return a.dossier_id == id; }))
      return refusal("awarded", "Hồ sơ " + in_quotes(id) + " không nằm trong danh sách đề nghị chờ quyết định này.",
                     "The dossier " + in_quotes(id) + " is not on the proposal list awaiting this decision.");
  if (d.awarded.empty())
    return refusal("awarded", "Hãy đánh dấu những người, tập thể được khen thưởng theo quyết định.",
                   "Tick the people and collectives the decision awards.");
  d.id = next_award_id(r);
  d.recorded = whole_seconds(ctx.now);
  d.recorded_by = ctx.author;
  // In the meeting's order, whatever order the caller gave.
  std::vector<std::string> awarded;
  d.not_awarded.clear();
  for (const AwardCandidate& a : candidates) (listed(d.awarded, a.dossier_id) ? awarded : d.not_awarded).push_back(a.dossier_id);
  d.awarded = std::move(awarded);
  const std::string reason = "Quyết định số " + d.number + " ngày " + day(d.date);
  RegistryChanges out;
  for (const auto& [ids, to] : {std::pair{&d.awarded, Status::awarded}, std::pair{&d.not_awarded, Status::not_awarded}})
    for (const std::string& id : *ids) {
      bool created = false;
      Decision& dec = decision_for(r, id, ctx, created);
      if (auto moved = move_status(dec, to, reason, ctx); !moved) return moved.error();
      dec.award_id = d.id;
      out.decisions.push_back(id);
    }
  out.awards.push_back(d.id);
  // Kept across campaigns: who was awarded what, by which decision.
  const std::string said = describe(d, c).vi;
  for (const std::string& id : d.awarded) {
    const Registry::Found f = r.find_dossier(id);
    if (!f.dossier) continue;
    const Nominee& n = f.dossier->nominee;
    r.history.push_back({nominee_key(n), n.kind, display_name(n), n.kind == NomineeKind::individual ? n.birth_date : std::string(),
                         n.kind == NomineeKind::individual ? n.unit : n.parent_unit, form_name(c, f.dossier->award_form).vi,
                         c.id, c.name.vi, said, d.number, d.date, d.id, id});
  }
  out.history = true;
  r.awards.push_back(std::move(d));
  return out;
}

Outcome<RegistryChanges> withdraw_award(Registry& r, std::string_view award_id, std::string_view reason,
                                        const EditContext& ctx) {
  auto it = std::find_if(r.awards.begin(), r.awards.end(), [&](const AwardDecision& a) { return a.id == award_id; });
  if (it == r.awards.end())
    return refusal("id", "Không có quyết định " + in_quotes(award_id) + " trong sổ.", "There is no decision " + in_quotes(award_id) + " in the register.");
  if (text::trim(reason).empty())
    return refusal("reason", "Hãy ghi lý do hủy ghi nhận quyết định.", "Give the reason for withdrawing the decision.");
  RegistryChanges out;
  for (Decision& dec : r.decisions) {
    if (dec.award_id != award_id) continue;
    if (auto moved = move_status(dec, Status::proposed, reason, ctx); !moved) return moved.error();
    dec.award_id.clear();
    out.decisions.push_back(dec.dossier_id);
  }
  r.log.push_back({whole_seconds(ctx.now), ctx.author, "awards/" + it->id, to_json(*it), nullptr, std::string(text::trim(reason))});
  out.state = true;
  std::erase_if(r.history, [&](const AwardRecord& h) { return h.campaign_id == r.campaign_id && h.award_id == it->id; });
  out.history = true;
  out.removed_awards.push_back(it->id);
  r.awards.erase(it);
  return out;
}

std::optional<Authority> authority_of(const Campaign& c, Decider decider) {
  for (const AwardForm& f : c.award_forms)
    if (Authority a = c.authority(f.id); a.decider == decider) return a;
  return std::nullopt;
}

Bilingual describe(const AwardDecision& d, const Campaign& c) {
  const Authority a = authority_of(c, d.decider).value_or(Authority{});
  const std::string date = d.date.year ? day(d.date) : std::string("…");
  return {"Quyết định số " + d.number + " ngày " + date + (a.title.vi.empty() ? "" : " của " + a.title.vi),
          "Decision No. " + d.number + " of " + date + (a.title.en.empty() ? "" : " by the " + a.title.en)};
}

// ---- the award history -------------------------------------------------------------------------

std::vector<const AwardRecord*> history_of(const Registry& r, const Nominee& n) {
  std::vector<const AwardRecord*> out;
  const std::string key = nominee_key(n);
  if (key.empty()) return out;
  for (const AwardRecord& h : r.history)
    if (h.nominee_key == key) out.push_back(&h);
  return out;
}

std::vector<const AwardRecord*> search_history(const Registry& r, std::string_view query) {
  std::vector<const AwardRecord*> out;
  for (auto it = r.history.rbegin(); it != r.history.rend(); ++it) {
    const AwardRecord& h = *it;
    const std::string haystack = h.name + " " + h.unit + " " + h.award_form + " " + h.decision + " " + h.campaign_name;
    if (text::matches_search(haystack, query)) out.push_back(&h);
  }
  return out;
}

json history_json(const std::vector<AwardRecord>& h) {
  json list = json::array();
  for (const AwardRecord& a : h)
    list.push_back({{"nominee_key", a.nominee_key}, {"kind", to_string(a.kind)}, {"name", a.name}, {"birth_date", a.birth_date},
                    {"unit", a.unit}, {"award_form", a.award_form}, {"campaign_id", a.campaign_id},
                    {"campaign_name", a.campaign_name}, {"decision", a.decision}, {"decision_number", a.decision_number},
                    {"decision_date", a.decision_date.year ? to_iso(a.decision_date) : std::string()},
                    {"award_id", a.award_id}, {"dossier_id", a.dossier_id}});
  return {{"format", kRegistryFormat}, {"format_version", kRegistryFormatVersion}, {"awards", std::move(list)}};
}

Outcome<std::vector<AwardRecord>> history_from_json(const json& j, std::string_view file_name) {
  json_in::Reader r(file_name);
  std::vector<AwardRecord> out;
  if (!r.format(j, kRegistryFormat, kRegistryFormatVersion)) return r.take_error();
  const json* list = r.member(j, "", "awards", true);
  if (list && r.expect_array(*list, "awards"))
    for (std::size_t i = 0; i < list->size() && r.ok(); ++i) {
      const std::string p = json_in::index_path("awards", i);
      const json& e = (*list)[i];
      if (!r.expect_object(e, p)) break;
      AwardRecord a;
      std::string kind;
      r.str(e, p, "nominee_key", a.nominee_key);
      if (r.str(e, p, "kind", kind)) {
        if (kind == "collective") a.kind = NomineeKind::collective;
        else if (kind != "individual") r.fail(json_in::member_path(p, "kind"), json_in::msg_invalid_value(kind, "individual, collective"));
      }
      for (const auto& [key, field] : {std::pair{"name", &a.name}, std::pair{"birth_date", &a.birth_date}, std::pair{"unit", &a.unit},
                                       std::pair{"award_form", &a.award_form}, std::pair{"campaign_id", &a.campaign_id},
                                       std::pair{"campaign_name", &a.campaign_name}, std::pair{"decision", &a.decision},
                                       std::pair{"decision_number", &a.decision_number}, std::pair{"award_id", &a.award_id},
                                       std::pair{"dossier_id", &a.dossier_id}})
        r.str(e, p, key, *field, false);
      if (const json* dd = r.member(e, p, "decision_date", false); dd && dd->is_string() && !dd->get_ref<const std::string&>().empty())
        r.date(e, p, "decision_date", a.decision_date);
      out.push_back(std::move(a));
    }
  if (!r.ok()) return r.take_error();
  return out;
}

// ---- award money -------------------------------------------------------------------------------

PaymentList payment_list(const Campaign& c, const Registry& r, const AwardDecision& d) {
  PaymentList p;
  p.decision_id = d.id;
  p.decision = describe(d, c);
  for (const std::string& id : d.awarded) {
    const Registry::Found f = r.find_dossier(id);
    PaymentLine line;
    line.dossier_id = id;
    if (f.dossier) {
      const Nominee& n = f.dossier->nominee;
      line.nominee = display_name(n);
      line.kind = n.kind;
      line.position = n.kind == NomineeKind::individual ? n.position : std::string();
      line.unit = n.kind == NomineeKind::individual ? n.unit : n.parent_unit;
      line.award_form = f.dossier->award_form;
      if (const AwardForm* form = c.award_form(line.award_form))
        if (const AwardRule* rule = form->rule_for(n.kind)) line.amount = rule->prize;
    }
    if (line.amount) p.total += *line.amount;
    else ++p.without_amount;
    p.lines.push_back(std::move(line));
  }
  return p;
}

doc::Payment payment_document_input(const PaymentList& p, Date date) {
  doc::Payment out;
  out.decision = p.decision.vi;
  out.date = date;
  out.total = p.total;
  out.complete = p.without_amount == 0;
  for (const PaymentLine& l : p.lines) out.rows.push_back({l.nominee, l.position, l.unit, l.award_form, l.amount});
  return out;
}

std::string money(long long dong) {
  std::string digits = std::to_string(dong < 0 ? -dong : dong), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return (dong < 0 ? "-" : "") + out;
}

namespace {

// 0..999 read in Vietnamese; `full` when a higher group came before, so "không trăm" and "lẻ"
// are said ("một nghìn không trăm lẻ năm").
std::string three_digits(int n, bool full) {
  static constexpr const char* kDigit[] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
  const int h = n / 100, t = n / 10 % 10, u = n % 10;
  std::string out;
  auto add = [&out](const std::string& w) { out += (out.empty() ? "" : " ") + w; };
  if (h > 0 || full) add(std::string(kDigit[h]) + " trăm");
  if (t == 0) {
    if (u > 0 && (h > 0 || full)) add("lẻ");
  } else if (t == 1) {
    add("mười");
  } else {
    add(std::string(kDigit[t]) + " mươi");
  }
  if (u == 0) return out;
  if (u == 1 && t > 1) add("mốt");
  else if (u == 5 && t > 0) add("lăm");
  else if (u == 4 && t > 1) add("tư");
  else add(kDigit[u]);
  return out;
}

}  // namespace

std::string money_in_words(long long dong) {
  if (dong == 0) return "Không đồng";
  static constexpr const char* kGroup[] = {"", " nghìn", " triệu", " tỷ", " nghìn tỷ", " triệu tỷ"};
  std::vector<int> groups;  // lowest first
  for (long long v = dong < 0 ? -dong : dong; v > 0; v /= 1000) groups.push_back(static_cast<int>(v % 1000));
  std::string out;
  for (std::size_t i = groups.size(); i-- > 0;) {
    if (groups[i] == 0) continue;
    const bool full = i + 1 < groups.size();
    out += (out.empty() ? "" : " ") + three_digits(groups[i], full) + kGroup[i];
  }
  out = (dong < 0 ? "âm " : "") + out + " đồng";
  // Capitalise the first letter (ASCII or "â" of "âm": the words start with ASCII otherwise).
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string payment_list_csv(const Campaign& c, const PaymentList& p) {
  std::string out(kCsvStart);
  auto row = [&out](std::initializer_list<std::string_view> fields) { csv_row(out, fields); };
  row({"STT", "Tập thể, cá nhân", "Chức vụ", "Đơn vị", "Hình thức khen thưởng", "Số tiền (đồng)", "Quyết định"});
  int n = 0;
  for (const PaymentLine& l : p.lines)
    row({std::to_string(++n), l.nominee, l.position, l.unit, form_name(c, l.award_form).vi,
         l.amount ? std::to_string(*l.amount) : std::string(), p.decision.vi});
  row({"", "Tổng cộng", "", "", "", std::to_string(p.total), ""});
  return out;
}

std::string payment_file_name(const AwardDecision& d, std::string_view ext) {
  std::string slug = text::slug(d.number);
  return "hoso_chi-tien-thuong_" + (slug.empty() ? d.id : slug) + "." + std::string(ext);
}

// ---- certificates --------------------------------------------------------------------------------

std::vector<doc::Certificate> certificates(const Campaign& c, const Registry& r, const AwardDecision& d) {
  std::vector<doc::Certificate> out;
  if (d.decider != Decider::issuer_head) return out;
  std::string place_date;
  for (const doc::Run& run : doc::place_date_runs({c.place, d.date.year ? std::optional<Date>(d.date) : std::nullopt}))
    place_date += run.text;
  const std::string signer_title = doc::upper(text::trim(d.signer_title).empty() ? c.issuer_head.vi : d.signer_title);
  for (const std::string& id : d.awarded) {
    const Registry::Found f = r.find_dossier(id);
    if (!f.dossier) continue;
    const Nominee& n = f.dossier->nominee;
    doc::Certificate cert;
    if (n.kind == NomineeKind::individual) {
      const std::string honorific = n.gender == "female" ? "Bà " : n.gender == "male" ? "Ông " : "";
      cert.name = honorific + n.full_name;
      const std::string pos = text::trim(n.position), unit = text::trim(n.unit);
      cert.detail = pos.empty() ? unit : unit.empty() ? pos : pos + ", " + unit;
    } else {
      cert.name = n.name;
      cert.detail = n.parent_unit;
    }
    cert.achievement = c.name.vi.empty() ? "Đã có thành tích xuất sắc" : "Đã có thành tích xuất sắc trong " + c.name.vi;
    cert.decision = "Quyết định số " + d.number + " ngày " + (d.date.year ? day(d.date) : std::string(doc::kBlank));
    cert.place_date = place_date;
    cert.signer_title = signer_title;
    cert.signer_name = d.signer;
    out.push_back(std::move(cert));
  }
  return out;
}

doc::CertificateFrame certificate_frame(const Campaign& c, const AwardDecision& d) {
  if (auto a = authority_of(c, d.decider)) return {doc::upper(a->title.vi), "GIẤY KHEN"};
  return {doc::upper(c.issuer_head.vi + " " + c.issuer.vi), "GIẤY KHEN"};
}

Outcome<RegistryChanges> set_certificate_layout(Registry& r, const doc::CertificateLayout& l) {
  if (auto why = doc::layout_problem(l)) return refusal("certificate_layout", why->vi, why->en);
  RegistryChanges out;
  if (r.certificate_layout == l) return out;
  r.certificate_layout = l;
  out.state = true;
  return out;
}

// ---- the campaign's close ------------------------------------------------------------------------

doc::CloseReport close_report(const Campaign& c, const Registry& r, Date date) {
  doc::CloseReport out;
  out.date = date;
  const std::vector<bool> live = in_force(r);
  std::vector<std::pair<std::string, doc::CloseRow>> units;  // by unit id, in the order first seen
  auto row_of = [&units](const Sender& s) -> doc::CloseRow& {
    for (auto& [id, row] : units)
      if (id == s.unit_id) return row;
    units.push_back({s.unit_id, doc::CloseRow{s.unit_name}});
    return units.back().second;
  };
  for (std::size_t i = 0; i < r.revisions.size(); ++i) {
    if (!live[i]) continue;
    const PackageRevision& p = r.revisions[i];
    doc::CloseRow& row = row_of(p.header.sender);
    for (const Dossier& d : p.dossiers) {
      ++row.dossiers;
      const Status s = status_of(r, d.id);
      if (s == Status::returned) {
        ++row.returned;
        const Decision* dec = r.decision(d.id);
        out.returned.push_back({display_name(d.nominee), p.header.sender.unit_name, dec ? dec->return_reason : std::string()});
      }
      row.proposed += s == Status::proposed || s == Status::awarded || s == Status::not_awarded;
      row.awarded += s == Status::awarded;
      row.not_awarded += s == Status::not_awarded;
    }
  }
  std::stable_sort(units.begin(), units.end(),
                   [](const auto& a, const auto& b) { return text::fold(a.second.unit) < text::fold(b.second.unit); });
  out.total.unit = "Tổng cộng";
  for (auto& [id, row] : units) {
    out.total.dossiers += row.dossiers;
    out.total.returned += row.returned;
    out.total.proposed += row.proposed;
    out.total.awarded += row.awarded;
    out.total.not_awarded += row.not_awarded;
    out.units.push_back(std::move(row));
  }
  for (const AwardDecision& d : r.awards)
    out.decisions.push_back(describe(d, c).vi + ": " + std::to_string(d.awarded.size()) + " trường hợp được khen thưởng" +
                            (d.not_awarded.empty() ? "" : ", " + std::to_string(d.not_awarded.size()) + " trường hợp không được khen thưởng") + ".");
  return out;
}

Outcome<RegistryChanges> close_campaign(Registry& r, const EditContext& ctx) {
  if (r.closed())
    return refusal("closed", "Đợt thi đua đã khép lại ngày " + to_display_vietnam(r.closed_at) + ".",
                   "The campaign was closed on " + to_display_vietnam(r.closed_at) + ".");
  r.closed_at = whole_seconds(ctx.now);
  r.closed_by = ctx.author;
  r.log.push_back({r.closed_at, ctx.author, "closed", false, true, {}});
  RegistryChanges out;
  out.state = true;
  return out;
}

Outcome<RegistryChanges> reopen_campaign(Registry& r, std::string_view reason, const EditContext& ctx) {
  if (!r.closed()) return refusal("closed", "Đợt thi đua đang mở.", "The campaign is open.");
  if (text::trim(reason).empty())
    return refusal("reason", "Hãy ghi lý do mở lại đợt thi đua.", "Give the reason for reopening the campaign.");
  r.log.push_back({whole_seconds(ctx.now), ctx.author, "closed", true, false, std::string(text::trim(reason))});
  r.closed_at = 0;
  r.closed_by.clear();
  RegistryChanges out;
  out.state = true;
  return out;
}

json to_json(const AwardDecision& d) {
  return {{"format", kRegistryFormat},
          {"format_version", kRegistryFormatVersion},
          {"id", d.id},
          {"decider", to_string(d.decider)},
          {"number", d.number},
          {"date", d.date.year ? to_iso(d.date) : std::string()},
          {"signer", d.signer},
          {"signer_title", d.signer_title},
          {"meeting_id", d.meeting_id},
          {"awarded", d.awarded},
          {"not_awarded", d.not_awarded},
          {"recorded", to_iso_instant(d.recorded)},
          {"recorded_by", d.recorded_by}};
}

Outcome<AwardDecision> award_from_json(const json& j, std::string_view file_name) {
  json_in::Reader r(file_name);
  AwardDecision d;
  if (!r.format(j, kRegistryFormat, kRegistryFormatVersion)) return r.take_error();
  r.str(j, "", "id", d.id);
  std::string decider;
  if (r.str(j, "", "decider", decider)) {
    if (decider == "issuer_head") d.decider = Decider::issuer_head;
    else if (decider == "parent_head") d.decider = Decider::parent_head;
    else r.fail("decider", json_in::msg_invalid_value(decider, "issuer_head, parent_head"));
  }
  r.str(j, "", "number", d.number);
  r.date(j, "", "date", d.date);
  r.str(j, "", "signer", d.signer);
  r.str(j, "", "signer_title", d.signer_title, false);
  r.str(j, "", "meeting_id", d.meeting_id);
  for (const auto& [key, out] : {std::pair{"awarded", &d.awarded}, std::pair{"not_awarded", &d.not_awarded}})
    if (const json* list = r.member(j, "", key, true); list && r.expect_array(*list, key))
      for (std::size_t i = 0; i < list->size() && r.ok(); ++i) {
        std::string id;
        if (r.string_value((*list)[i], json_in::index_path(key, i), id)) out->push_back(std::move(id));
      }
  r.instant(j, "", "recorded", d.recorded);
  r.str(j, "", "recorded_by", d.recorded_by, false);
  if (!r.ok()) return r.take_error();
  return d;
}

}  // namespace hoso
