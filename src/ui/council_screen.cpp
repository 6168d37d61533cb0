// The council's session (phiên họp Hội đồng Thi đua - Khen thưởng): when and where, members in
// total and present against the quorum, absent members and their written opinions, the threshold,
// and for each eligible nominee the ballots for and against with the share of ALL members computed
// live. The result follows as it is typed: who meets the threshold, ranked by share within each
// award form and kind; within the quota, ties broken by Art. 4 and shown as such; the rest listed
// as not proposed, with why. A session is saved as it is typed and can be reopened and corrected
// until it is closed; after that a correction is made on a copy and saved with a reason, which
// the session's corrections record. The proposal list leaves as CSV (Excel) and JSON; the
// council's documents print from here.
#include <algorithm>
#include <cfloat>
#include <string>

#include "app/secretariat_session.hpp"
#include "app/session.hpp"
#include "core/proposal_export.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "ui/print_actions.hpp"
#include "ui/dossier_fields.hpp"
#include "ui/screens.hpp"
#include "ui/secretariat_ui.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

struct CouncilState {
  std::string meeting_id;   // the session shown
  bool correcting = false;  // a closed session being corrected: edits go to `draft`
  CouncilMeeting draft;
  std::string date_text;    // as typed, kept while it is not a date
  std::string date_for;     // the session date_text belongs to
};
CouncilState st;

std::string n(long long v) { return std::to_string(v); }

std::string nominee_of(const Registry& r, std::string_view dossier_id) {
  const Registry::Found f = r.find_dossier(dossier_id);
  if (!f.dossier) return std::string(dossier_id.substr(0, 8));
  const std::string& name = display_name(f.dossier->nominee);
  return name_or_unnamed(name);
}

void text_field(const char* label_key, std::string_view path, std::string& value, bool read_only) {
  FieldSpec spec{path, tr(label_key)};
  spec.read_only = read_only;
  spec.max_length = 200;
  if (auto v = input_field(spec, value, {}); v && v->is_string()) value = text::nfc(v->get<std::string>());
}

// ---- the session's parts -------------------------------------------------------------------------

void meeting_card(CouncilMeeting& m, bool ro) {
  begin_card("##council.meeting");
  subheading(tr("council.meeting"));
  if (st.date_for != m.id) {
    st.date_text = m.date.year ? to_display(m.date) : std::string();
    st.date_for = m.id;
  }
  FieldSpec date{"council.date", tr("council.date"), nullptr, true, 0, InputKind::date};
  date.read_only = ro;
  if (auto v = input_field(date, st.date_text, {}); v && v->is_string()) {
    st.date_text = v->get<std::string>();
    if (auto d = parse_display_date(st.date_text)) m.date = *d;
  }
  if (!parse_display_date(st.date_text)) {
    ImGui::PushFont(fonts.small);
    colored_wrapped(palette().error, tr("council.date_invalid"));
    ImGui::PopFont();
  }
  text_field("council.time", "council.time", m.time, ro);
  text_field("council.place", "council.place", m.place, ro);
  text_field("council.chair", "council.chair", m.chair, ro);
  text_field("council.secretary", "council.secretary", m.secretary, ro);
  end_card();
}

void fraction(const char* label_key, std::string_view path, Threshold& t, bool ro) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(label_key));
  ImGui::SameLine();
  ImGui::PushID(path.data(), path.data() + path.size());
  int_field("council.numerator", std::string(path) + ".numerator", t.numerator, ro, false, false);
  ImGui::SameLine(0, em() * 0.3f);
  ImGui::TextUnformatted("/");
  ImGui::SameLine(0, em() * 0.3f);
  int_field("council.denominator", std::string(path) + ".denominator", t.denominator, ro, false, false);
  ImGui::PopID();
}

void members_card(CouncilMeeting& m, bool ro) {
  begin_card("##council.members");
  subheading(tr("council.members"));
  if (ImGui::BeginTable("##council.counts", 2, ImGuiTableFlags_SizingStretchSame)) {
    next_field_cell();
    int_field("council.members_total", "council.members_total", m.members_total, ro);
    next_field_cell();
    int_field("council.members_present", "council.members_present", m.members_present, ro);
    ImGui::EndTable();
  }
  // Quorum: members present against the total.
  fraction("council.quorum", "council.quorum", m.quorum, ro);
  quorum_line(m, m.quorum, "council.quorum_result", true);
  // Threshold: votes for against the TOTAL members.
  fraction("council.threshold", "council.threshold", m.threshold, ro);
  FieldSpec strict{"council.threshold.strict", tr("council.strict")};
  strict.read_only = ro;
  if (auto v = checkbox_field(strict, m.threshold.strict, {})) m.threshold.strict = *v;
  small_muted(trf("council.threshold_now", {tr(m.threshold.describe())}));
  end_card();
}

