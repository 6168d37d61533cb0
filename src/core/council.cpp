#include "core/council.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/json_in.hpp"
#include "core/registry_detail.hpp"
#include "core/text.hpp"
#include "core/registry_view.hpp"

namespace hoso {

using json_in::in_quotes;
using nlohmann::json;
using namespace registry_detail;

CouncilMeeting new_meeting(const Campaign& c, const Registry& r, const RegistryView& v, std::string id, Date date,
                           Millis now) {
  CouncilMeeting m;
  m.id = std::move(id);
  m.date = date;
  m.quorum = c.voting.quorum;
  m.threshold = c.voting.threshold;
  m.created = m.updated = whole_seconds(now);
  std::vector<std::size_t> rows = filter_and_sort(r, v, RegistryFilter{{{}, Status::eligible, {}, {}}, {}, false, false},
                                                  RegistrySort::name);
  for (std::size_t i : rows) m.votes.push_back({v.dossiers[i].id, 0, 0});
  return m;
}

std::string_view to_string(BallotOutcome o) {
  switch (o) {
    case BallotOutcome::proposed: return "proposed";
    case BallotOutcome::over_quota: return "over_quota";
    case BallotOutcome::tied: return "tied";
    case BallotOutcome::below_threshold: return "below_threshold";
    case BallotOutcome::not_eligible: return "not_eligible";
    case BallotOutcome::invalid_votes: return "invalid_votes";
    case BallotOutcome::no_quorum: return "no_quorum";
  }
  return {};
}

Bilingual outcome_label(BallotOutcome o) {
  switch (o) {
    case BallotOutcome::proposed: return {"Đề nghị", "Proposed"};
    case BallotOutcome::over_quota: return {"Vượt số lượng", "Over the quota"};
    case BallotOutcome::tied: return {"Bằng phiếu, chưa phân định", "Tied, undecided"};
    case BallotOutcome::below_threshold: return {"Không đạt tỷ lệ", "Below the threshold"};
    case BallotOutcome::not_eligible: return {"Không đủ điều kiện xét", "Not eligible"};
    case BallotOutcome::invalid_votes: return {"Số phiếu không hợp lệ", "Invalid vote count"};
    case BallotOutcome::no_quorum: return {"Chưa có kết quả", "No result"};
  }
  return {};
}

std::string_view to_string(TieBreak t) {
  switch (t) {
    case TieBreak::none: return "none";
    case TieBreak::women: return "women";
    case TieBreak::women_collective: return "women_collective";
    case TieBreak::unresolved: return "unresolved";
  }
  return {};
}

Bilingual tie_break_label(TieBreak t) {
  switch (t) {
    case TieBreak::none: return {};
    case TieBreak::women: return {"Ưu tiên theo Điều 4: nữ", "Art. 4 priority: a woman"};
    case TieBreak::women_collective:
      return {"Ưu tiên theo Điều 4: tập thể có từ 70% nữ trở lên", "Art. 4 priority: a collective with at least 70% women"};
    case TieBreak::unresolved: return {"Bằng phiếu, cùng mức ưu tiên", "A true tie: same share, same priority"};
  }
  return {};
}

bool has_priority(const Nominee& n) {
  if (n.kind == NomineeKind::individual) return n.gender == "female";
  return n.headcount && n.women && *n.headcount > 0 && *n.women * 10 >= *n.headcount * 7;
}

int MeetingResult::count(BallotOutcome o) const {
  return static_cast<int>(std::count_if(ballots.begin(), ballots.end(), [o](const BallotResult& b) { return b.outcome == o; }));
}

namespace {

Bilingual votes_text(const BallotResult& b, int total) {
  const Bilingual p = percent(b.votes_for, total);
  const std::string n = std::to_string(b.votes_for) + "/" + std::to_string(total);
  return {n + " thành viên đồng ý (" + p.vi + ")", n + " members for (" + p.en + ")"};
}

Bilingual operator+(Bilingual a, const Bilingual& b) { return {a.vi + b.vi, a.en + b.en}; }

// Within one award form and kind: rank those meeting the threshold and fill the quota. At the
// quota's edge, equal votes are separated by Art. 4's priority; what priority cannot separate
// stays a tie for the council.
void fill_quota(std::vector<BallotResult*>& group, std::optional<int> quota, int total) {
  std::stable_sort(group.begin(), group.end(), [](const BallotResult* a, const BallotResult* b) { return a->votes_for > b->votes_for; });
  for (std::size_t i = 0; i < group.size(); ++i)
    group[i]->rank = i > 0 && group[i]->votes_for == group[i - 1]->votes_for ? group[i - 1]->rank : static_cast<int>(i) + 1;
  const TieBreak rule = group.empty() || group[0]->kind == NomineeKind::individual ? TieBreak::women : TieBreak::women_collective;
  const std::size_t seats = quota ? static_cast<std::size_t>(std::max(0, *quota)) : group.size();
  const std::string q = quota ? std::to_string(*quota) : std::string();
  const Bilingual within = quota ? Bilingual{"; trong số lượng " + q + ".", "; within the quota of " + q + "."}
                                 : Bilingual{"; không giới hạn số lượng.", "; no quota set."};
  const Bilingual over{"; vượt số lượng " + q + ": đã đủ người có tỷ lệ cao hơn.",
                       "; over the quota of " + q + ": filled by higher shares."};
  for (BallotResult* b : group) {
    b->outcome = BallotOutcome::proposed;
    b->why = votes_text(*b, total) + within;
  }
  if (group.size() <= seats) return;
  // The votes of the last seat; everyone above it is in, everyone below out.
  const int edge = seats > 0 ? group[seats - 1]->votes_for : group.front()->votes_for + 1;
  std::vector<BallotResult*> tied;
  std::size_t above = 0;
  for (BallotResult* b : group) {
    if (b->votes_for < edge) {
      b->outcome = BallotOutcome::over_quota;
      b->why = votes_text(*b, total) + over;
    } else if (b->votes_for == edge) {
      tied.push_back(b);
    } else {
      ++above;
    }
  }
  const std::size_t left = seats - above;  // the places the tied ones compete for
  if (tied.size() <= left) return;         // all of them fit: no tie at the edge
  std::vector<BallotResult*> first, rest;  // with and without Art. 4's priority
  for (BallotResult* b : tied) (b->priority ? first : rest).push_back(b);
  const Bilingual rule_text = tie_break_label(rule);
  const std::string s = std::to_string(left);
  const Bilingual tie_text{"; bằng phiếu với " + std::to_string(tied.size() - 1) + " trường hợp khác cho " + s +
                               " vị trí còn lại, cùng mức ưu tiên: Hội đồng cần quyết định (ví dụ biểu quyết lại).",
                           "; tied with " + std::to_string(tied.size() - 1) + " other(s) for the " + s +
                               " place(s) left, with the same priority: the council must decide (e.g. vote again)."};
  auto mark = [&](std::vector<BallotResult*>& list, BallotOutcome o, TieBreak t, const Bilingual& tail) {
    for (BallotResult* b : list) {
      b->outcome = o;
      b->tie_break = t;
      b->why = votes_text(*b, total) + tail;
    }
  };
  const bool separated = !first.empty() && !rest.empty();
  const Bilingual won{"; bằng phiếu ở vị trí cuối, được chọn do " + rule_text.vi + ".",
                      "; tied at the last place, chosen by " + rule_text.en + "."};
  const Bilingual lost{"; bằng phiếu ở vị trí cuối, không được chọn do " + rule_text.vi + " dành cho trường hợp khác.",
                       "; tied at the last place, not chosen: " + rule_text.en + " went to another."};
  if (first.size() >= left && separated) {
    mark(rest, BallotOutcome::over_quota, rule, lost);
    if (first.size() == left) mark(first, BallotOutcome::proposed, rule, won);
    else mark(first, BallotOutcome::tied, TieBreak::unresolved, tie_text);
  } else if (separated) {  // fewer with priority than places: they are in, the rest still tie
    mark(first, BallotOutcome::proposed, rule, won);
    mark(rest, BallotOutcome::tied, TieBreak::unresolved, tie_text);
  } else {
    mark(tied, BallotOutcome::tied, TieBreak::unresolved, tie_text);
  }
}

}  // namespace

MeetingResult meeting_result(const Campaign& c, const Registry& r, const CouncilMeeting& m) {
  MeetingResult res;
  const int total = m.members_total;
  if (total <= 0) {
    res.why = {"Chưa nhập tổng số thành viên Hội đồng.", "The council's total number of members is not entered."};
  } else if (m.members_present > total || m.members_present < 0) {
    res.why = {"Số thành viên có mặt (" + std::to_string(m.members_present) + ") nhiều hơn tổng số (" + std::to_string(total) + ").",
               "Members present (" + std::to_string(m.members_present) + ") exceed the total (" + std::to_string(total) + ")."};
  } else if (!m.quorum.met(m.members_present, total)) {
    const Bilingual q = m.quorum.describe();
    res.why = {"Có mặt " + std::to_string(m.members_present) + "/" + std::to_string(total) + " thành viên, chưa đạt " + q.vi +
                   ": phiên họp không đủ điều kiện biểu quyết, không có kết quả.",
               std::to_string(m.members_present) + " of " + std::to_string(total) + " members present, short of " + q.en +
                   ": the meeting cannot vote, so there is no result."};
  }
  res.decided = res.why.vi.empty();

  const int cap = std::min(total, members_who_could_vote(m));  // who could cast a ballot
  std::map<std::pair<std::string, NomineeKind>, std::vector<BallotResult*>> groups;
  res.ballots.reserve(m.votes.size());
  for (const CouncilVote& v : m.votes) {
    BallotResult b;
    b.dossier_id = v.dossier_id;
    b.votes_for = v.votes_for;
    b.votes_against = v.votes_against;
    const Registry::Found found = r.find_dossier(v.dossier_id);
    const Status status = status_of(r, v.dossier_id);
    b.status = status;
    if (const AwardDecision* a = r.award_of(v.dossier_id)) {
      b.decision_number = a->number;
      b.decision_date = a->date;
    }
    if (found.dossier) {
      const Nominee& n = found.dossier->nominee;
      b.award_form = found.dossier->award_form;
      b.kind = n.kind;
      b.nominee = display_name(n);
      b.position = n.kind == NomineeKind::individual ? n.position : std::string();
      b.unit = n.kind == NomineeKind::individual ? n.unit : n.parent_unit;
      b.sender_unit_id = found.revision->header.sender.unit_id;
      b.sender_unit_name = found.revision->header.sender.unit_name;
      b.priority = has_priority(n);
    }
    if (!res.decided) {
      b.outcome = BallotOutcome::no_quorum;
      b.why = res.why;
    } else if (!found.dossier || (status != Status::eligible && status != Status::proposed &&
                                  status != Status::awarded && status != Status::not_awarded)) {
      b.outcome = BallotOutcome::not_eligible;
      const Bilingual s = status_label(status);
      b.why = found.dossier ? Bilingual{"Hồ sơ đang ở trạng thái “" + s.vi + "”, không phải “Hợp lệ”.",
                                        "The dossier is “" + s.en + "”, not “Eligible”."}
                            : Bilingual{"Hồ sơ không có trong sổ.", "The dossier is not in the register."};
    } else if (v.votes_for < 0 || v.votes_against < 0 || v.votes_for + v.votes_against > cap) {
      b.outcome = BallotOutcome::invalid_votes;
      b.why = {"Tổng số phiếu (" + std::to_string(v.votes_for + v.votes_against) + ") nhiều hơn số thành viên có thể biểu quyết (" +
                   std::to_string(cap) + ": có mặt và ý kiến bằng văn bản).",
               "The ballots (" + std::to_string(v.votes_for + v.votes_against) + ") exceed the members who could vote (" +
                   std::to_string(cap) + ": present and written opinions)."};
    } else if (!m.threshold.met(v.votes_for, total)) {
      b.outcome = BallotOutcome::below_threshold;
      b.why = votes_text(b, total) + Bilingual{", chưa đạt " + m.threshold.describe().vi + ".",
                                               ", short of " + m.threshold.describe().en + "."};
    } else {
      b.outcome = BallotOutcome::proposed;  // for now: fill_quota decides
    }
    res.ballots.push_back(std::move(b));
  }
  for (BallotResult& b : res.ballots)
    if (b.outcome == BallotOutcome::proposed) groups[{b.award_form, b.kind}].push_back(&b);
  for (auto& [key, group] : groups) {
    const AwardForm* f = c.award_form(key.first);
    const AwardRule* rule = f ? f->rule_for(key.second) : nullptr;
    fill_quota(group, rule ? rule->quota : std::nullopt, total);
  }

  // Award forms in the campaign's order, collectives first; ranked ones by votes (Art. 4 first
  // among equals), then those below the threshold, then the rest; meeting order last.
  auto form_index = [&](const std::string& id) {
    for (std::size_t i = 0; i < c.award_forms.size(); ++i)
      if (c.award_forms[i].id == id) return i;
    return c.award_forms.size();
  };
  auto tier = [](BallotOutcome o) {
    if (o == BallotOutcome::below_threshold) return 1;
    if (o == BallotOutcome::proposed || o == BallotOutcome::over_quota || o == BallotOutcome::tied) return 0;
    return 2;
  };
  std::vector<std::size_t> order(res.ballots.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto key = [&](std::size_t i) {
    const BallotResult& b = res.ballots[i];
    return std::make_tuple(form_index(b.award_form), b.kind != NomineeKind::collective, tier(b.outcome), -b.votes_for,
                           b.outcome != BallotOutcome::proposed, !b.priority, i);
  };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  std::vector<BallotResult> sorted;
  sorted.reserve(order.size());
  for (std::size_t i : order) sorted.push_back(std::move(res.ballots[i]));
  res.ballots = std::move(sorted);
  return res;
}

// ---- changing meetings -------------------------------------------------------------------------

namespace {

Outcome<bool> set_decision(Registry& r, std::string_view id, Status to, const EditContext& ctx, RegistryChanges& out) {
  bool created = false;
  Decision& d = decision_for(r, id, ctx, created);
  auto moved = move_status(d, to, {}, ctx);
  if (moved) out.decisions.push_back(d.dossier_id);
  return moved;
}

// A closed meeting's result decides who is "proposed": in the list -> proposed; taken off the list
// by a correction -> back to eligible.
RegistryChanges follow_result(Registry& r, const Campaign& c, const CouncilMeeting& m, const EditContext& ctx) {
  RegistryChanges out;
  const MeetingResult res = meeting_result(c, r, m);
  for (const BallotResult& b : res.ballots) {
    const Status s = status_of(r, b.dossier_id);
    if (b.outcome == BallotOutcome::proposed && s == Status::eligible) (void)set_decision(r, b.dossier_id, Status::proposed, ctx, out);
    else if (b.outcome != BallotOutcome::proposed && s == Status::proposed) (void)set_decision(r, b.dossier_id, Status::eligible, ctx, out);
  }
  return out;
}

json threshold_json(const Threshold& t) {
  return {{"numerator", t.numerator}, {"denominator", t.denominator}, {"strict", t.strict}};
}

void read_threshold(json_in::Reader& r, const json& j, std::string_view key, Threshold& t) {
  const json* o = r.member(j, "", key, false);
  if (!o || !r.expect_object(*o, key)) return;
  r.integer(*o, key, "numerator", t.numerator);
  r.integer(*o, key, "denominator", t.denominator);
  r.boolean(*o, key, "strict", t.strict);
  if (r.ok() && (t.denominator <= 0 || t.numerator < 0 || t.numerator > t.denominator))
    r.fail(std::string(key), {"Tỷ lệ phải là một phân số từ 0 đến 1.", "The share must be a fraction from 0 to 1."});
}

// Every changed value of a closed meeting, as corrections with the reason.
void record_corrections(const CouncilMeeting& before, const CouncilMeeting& after, const std::string& reason,
                        const EditContext& ctx, std::vector<RegistryChange>& out) {
  const Millis t = whole_seconds(ctx.now);
  const std::string subject = "meetings/" + before.id + ".";
  json a = to_json(before), b = to_json(after);
  for (const char* skip : {"corrections", "updated", "created", "closed", "closed_at", "votes"}) {
    a.erase(skip);
    b.erase(skip);
  }
  for (auto it = b.begin(); it != b.end(); ++it)
    if (a.value(it.key(), json()) != it.value()) out.push_back({t, ctx.author, subject + it.key(), a.value(it.key(), json()), it.value(), reason});
  auto ballot = [](const CouncilMeeting& m, const std::string& id) {
    const CouncilVote* v = m.vote_for(id);
    return v ? json{{"for", v->votes_for}, {"against", v->votes_against}} : json();
  };
  std::vector<std::string> ids;
  for (const CouncilMeeting* m : {&before, &after})
    for (const CouncilVote& v : m->votes)
      if (std::find(ids.begin(), ids.end(), v.dossier_id) == ids.end()) ids.push_back(v.dossier_id);
  for (const std::string& id : ids) {
    json x = ballot(before, id), y = ballot(after, id);
    if (x != y) out.push_back({t, ctx.author, subject + "votes." + id, std::move(x), std::move(y), reason});
  }
}

}  // namespace

Outcome<RegistryChanges> save_meeting(Registry& r, const Campaign& c, CouncilMeeting edited, std::string_view reason,
                                      const EditContext& ctx) {
  if (text::trim(edited.id).empty()) return refusal("id", "Phiên họp chưa có mã.", "The meeting has no id.");
  const Millis t = whole_seconds(ctx.now);
  RegistryChanges out;
  CouncilMeeting* cur = r.meeting(edited.id);
  if (!cur) {
    edited.closed = false;
    edited.closed_at = 0;
    edited.corrections.clear();
    edited.created = edited.updated = t;
    out.meetings.push_back(edited.id);
    r.meetings.push_back(std::move(edited));
    return out;
  }
  edited.closed = cur->closed;
  edited.closed_at = cur->closed_at;
  edited.corrections = cur->corrections;
  edited.created = cur->created;
  edited.updated = cur->updated;
  if (edited == *cur) return out;
  if (cur->closed) {
    if (text::trim(reason).empty())
      return refusal("reason", "Phiên họp đã kết thúc: cần ghi lý do sửa.", "The meeting is closed: give the reason for the change.");
    record_corrections(*cur, edited, text::nfc(text::trim(reason)), ctx, edited.corrections);
  }
  edited.updated = t;
  *cur = std::move(edited);
  out.meetings.push_back(cur->id);
  if (cur->closed) out.merge(follow_result(r, c, *r.meeting(out.meetings.front()), ctx));
  return out;
}

Outcome<RegistryChanges> close_meeting(Registry& r, const Campaign& c, std::string_view id, const EditContext& ctx) {
  CouncilMeeting* m = r.meeting(id);
  if (!m) return refusal("id", "Không có phiên họp " + in_quotes(id) + ".", "There is no meeting " + in_quotes(id) + ".");
  if (m->closed) return refusal("closed", "Phiên họp đã kết thúc.", "The meeting is already closed.");
  m->closed = true;
  m->closed_at = m->updated = whole_seconds(ctx.now);
  RegistryChanges out;
  out.meetings.push_back(m->id);
  out.merge(follow_result(r, c, *m, ctx));
  return out;
}

// ---- records -----------------------------------------------------------------------------------

json to_json(const CouncilMeeting& m) {
  json votes = json::array();
  for (const CouncilVote& v : m.votes) votes.push_back({{"dossier_id", v.dossier_id}, {"for", v.votes_for}, {"against", v.votes_against}});
  json j = {{"format", kRegistryFormat},
            {"format_version", kRegistryFormatVersion},
            {"id", m.id},
            {"council", m.council},
            {"date", m.date.year ? to_iso(m.date) : std::string()},
            {"quorum", threshold_json(m.quorum)},
            {"threshold", threshold_json(m.threshold)},
            {"votes", std::move(votes)},
            {"closed", m.closed},
            {"closed_at", m.closed ? json(to_iso_instant(m.closed_at)) : json(nullptr)},
            {"corrections", changes_json(m.corrections)},
            {"created", to_iso_instant(m.created)},
            {"updated", to_iso_instant(m.updated)}};
  write_meeting(j, m, OpinionWhenEmpty::written);
  return j;
}

Outcome<CouncilMeeting> meeting_from_json(const json& j, std::string_view file_name) {
  json_in::Reader r(file_name);
  CouncilMeeting m;
  if (!r.format(j, kRegistryFormat, kRegistryFormatVersion)) return r.take_error();
  r.str(j, "", "id", m.id);
  r.str(j, "", "council", m.council, false);
  std::string date;
  if (r.str(j, "", "date", date, false) && !date.empty()) {
    if (auto d = parse_iso_date(date)) m.date = *d;
    else r.fail("date", {"Ngày không hợp lệ.", "Not a valid date."});
  }
  read_meeting(r, j, m, true);
  read_threshold(r, j, "quorum", m.quorum);
  read_threshold(r, j, "threshold", m.threshold);
  if (const json* list = r.member(j, "", "votes", true); list && r.expect_array(*list, "votes"))
    for (std::size_t i = 0; i < list->size() && r.ok(); ++i) {
      const std::string p = json_in::index_path("votes", i);
      if (!r.expect_object((*list)[i], p)) break;
      CouncilVote v;
      r.str((*list)[i], p, "dossier_id", v.dossier_id);
      r.integer((*list)[i], p, "for", v.votes_for);
      r.integer((*list)[i], p, "against", v.votes_against);
      m.votes.push_back(std::move(v));
    }
  r.boolean(j, "", "closed", m.closed, false);
  if (m.closed) r.instant(j, "", "closed_at", m.closed_at);
  m.corrections = read_changes(r, j, "corrections");
  r.instant(j, "", "created", m.created);
  r.instant(j, "", "updated", m.updated);
  if (!r.ok()) return r.take_error();
  return m;
}

}  // namespace hoso
