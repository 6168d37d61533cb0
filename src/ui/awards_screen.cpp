// The authorities' decisions (quyết định khen thưởng) on what the council proposed. The council
// proposes; the Director decides the awards the campaign gives him, the Chairman of the Provincial
// People's Committee the others. For each authority with nominees on a closed meeting's list, this
// screen prints the draft decision (the Director's) and, once the signed decision is back, records
// its number, date and signer and who it awards: the register then shows every dossier as awarded
// or not, with the decision, and the exports carry it. A decision recorded by mistake is withdrawn
// with a reason (the register's log keeps it) and its dossiers wait again.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/secretariat_session.hpp"
#include "app/session.hpp"
#include "core/award.hpp"
#include "core/proposal_export.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "ui/print_actions.hpp"
#include "ui/screens.hpp"
#include "ui/secretariat_ui.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

// What is typed for one authority's decision, kept while the person moves between screens.
struct DecisionForm {
  std::string number, date_text, signer, signer_title;
  std::set<std::string, std::less<>> left_out;  // candidates the person unticked
  std::optional<Bilingual> problem;              // why the last "record" was not asked
  AwardDecision checked;                         // what `problem` is about
};

struct AwardsState {
  std::string meeting_id;
  std::string history_query;  // the award history's search, as typed
  std::map<std::string, DecisionForm> forms;  // by "<meeting id>/<decider>"
  AwardDecision pending;                      // waiting for the confirmation dialog
};
AwardsState st;

constexpr Decider kDeciders[] = {Decider::issuer_head, Decider::parent_head};

std::string authority_title(const Campaign& c, Decider d) {
  const auto a = authority_of(c, d);
  return a ? tr(a->title) : std::string();
}

// "Giấy khen của Giám đốc Sở" ... : the forms this authority decides.
std::string forms_of(const Campaign& c, Decider d) {
  std::string out;
  for (const AwardForm& f : c.award_forms)
    if (c.authority(f.id).decider == d) out += (out.empty() ? "" : "; ") + tr(f.name);
  return out;
}

void text_input(const char* label_key, const std::string& path, std::string& value, const char* help = nullptr) {
  FieldSpec spec{path, tr(label_key), help};
  spec.max_length = 120;
  if (auto v = input_field(spec, value, {}); v && v->is_string()) value = text::nfc(v->get<std::string>());
}

void nominee_line(const AwardCandidate& a, const Campaign& c) {
  const AwardForm* form = c.award_form(a.award_form);
  small_muted(a.unit + " · " + (form ? tr(form->name) : a.award_form));
}

// The documents of this screen (the full edition's only: the unit's download stays small).
// The draft Quyết định of the Director with its attached list, from what the form holds.
void decision_print_buttons(app::Session& s, const doc::CouncilSession& session, const doc::DecisionDraft& draft) {
  const Campaign& c = s.campaign();
  print_buttons(s, "print.decision", "du-thao-quyet-dinh" + (draft.date.year ? "_" + to_iso(draft.date) : std::string()),
                [&] { return std::vector{doc::decision(session, c, draft), doc::decision_list(session, c, draft)}; },
                tr("print.decision"));
}

void payment_print_buttons(app::Session& s, const doc::Payment& payment, std::string_view file_stem) {
  print_buttons(s, "print.payment", file_stem, [&] { return std::vector{doc::payment_list(payment, s.campaign())}; },
                tr("print.payment"));
}

void close_report_print_buttons(app::Session& s, const doc::CloseReport& report) {
  print_buttons(s, "print.close_report", "bao-cao-ket-qua_" + text::slug(s.campaign().id),
                [&] { return std::vector{doc::close_report(report, s.campaign())}; }, tr("print.close_report"));
}