// The council's absent members, as the unit's minutes draw theirs (dossier_fields.hpp), on the
// session's copy.
void absent_card(app::Session& s, CouncilMeeting& m, bool ro) {
  static const Field rows = [] {
    auto column = [](const char* id, FieldType type, const char* label, const char* help, int max_length) {
      Field c;
      c.id = id;
      c.type = type;
      c.label = app::both(label);
      if (help) c.help = app::both(help);
      c.limits.max_length = max_length;
      return c;
    };
    Field f;
    f.id = "absent";
    f.type = FieldType::rows;
    f.columns = {column("name", FieldType::text, "council.absent_name", nullptr, 200),
                 column("reason", FieldType::text, "council.absent_reason", nullptr, 200),
                 column("opinion", FieldType::multiline, "council.absent_opinion", "council.absent_opinion_help", 2000)};
    return f;
  }();
  begin_card("##council.absent");
  subheading(tr("council.absent"));
  small_muted(tr("council.absent_help"));
  const AbsentEdit edit = absent_members(s, rows, "council.absent", m.absent, {}, tr("council.absent_add"), ro);
  switch (edit.kind) {
    case AbsentEdit::Kind::none: break;
    case AbsentEdit::Kind::set: {
      AbsentMember& a = m.absent[edit.row];
      std::string& field = edit.cell.ends_with(".name") ? a.name : edit.cell.ends_with(".reason") ? a.reason : a.opinion;
      if (edit.value.is_string()) field = text::nfc(edit.value.get<std::string>());
      else if (edit.value.is_null()) field.clear();
      break;
    }
    case AbsentEdit::Kind::remove: m.absent.erase(m.absent.begin() + static_cast<std::ptrdiff_t>(edit.row)); break;
    case AbsentEdit::Kind::add: m.absent.push_back({}); break;
  }
  end_card();
}

const BallotResult* result_for(const MeetingResult& res, std::string_view id) {
  for (const BallotResult& b : res.ballots)
    if (b.dossier_id == id) return &b;
  return nullptr;
}

Tone outcome_tone(BallotOutcome o) {
  const Palette& p = palette();
  switch (o) {
    case BallotOutcome::proposed: return {p.success, p.success_bg};
    case BallotOutcome::tied: return {p.warning, p.warning_bg};
    // Apart from "no votes yet" (grey): short of the threshold reads as the unit's "Chưa đạt"
    // does; over the quota is a fact of the count, in the accent.
    case BallotOutcome::over_quota: return {p.primary, p.accent_bg};
    case BallotOutcome::below_threshold: return {p.error, p.error_bg};
    default: return {p.error, p.error_bg};
  }
}

// One nominee's ballot counts, with the same inputs as the unit's minutes (dossier_fields.hpp).
void ballot_counts(app::Session& s, CouncilVote& v, bool ro, bool in_table) {
  const BallotEdit edit = ballot_inputs(s, "council.ballots." + v.dossier_id, tr("council.for"), tr("council.against"),
                                        v.votes_for, v.votes_against, {}, in_table, ro);
  if (!edit.member) return;
  int& count = std::string_view(edit.member) == "for" ? v.votes_for : v.votes_against;
  if (edit.value.is_null()) count = 0;
  else if (edit.value.is_number_integer()) count = static_cast<int>(std::clamp<long long>(edit.value.get<long long>(), -1000000, 1000000));
}

void ballots_card(app::Session& s, app::Secretariat& sec, CouncilMeeting& m, const MeetingResult& res, bool ro) {
  begin_card("##council.ballots");
  subheading(tr("council.ballots"));
  small_muted(trf("council.ballots_help", {tr(m.threshold.describe())}));
  const Registry& r = sec.reg();
  const Campaign& c = sec.campaign();
  const bool narrow = is_phone() || ImGui::GetContentRegionAvail().x < em() * 40;
  if (m.votes.empty()) muted(tr("council.no_ballots"));
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_PadOuterX | ImGuiTableFlags_SizingStretchProp;
  const bool table = !narrow && !m.votes.empty() && ImGui::BeginTable("##council.ballots.table", 5, flags);
  if (table) {
    ImGui::TableSetupColumn(tr("council.nominee"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr("council.for"), ImGuiTableColumnFlags_WidthFixed, em() * 6);
    ImGui::TableSetupColumn(tr("council.against"), ImGuiTableColumnFlags_WidthFixed, em() * 6);
    ImGui::TableSetupColumn(tr("council.share"), ImGuiTableColumnFlags_WidthFixed, em() * 7.5f);
    ImGui::TableSetupColumn(tr("council.outcome"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    header_row("council.ballots");
  }
  for (CouncilVote& v : m.votes) {
    ImGui::PushID(v.dossier_id.c_str());
    const Registry::Found f = r.find_dossier(v.dossier_id);
    std::string sub;
    if (f.dossier) {
      const AwardForm* form = c.award_form(f.dossier->award_form);
      sub = f.revision->header.sender.unit_name + " · " + (form ? tr(form->name) : f.dossier->award_form);
    }
    const BallotResult* b = result_for(res, v.dossier_id);
    // No ballot typed yet (0 for, 0 against) is not a failed vote: say it waits.
    const bool not_voted = v.votes_for == 0 && v.votes_against == 0;
    if (b && not_voted && b->outcome == BallotOutcome::below_threshold) b = nullptr;
    const Tone tone = b ? outcome_tone(b->outcome) : Tone{palette().muted, palette().surface};
    const std::string outcome = b ? tr(outcome_label(b->outcome)) : std::string(tr(not_voted ? "council.not_voted" : "council.no_outcome"));
    const std::string result_id = "council.ballots." + v.dossier_id + ".result";
    if (table) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushFont(fonts.bold);
      wrapped(nominee_of(r, v.dossier_id).c_str());
      ImGui::PopFont();
      small_muted(sub);
      ballot_counts(s, v, ro, true);
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(share_text(v.votes_for, m.members_total).c_str());
      ImGui::TableNextColumn();
      badge(outcome.c_str(), tone.fg, tone.bg, result_id);
    } else {
      ImGui::Separator();
      ImGui::PushFont(fonts.bold);
      wrapped(nominee_of(r, v.dossier_id).c_str());
      ImGui::PopFont();
      small_muted(sub);
      ballot_counts(s, v, ro, false);
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted((std::string(tr("council.share")) + ": " + share_text(v.votes_for, m.members_total)).c_str());
      ImGui::SameLine();
      badge(outcome.c_str(), tone.fg, tone.bg, result_id);
    }
    ImGui::PopID();
  }
  if (table) ImGui::EndTable();
  // Dossiers found eligible after the session was opened.
  if (!ro) {
    CouncilMeeting probe = m;
    if (const int missing = sec.add_eligible(probe); missing > 0) {
      small_muted(trf("council.new_eligible", missing));
      if (button(tr("council.add_eligible"), "council.add_eligible")) m.votes = std::move(probe.votes);
    }
  }
  end_card();
}

void result_card(app::Secretariat& sec, const MeetingResult& res) {
  const Palette& p = palette();
  const Campaign& c = sec.campaign();
  begin_card("##council.result");
  subheading(tr("council.result"));
  if (!res.decided) {
    noted(p.error, tr(res.why).c_str(), "council.result.why");
    end_card();
    return;
  }
  small_muted(trf("council.result_help", {n(res.count(BallotOutcome::proposed))}));
  std::string group;
  for (const BallotResult& b : res.ballots) {
    const std::string key = b.award_form + "|" + std::string(to_string(b.kind));
    if (key != group) {
      group = key;
      spacer(0.3f);
      const AwardForm* form = c.award_form(b.award_form);
      const AwardRule* rule = form ? form->rule_for(b.kind) : nullptr;
      std::string title = (form ? tr(form->name) : b.award_form) + " · " +
                          tr(b.kind == NomineeKind::collective ? "nominee.kind.collective" : "nominee.kind.individual");
      title += rule && rule->quota ? " · " + trf("council.quota", *rule->quota) : " · " + std::string(tr("council.no_quota"));
      ImGui::PushFont(fonts.bold);
      wrapped(title.c_str());
      ImGui::PopFont();
    }
    const bool not_voted = b.votes_for == 0 && b.votes_against == 0 && b.outcome == BallotOutcome::below_threshold;
    const Tone tone = not_voted ? Tone{p.muted, p.surface} : outcome_tone(b.outcome);
    const std::string rank = b.rank > 0 ? n(b.rank) + ". " : "– ";
    const std::string line = rank + (b.nominee.empty() ? b.dossier_id : b.nominee) + " — " +
                             (not_voted ? std::string(tr("council.not_voted")) : tr(outcome_label(b.outcome)));
    ImGui::PushID(b.dossier_id.c_str());
    noted(tone.fg == p.muted ? ImGui::GetColorU32(ImGuiCol_Text) : tone.fg, line.c_str(), "council.result." + b.dossier_id);
    ImGui::PushFont(fonts.small);
    std::string why = not_voted ? std::string(tr("council.not_voted_help")) : tr(b.why);
    if (b.tie_break != TieBreak::none) {
      noted(p.warning, tr(tie_break_label(b.tie_break)).c_str(), "council.result." + b.dossier_id + ".tie");
    }
    muted(why.c_str());
    ImGui::PopFont();
    ImGui::PopID();
  }
  end_card();
}

std::string value_text(const nlohmann::json& v) {
  if (v.is_null()) return "—";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("for") && v.contains("against"))
    return trf("council.votes_value", {v["for"].dump(), v["against"].dump()});
  return v.dump();
}

void corrections_card(const Registry& r, const CouncilMeeting& m) {
  if (m.corrections.empty()) return;
  begin_card("##council.corrections");
  subheading(tr("council.corrections"));
  const std::string prefix = "meetings/" + m.id + ".";
  ImGui::PushFont(fonts.small);
  for (std::size_t i = 0; i < m.corrections.size(); ++i) {
    const RegistryChange& c = m.corrections[i];
    std::string what = c.subject.starts_with(prefix) ? c.subject.substr(prefix.size()) : c.subject;
    if (what.starts_with("votes.")) what = trf("council.votes_of", {nominee_of(r, what.substr(6))});
    const std::string line = trf("council.correction_line", {to_display_vietnam(c.time), c.author, what, value_text(c.old_value),
                                                             value_text(c.new_value), c.reason});
    noted(palette().muted, line.c_str(), "council.correction." + n(static_cast<long long>(i + 1)));
  }
  ImGui::PopFont();
  end_card();
}

// ---- the sessions, and the acts on one -----------------------------------------------------------

void sessions_line(app::Session& s, app::Secretariat& sec) {
  const Registry& r = sec.reg();
  bool first = true;
  for (const CouncilMeeting& m : r.meetings) {
    const std::string label = trf(m.closed ? "council.session_closed" : "council.session_open",
                                  {m.date.year ? to_display(m.date) : "?"});
    const bool current = m.id == st.meeting_id;
    if (!first) same_line_if_fits(button_width(label.c_str()));
    first = false;
    if (button(label.c_str(), "council.session." + m.id, current ? ButtonKind::primary : ButtonKind::normal) && !current) {
      st.meeting_id = m.id;
      st.correcting = false;
    }
  }
  if (!first) same_line_if_fits(button_width(tr("council.new")));
  ImGui::BeginDisabled(sec.read_only());
  if (button(tr("council.new"), "council.new", r.meetings.empty() ? ButtonKind::primary : ButtonKind::subtle)) {
    std::string id = sec.new_meeting(s.today());
    if (!id.empty()) {
      st.meeting_id = id;
      st.correcting = false;
    }
  }
  ImGui::EndDisabled();
}

void actions(app::Session& s, app::Secretariat& sec, const CouncilMeeting& m, const MeetingResult& res) {
  const Palette& p = palette();
  begin_card("##council.actions");
  if (!m.closed) {
    noted(p.primary, tr("council.open_state"), "council.state");
    // Ballots with more votes than the members who could vote are a typing mistake: the session
    // does not close on them (it would propose on a count that cannot be).
    const int invalid = res.decided ? res.count(BallotOutcome::invalid_votes) : 0;
    if (invalid > 0) noted(p.error, trf("council.close_invalid", {n(invalid)}).c_str(), "council.close_blocked");
    ImGui::BeginDisabled(sec.read_only() || invalid > 0);
    if (button(tr("council.close"), "council.close", ButtonKind::primary)) {
      // What closing now would leave out, said before it is done.
      std::string detail = tr(res.decided ? "council.close_detail" : "council.close_detail_no_result");
      if (const int tied = res.count(BallotOutcome::tied); res.decided && tied > 0)
        detail += " " + trf("council.close_tied", {n(tied)});
      // The meeting's details the printed minutes would leave blank.
      std::string blank;
      auto add = [&](const char* key) {  // "Giờ bắt đầu" reads "giờ bắt đầu" inside the sentence
        std::u32string label = text::decode_utf8(tr(key));
        if (!label.empty()) label[0] = text::simple_lower(label[0]);
        blank += (blank.empty() ? "" : ", ") + text::encode_utf8(label);
      };
      if (!m.date.year) add("council.date");
      for (const auto& [value, key] : {std::pair{&m.time, "council.time"}, {&m.place, "council.place"},
                                       {&m.chair, "council.chair"}, {&m.secretary, "council.secretary"}})
        if (text::trim(*value).empty()) add(key);
      if (!blank.empty()) detail += " " + trf("council.close_blank", {blank});
      ask_reason({tr("council.close_title"), detail, tr("council.close_confirm"), "close:" + m.id, {}, false, false, false});
    }
    ImGui::EndDisabled();
  } else if (!st.correcting) {
    noted(p.success, trf("council.closed_state", {to_display_vietnam(m.closed_at)}).c_str(), "council.state");
    ImGui::BeginDisabled(sec.read_only());
    if (button(tr("council.correct"), "council.correct")) {
      st.correcting = true;
      st.draft = m;
    }
    ImGui::EndDisabled();
  } else {
    noted(p.warning, tr("council.correcting_state"), "council.state");
    const bool changed = !(st.draft == m);
    ImGui::BeginDisabled(!changed);
    if (button(tr("council.save_correction"), "council.save_correction", ButtonKind::primary))
      ask_reason({tr("council.correction_title"), tr("council.correction_detail"), tr("council.correction_confirm"),
                  "correct:" + m.id, {}, false, true});
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (button(tr("council.cancel_correction"), "council.cancel_correction")) st.correcting = false;
  }
  spacer(0.3f);
  // The proposal list, as it stands: a draft until the session is closed.
  subheading(tr("council.exports"));
  if (!m.closed) small_muted(tr("council.exports_draft"));
  if (button(tr("council.export_csv"), "council.export_csv", ButtonKind::primary)) sec.export_proposals(m, true);
  ImGui::SameLine();
  if (button(tr("council.export_json"), "council.export_json")) sec.export_proposals(m, false);
  spacer(0.3f);
  council_print_buttons(s, council_document_input(m, res));
  end_card();
}

void handle_dialog(app::Session& s, app::Secretariat& sec) {
  auto done = reason_dialog();
  if (!done) return;
  if (auto id = action_arg(done->action, "close")) {
    sec.close_meeting(*id);  // the card says it is closed, and when (no toast over its buttons)
  } else if (action_arg(done->action, "correct")) {
    if (sec.save_meeting(st.draft, done->reason)) {
      st.correcting = false;
      s.toast(app::Toast::Kind::success, app::Message("council.corrected_toast"));
    }
  }
}

}  // namespace