// The award money that goes with the decision: the total, where the amounts come from, the list
// to pay from (print, Word, Excel).
void payments(app::Session& s, app::Secretariat& sec, const Campaign& c, const AwardDecision& d) {
  if (d.awarded.empty()) return;
  const PaymentList list = payment_list(c, sec.reg(), d);
  spacer(0.3f);
  subheading(tr("awards.money"));
  if (list.without_amount == 0) {
    noted(ImGui::GetColorU32(ImGuiCol_Text), trf("awards.money_total", {std::to_string(list.lines.size()), money(list.total)}).c_str(),
          "awards." + d.id + ".money");
  } else {
    noted(palette().warning, trf("awards.money_missing", {std::to_string(list.without_amount)}).c_str(),
          "awards." + d.id + ".money");
  }
  for (const AwardForm& f : c.award_forms) {
    if (f.prize_basis.vi.empty()) continue;
    bool used = false;
    for (const PaymentLine& l : list.lines) used = used || l.award_form == f.id;
    if (!used) continue;
    small_muted(tr(f.prize_basis) + (f.prize_unverified ? " " + std::string(tr("awards.money_unverified")) : ""));
  }
  ImGui::PushID(d.id.c_str());
  payment_print_buttons(s, payment_document_input(list, s.today()), "chi-tien-thuong_" + text::slug(d.number));
  if (button(tr("awards.money_csv"), "awards." + d.id + ".money_csv")) sec.export_payments(d.id);
  ImGui::PopID();
  spacer(0.3f);
}

// The certificates of the Director's decision: on blank paper or onto pre-printed stock.
void certificate_buttons(app::Session& s, app::Secretariat& sec, const Campaign& c, const AwardDecision& d) {
  if (d.decider != Decider::issuer_head || d.awarded.empty()) return;
  subheading(tr("awards.certificates"));
  const std::string stem = "giay-khen_" + text::slug(d.number);
  auto print = [&](bool stock) {
    open_printable_html(s, doc::certificates_html(certificates(c, sec.reg(), d), certificate_frame(c, d), sec.reg().certificate_layout,
                                                  stock, print_css_url(s)),
                        stem + (stock ? "_phoi" : ""));
  };
  if (button(tr("awards.certificates_blank"), "awards." + d.id + ".certificates_blank", ButtonKind::primary)) print(false);
  ImGui::SameLine();
  if (button(tr("awards.certificates_stock"), "awards." + d.id + ".certificates_stock")) print(true);
  small_muted(tr("awards.certificates_help"));
  spacer(0.3f);
}

// Where the certificates' lines print on the stock: an offset for the printer, each line's place,
// and a page to print on plain paper and hold against a sheet of stock.
void alignment_card(app::Session& s, app::Secretariat& sec) {
  bool any = false;
  for (const AwardDecision& d : sec.reg().awards) any = any || (d.decider == Decider::issuer_head && !d.awarded.empty());
  if (!any) return;
  spacer(0.4f);
  begin_card("##awards.alignment");
  if (!ImGui::CollapsingHeader((std::string(tr("awards.alignment")) + "###awards.alignment").c_str())) {
    end_card();
    return;
  }
  small_muted(tr("awards.alignment_help"));
  doc::CertificateLayout l = sec.reg().certificate_layout;
  auto number = [&](const char* label, const std::string& path, double& v) {
    FieldSpec spec{path, label, nullptr, false, 0, InputKind::number};
    spec.read_only = s.read_only();
    if (auto nv = input_field(spec, v, {}); nv && nv->is_number()) v = nv->get<double>();
  };
  if (ImGui::BeginTable("##awards.offset", 2, ImGuiTableFlags_SizingStretchSame)) {
    next_field_cell();
    number(tr("awards.offset_x"), "awards.alignment.offset_x", l.offset_x);
    next_field_cell();
    number(tr("awards.offset_y"), "awards.alignment.offset_y", l.offset_y);
    ImGui::EndTable();
  }
  for (doc::CertificateSpot& spot : l.spots) {
    ImGui::PushID(spot.id.c_str());
    ImGui::PushFont(fonts.bold);
    wrapped(tr(doc::spot_label(spot.id)).c_str());
    ImGui::PopFont();
    if (ImGui::BeginTable("##spot", 2, ImGuiTableFlags_SizingStretchSame)) {
      next_field_cell();
      number(tr("awards.spot_x"), "awards.alignment." + spot.id + ".x", spot.x);
      next_field_cell();
      number(tr("awards.spot_y"), "awards.alignment." + spot.id + ".y", spot.y);
      ImGui::EndTable();
    }
    ImGui::PopID();
  }
  if (!(l == sec.reg().certificate_layout)) sec.set_certificate_layout(l);
  if (button(tr("awards.alignment_print"), "awards.alignment.print"))
    open_printable_html(s, doc::certificate_alignment_html(sec.reg().certificate_layout, print_css_url(s)), "can-chinh-giay-khen");
  ImGui::SameLine();
  ImGui::BeginDisabled(s.read_only());
  if (button(tr("awards.alignment_reset"), "awards.alignment.reset", ButtonKind::subtle))
    sec.set_certificate_layout(doc::CertificateLayout::defaults());
  ImGui::EndDisabled();
  end_card();
}