void council_screen(app::Session& s) {
  app::Secretariat& sec = s.secretariat();
  heading(tr("council.title"));
  muted(tr("council.help"));
  spacer(0.3f);
  closed_notice(sec.reg());
  if (!sec.reg().meeting(st.meeting_id)) {
    st.meeting_id = sec.reg().meetings.empty() ? std::string() : sec.reg().meetings.back().id;
    st.correcting = false;
  }
  sessions_line(s, sec);
  spacer(0.4f);
  CouncilMeeting* stored = sec.meeting(st.meeting_id);
  if (!stored) {
    muted(tr(sec.view().rows.empty() ? "council.no_registry" : "council.no_session"));
    handle_dialog(s, sec);
    return;
  }
  // Edits go to a copy: an open session saves it as typed; a correction keeps it until saved.
  CouncilMeeting edited = st.correcting ? st.draft : *stored;
  const bool ro = sec.read_only() || (stored->closed && !st.correcting);
  const MeetingResult res = sec.result(edited);
  const bool wide = !is_phone() && ImGui::GetContentRegionAvail().x > em() * 48;
  if (wide) {
    // Left: the session and the ballots; right: the result, the acts and the exports.
    const float left = ImGui::GetContentRegionAvail().x * 0.58f;
    ImGui::BeginChild("##council.left", ImVec2(left, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
    meeting_card(edited, ro);
    members_card(edited, ro);
    absent_card(s, edited, ro);
    ballots_card(s, sec, edited, res, ro);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##council.right", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
    actions(s, sec, *stored, res);
    result_card(sec, res);
    corrections_card(sec.reg(), *stored);
    ImGui::EndChild();
  } else {
    meeting_card(edited, ro);
    members_card(edited, ro);
    absent_card(s, edited, ro);
    ballots_card(s, sec, edited, res, ro);
    result_card(sec, res);
    actions(s, sec, *stored, res);
    corrections_card(sec.reg(), *stored);
  }
  if (st.correcting) st.draft = edited;
  else if (!(edited == *stored)) sec.save_meeting(edited);
  handle_dialog(s, sec);
}

}  // namespace hoso::ui