// A decision already recorded: what it says, who it awards, its award money and certificates, and
// the way to take it back.
void recorded_card(app::Session& s, app::Secretariat& sec, const Registry& r, const Campaign& c, const AwardDecision& d) {
  const Palette& p = palette();
  noted(p.success, trf("awards.recorded", {tr(describe(d, c))}).c_str(), "awards." + d.id + ".state");
  small_muted(trf("awards.signed_by", {d.signer_title.empty() ? d.signer : d.signer_title + " " + d.signer}));
  auto list = [&](const std::vector<std::string>& ids, Status status) {
    const Tone tone = status_tone(status);
    const std::string word = tr(status_label(status));
    for (const std::string& id : ids) {
      const Registry::Found f = r.find_dossier(id);
      ImGui::PushID(id.c_str());
      badge(word.c_str(), tone.fg, tone.bg, "awards." + d.id + "." + id);
      ImGui::SameLine();
      wrapped(f.dossier ? display_name(f.dossier->nominee).c_str() : id.c_str());
      ImGui::PopID();
    }
  };
  list(d.awarded, Status::awarded);
  list(d.not_awarded, Status::not_awarded);
  payments(s, sec, c, d);
  certificate_buttons(s, sec, c, d);
  ImGui::BeginDisabled(sec.read_only());
  if (button(tr("awards.withdraw"), "awards." + d.id + ".withdraw", ButtonKind::subtle))
    ask_reason({trf("awards.withdraw_title", {d.number}), tr("awards.withdraw_detail"), tr("awards.withdraw_confirm"),
                "withdraw:" + d.id, {}, true, true});
  ImGui::EndDisabled();
}

// The form for the decision still to come: the signed copy's number, date and signer, and who it
// awards (everyone proposed, until the person unticks those it leaves out).
void decision_form(app::Session& s, app::Secretariat& sec, const CouncilMeeting& m, Decider decider,
                   const std::vector<AwardCandidate>& waiting) {
  const Campaign& c = sec.campaign();
  const std::string base = "awards." + std::string(to_string(decider));
  DecisionForm& f = st.forms[m.id + "/" + std::string(to_string(decider))];
  subheading(trf("awards.waiting", {std::to_string(waiting.size())}).c_str());
  for (const AwardCandidate& a : waiting) {
    bool on = !f.left_out.contains(a.dossier_id);
    const std::string tick_path = base + ".awarded." + a.dossier_id;
    FieldSpec tick{tick_path, a.nominee.c_str()};
    tick.read_only = sec.read_only();
    if (auto v = checkbox_field(tick, on, {})) {
      if (*v) f.left_out.erase(a.dossier_id);
      else f.left_out.insert(a.dossier_id);
    }
    nominee_line(a, c);
  }
  small_muted(tr("awards.tick_help"));
  spacer(0.3f);
  ImGui::BeginDisabled(sec.read_only());
  const std::string example = trf("awards.number_help", {c.issuer_abbreviation});
  text_input("awards.number", base + ".number", f.number, decider == Decider::issuer_head ? example.c_str() : nullptr);
  const std::string date_path = base + ".date";
  FieldSpec date{date_path, tr("awards.date"), nullptr, false, 0, InputKind::date};
  if (auto v = input_field(date, f.date_text, {}); v && v->is_string()) f.date_text = v->get<std::string>();
  const std::optional<Date> day = parse_display_date(f.date_text);
  if (!f.date_text.empty() && !day) {
    ImGui::PushFont(fonts.small);
    colored_wrapped(palette().error, tr("awards.date_invalid"));
    ImGui::PopFont();
  }
  text_input("awards.signer", base + ".signer", f.signer);
  text_input("awards.signer_title", base + ".signer_title", f.signer_title);
  ImGui::EndDisabled();

  AwardDecision d;
  d.decider = decider;
  d.number = f.number;
  d.date = day.value_or(Date{});
  d.signer = f.signer;
  d.signer_title = f.signer_title;
  d.meeting_id = m.id;
  for (const AwardCandidate& a : waiting)
    if (!f.left_out.contains(a.dossier_id)) d.awarded.push_back(a.dossier_id);
  ImGui::BeginDisabled(sec.read_only());
  const bool pressed = button(tr("awards.record"), base + ".record", ButtonKind::primary);
  if (pressed) {
    f.problem = sec.award_problem(d);
    f.checked = d;
  }
  if (f.problem && f.checked == d) {  // until what it is about is changed
    ImGui::PushFont(fonts.small);
    noted(palette().error, tr(*f.problem).c_str(), base + ".problem");
    ImGui::PopFont();
  }
  if (pressed && !f.problem) {
    const std::string awarded = std::to_string(d.awarded.size()),
                      not_awarded = std::to_string(waiting.size() - d.awarded.size());
    st.pending = d;
    ask_reason({trf("awards.record_title", {text::trim(d.number).empty() ? "…" : text::trim(d.number)}),
                trf("awards.record_detail", {awarded, not_awarded}), tr("awards.record_confirm"),
                "record:" + std::string(to_string(decider)), {}, false, false, false});
  }
  ImGui::EndDisabled();
  if (decider == Decider::issuer_head) {
    spacer(0.3f);
    // The draft to sign: the number's own part ("120" of "120/QĐ-SNgV"), the line adds the rest.
    doc::DecisionDraft draft;
    draft.number = text::trim(f.number.substr(0, f.number.find('/')));
    draft.date = d.date;
    draft.signer_name = text::trim(f.signer);
    decision_print_buttons(s, council_document_input(m, sec.result(m)), draft);
  }
}

// The campaign's close: the report on what it came to, and closing it (or reopening it, with a
// reason).
void close_card(app::Session& s, app::Secretariat& sec) {
  const Registry& r = sec.reg();
  spacer(0.4f);
  begin_card("##awards.close");
  subheading(tr("campaign_close.title"));
  small_muted(tr("campaign_close.help"));
  spacer(0.2f);
  close_report_print_buttons(s, close_report(sec.campaign(), r, s.today()));
  spacer(0.2f);
  if (!r.closed()) {
    ImGui::BeginDisabled(sec.read_only());
    if (button(tr("campaign_close.close"), "campaign_close.close", ButtonKind::danger))
      ask_reason({tr("campaign_close.close_title"), tr("campaign_close.close_detail"), tr("campaign_close.close_confirm"),
                  "close_campaign", {}, true, false, false});
    ImGui::EndDisabled();
  } else {
    noted(palette().warning, trf("campaign_close.closed_by", {to_display_vietnam(r.closed_at), r.closed_by}).c_str(),
          "campaign_close.state");
    ImGui::BeginDisabled(s.read_only());
    if (button(tr("campaign_close.reopen"), "campaign_close.reopen", ButtonKind::subtle))
      ask_reason({tr("campaign_close.reopen_title"), tr("campaign_close.reopen_detail"), tr("campaign_close.reopen_confirm"),
                  "reopen_campaign", {}, false, true});
    ImGui::EndDisabled();
  }
  end_card();
}

// Every award recorded here, in every campaign, found by a name or a decision typed without marks.
void history_card(app::Secretariat& sec) {
  const Registry& r = sec.reg();
  if (r.history.empty()) return;
  spacer(0.4f);
  begin_card("##awards.history");
  subheading(tr("awards.history"));
  small_muted(tr("awards.history_help"));
  FieldSpec search{"awards.history.search", ""};
  search.max_length = 100;
  if (auto v = input_field(search, st.history_query, {}); v && v->is_string()) st.history_query = v->get<std::string>();
  annotate(tr("awards.history_search"), "awards.history.search");
  const std::vector<const AwardRecord*> found = search_history(r, st.history_query);
  small_muted(trf("awards.history_count", {std::to_string(found.size())}));
  constexpr std::size_t kShown = 30;  // a search narrows it; a page of lines is enough to read
  for (std::size_t i = 0; i < found.size() && i < kShown; ++i) {
    const AwardRecord& h = *found[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    ImGui::PushFont(fonts.bold);
    wrapped(h.name.c_str());
    ImGui::PopFont();
    noted(ImGui::GetColorU32(ImGuiCol_Text), (h.award_form + " · " + h.decision).c_str(), "awards.history." + std::to_string(i));
    small_muted((h.unit.empty() ? "" : h.unit + " · ") + h.campaign_name);
    ImGui::PopID();
  }
  end_card();
}

void meetings_line(app::Secretariat& sec) {
  int closed = 0;
  for (const CouncilMeeting& m : sec.reg().meetings) closed += m.closed;
  if (closed < 2) return;
  for (const CouncilMeeting& m : sec.reg().meetings) {
    if (!m.closed) continue;
    const bool current = m.id == st.meeting_id;
    if (button(trf("awards.session", {m.date.year ? to_display(m.date) : "?"}).c_str(), "awards.session." + m.id,
               current ? ButtonKind::primary : ButtonKind::normal))
      st.meeting_id = m.id;
    ImGui::SameLine();
  }
  ImGui::NewLine();
}

void handle_dialog(app::Session& s, app::Secretariat& sec) {
  auto done = reason_dialog();
  if (!done) return;
  if (action_arg(done->action, "record")) {
    if (sec.record_award(st.pending)) {
      s.toast(app::Toast::Kind::success, app::Message("awards.recorded_toast", {text::trim(st.pending.number)}));
      st.forms.erase(st.pending.meeting_id + "/" + std::string(to_string(st.pending.decider)));
    }
  } else if (auto id = action_arg(done->action, "withdraw")) {
    if (sec.withdraw_award(*id, done->reason)) s.toast(app::Toast::Kind::success, app::Message("awards.withdrawn_toast"));
  } else if (done->action == "close_campaign") {
    if (sec.close_campaign()) s.toast(app::Toast::Kind::success, app::Message("campaign_close.closed_toast"));
  } else if (done->action == "reopen_campaign") {
    if (sec.reopen_campaign(done->reason)) s.toast(app::Toast::Kind::success, app::Message("campaign_close.reopened_toast"));
  }
}

}  // namespace

void awards_screen(app::Session& s) {
  app::Secretariat& sec = s.secretariat();
  const Registry& r = sec.reg();
  const Campaign& c = sec.campaign();
  heading(tr("awards.title"));
  muted(tr("awards.help"));
  spacer(0.3f);
  closed_notice(sec.reg());
  const CouncilMeeting* m = r.meeting(st.meeting_id);
  if (!m || !m->closed) {
    m = nullptr;
    for (const CouncilMeeting& x : r.meetings)
      if (x.closed) m = &x;  // the latest closed
    st.meeting_id = m ? m->id : std::string();
  }
  if (!m) {
    muted(tr("awards.no_meeting"));
    if (button(tr("awards.go_council"), "awards.go_council", ButtonKind::primary)) s.nav.screen = app::Screen::council;
    spacer(0.3f);
    history_card(sec);
    close_card(s, sec);
    handle_dialog(s, sec);
    return;
  }
  meetings_line(sec);
  small_muted(trf("awards.for_session", {m->date.year ? to_display(m->date) : "?"}));
  spacer(0.3f);
  bool any = false;
  for (Decider decider : kDeciders) {
    const std::vector<AwardCandidate> all = award_candidates(c, r, m->id, decider);
    if (all.empty()) continue;
    any = true;
    ImGui::PushID(static_cast<int>(decider));
    begin_card("##awards.card");
    subheading(trf("awards.decider", {authority_title(c, decider)}).c_str());
    small_muted(forms_of(c, decider));
    spacer(0.2f);
    for (const AwardDecision& d : r.awards)
      if (d.meeting_id == m->id && d.decider == decider) {
        recorded_card(s, sec, r, c, d);
        spacer(0.4f);
      }
    std::vector<AwardCandidate> waiting;
    for (const AwardCandidate& a : all)
      if (a.status == Status::proposed) waiting.push_back(a);
    if (!waiting.empty()) decision_form(s, sec, *m, decider, waiting);
    end_card();
    ImGui::PopID();
  }
  if (!any) muted(tr("awards.nobody_proposed"));
  alignment_card(s, sec);
  history_card(sec);
  close_card(s, sec);
  handle_dialog(s, sec);
}

}  // namespace hoso::ui
