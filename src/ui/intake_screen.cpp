// The secretariat's intake (tiếp nhận): every unit's package files, chosen several at once or
// dropped on the page, are checked together and reported file by file — accepted, accepted with
// warnings, kept aside for a person (a conflict), skipped (a duplicate) or refused, and why, with
// the package's own date beside the secretariat's receipt time. Nothing enters the register until
// the person says so. Below, every revision the register holds, with its standing; a conflict's
// revision can be put in force and a revision removed, each only with a reason (logged).
#include <string>

#include "app/secretariat_session.hpp"
#include "app/session.hpp"
#include "core/intake.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "ui/screens.hpp"
#include "ui/secretariat_ui.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

std::string n(long long v) { return std::to_string(v); }

std::string file_id(std::size_t i, std::string_view part = {}) {
  std::string id = "intake.file." + n(static_cast<long long>(i + 1));
  if (!part.empty()) (id += '.') += part;
  return id;
}

void counts(const IntakeReport& rep) {
  bool first = true;
  for (Verdict v : {Verdict::accepted, Verdict::accepted_with_warnings, Verdict::kept_aside, Verdict::skipped, Verdict::refused}) {
    const int c = rep.count(v);
    if (c == 0) continue;
    if (!first) ImGui::SameLine(0, em() * 0.3f);
    first = false;
    const Tone t = verdict_tone(v);
    badge((n(c) + " · " + tr(verdict_label(v))).c_str(), t.fg, t.bg, "intake.count." + std::string(to_string(v)));
  }
}

// One file of the report: what it is, the verdict, both dates, the contact and every note.
void entry_card(const IntakeEntry& e, std::size_t i) {
  const Palette& p = palette();
  const Verdict v = e.verdict();
  const Tone tone = verdict_tone(v);
  ImGui::PushID(static_cast<int>(i));
  begin_card("##intake.entry");
  badge(tr(verdict_label(v)).c_str(), tone.fg, tone.bg, file_id(i, "verdict"));
  ImGui::SameLine(0, em() * 0.5f);
  ImGui::PushFont(fonts.bold);
  wrapped(e.file_name.c_str());
  ImGui::PopFont();
  noted(v == Verdict::refused ? p.error : v == Verdict::kept_aside ? p.primary : ImGui::GetColorU32(ImGuiCol_Text),
        tr(e.summary()).c_str(), file_id(i));
  if (e.package) {
    const PackageHeader& h = e.package->header;
    ImGui::PushFont(fonts.small);
    noted(e.lateness.late ? p.error : p.muted,
          trf("intake.dates", {to_display_vietnam(h.created), to_display_vietnam(e.received)}).c_str(), file_id(i, "dates"));
    std::string contact = h.contact.name;
    for (const std::string* part : {&h.contact.phone, &h.contact.email})
      if (!part->empty()) contact += " · " + *part;
    muted(trf("intake.contact", {contact}).c_str());
    noted(p.muted, trf("intake.check_code", {check_code(h.content_hash)}).c_str(), file_id(i, "check_code"));
    ImGui::PopFont();
  }
  for (std::size_t k = 0; k < e.notes.size(); ++k) {
    const IntakeNote& note = e.notes[k];
    const bool serious = note.code == intake_note::late || note.code == intake_note::same_nominee ||
                         note.code == intake_note::other_sender || note.code == intake_note::other_workspace;
    ImGui::PushFont(fonts.small);
    noted(serious ? p.error : p.warning, ("• " + tr(note.text)).c_str(), file_id(i, "note." + n(static_cast<long long>(k + 1))));
    ImGui::PopFont();
  }
  end_card();
  ImGui::PopID();
}

void report_card(app::Session& s, app::Secretariat& sec, const app::Intake& in) {
  const Palette& p = palette();
  const IntakeReport& rep = in.report;
  subheading(trf("intake.report_title", {n(static_cast<long long>(in.batch))}).c_str());
  if (in.state == app::Intake::State::reading) {
    muted(trf("intake.reading", {n(in.expected)}).c_str());
    return;
  }
  counts(rep);
  spacer(0.3f);
  for (std::size_t i = 0; i < rep.entries.size(); ++i) entry_card(rep.entries[i], i);

  const int to_add = rep.count(Verdict::accepted) + rep.count(Verdict::accepted_with_warnings) + rep.count(Verdict::kept_aside);
  switch (in.state) {
    case app::Intake::State::reading: break;
    case app::Intake::State::waiting:
      small_muted(tr("intake.apply_help"));
      ImGui::BeginDisabled(sec.read_only() || to_add == 0);
      // No toast: the line that replaces this button says what was recorded (a toast hid the
      // "open the register" button under it).
      if (button(trf("intake.apply", to_add).c_str(), "intake.apply", ButtonKind::primary)) sec.apply_intake();
      ImGui::EndDisabled();
      ImGui::SameLine();
      if (button(tr("intake.discard"), "intake.discard")) sec.discard_intake();
      break;
    case app::Intake::State::applied:
      noted(p.success, trf("intake.applied", {n(in.added), to_display_vietnam(in.applied_at)}).c_str(), "intake.applied");
      if (button(tr("intake.open_registry"), "intake.open_registry", ButtonKind::primary)) s.nav.screen = app::Screen::registry;
      break;
    case app::Intake::State::discarded: noted(p.muted, tr("intake.discarded"), "intake.discarded"); break;
  }
}

// Every revision held, in the order received: unit, revision, dates, standing; the acts on it.
void revisions_card(app::Secretariat& sec) {
  const Registry& r = sec.reg();
  begin_card("##intake.revisions");
  subheading(trf("intake.revisions_title", static_cast<long long>(r.revisions.size())).c_str());
  if (r.revisions.empty()) {
    muted(tr("intake.revisions_empty"));
    end_card();
    return;
  }
  small_muted(tr("intake.revisions_help"));
  const Deadline& deadline = sec.campaign().deadline;
  for (const PackageRevision& rev : r.revisions) {
    const std::string key = rev.key();
    const Standing st = standing(r, rev);
    const Tone tone = standing_tone(st);
    ImGui::PushID(key.c_str());
    ImGui::Separator();
    badge(tr(standing_label(st)).c_str(), tone.fg, tone.bg, "intake.revision." + key);
    ImGui::SameLine(0, em() * 0.5f);
    ImGui::PushFont(fonts.bold);
    wrapped(trf("intake.revision_line", {rev.header.sender.unit_name, n(rev.header.revision),
                                         n(static_cast<long long>(rev.dossiers.size()))}).c_str());
    ImGui::PopFont();
    const Lateness late = lateness(deadline, rev.header.created, rev.received);
    ImGui::PushFont(fonts.small);
    colored_wrapped(late.late ? palette().error : palette().muted,
                    trf("intake.revision_dates", {rev.file_name, to_display_vietnam(rev.header.created),
                                                  to_display_vietnam(rev.received)}).c_str());
    for (const Bilingual& note : rev.notes) colored_wrapped(palette().warning, ("• " + tr(note)).c_str());
    ImGui::PopFont();
    ImGui::BeginDisabled(sec.read_only());
    if (st == Standing::set_aside) {
      if (button(tr("intake.choose"), "intake.revision." + key + ".choose", ButtonKind::primary))
        ask_reason({trf("intake.choose_title", {rev.header.sender.unit_name, n(rev.header.revision)}),
                    tr("intake.choose_detail"), tr("intake.choose_confirm"), "choose:" + key, {}, false, true});
      ImGui::SameLine();
    }
    if (button(tr("intake.remove"), "intake.revision." + key + ".remove", ButtonKind::subtle))
      ask_reason({trf("intake.remove_title", {rev.file_name}), tr("intake.remove_detail"), tr("intake.remove_confirm"),
                  "remove:" + key, {}, true, true});
    ImGui::EndDisabled();
    ImGui::PopID();
  }
  // What was removed or chosen, and why.
  if (!r.log.empty()) {
    spacer(0.3f);
    subheading(tr("intake.log_title"));
    ImGui::PushFont(fonts.small);
    for (std::size_t i = 0; i < r.log.size(); ++i) {
      const RegistryChange& c = r.log[i];
      const bool removal = c.new_value.is_null();
      std::string file = c.old_value.is_object() ? c.old_value.value("file_name", std::string()) : std::string();
      if (file.empty()) file = c.subject;
      noted(palette().muted,
            trf(removal ? "intake.log_removed" : "intake.log_chosen", {to_display_vietnam(c.time), c.author, file, c.reason}).c_str(),
            "intake.log." + n(static_cast<long long>(i + 1)));
    }
    ImGui::PopFont();
  }
  end_card();
}

}  // namespace

namespace {

// The secretariat's first look: who is working, so the register's history names the person, not
// "(chưa ghi tên)". Asked while the name is missing, until the person says so.
enum class WhoAsk { undecided, asking, done } who_ask = WhoAsk::undecided;

void who_card(app::Session& s) {
  const bool known = !text::trim(s.settings().author).empty();
  if (who_ask == WhoAsk::undecided) who_ask = known ? WhoAsk::done : WhoAsk::asking;
  if (who_ask != WhoAsk::asking) return;
  begin_card("##intake.who");
  subheading(tr("intake.who_title"));
  small_muted(tr("intake.who_help"));
  ImGui::BeginDisabled(s.read_only());
  author_field(s);
  ImGui::BeginDisabled(!known);
  if (button(tr("first_run.done"), "intake.who_done", ButtonKind::primary)) who_ask = WhoAsk::done;
  ImGui::EndDisabled();
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (button(tr("first_run.later"), "intake.who_later", ButtonKind::subtle)) who_ask = WhoAsk::done;
  end_card();
  spacer(0.3f);
}

}  // namespace

void intake_screen(app::Session& s) {
  app::Secretariat& sec = s.secretariat();
  sec.settle_reading();
  heading(tr("intake.title"));
  muted(tr("intake.help"));
  spacer(0.3f);
  who_card(s);
  closed_notice(sec.reg());
  ImGui::BeginDisabled(sec.read_only());
  if (button(tr("intake.pick"), "intake.pick", ButtonKind::primary))
    s.platform().pick_files(app::FilePurpose::package, ".json,application/json", true);
  ImGui::EndDisabled();
  small_muted(tr(is_phone() ? "intake.limits" : "intake.limits_drop"));
  const Campaign& c = sec.campaign();
  small_muted(trf("intake.deadline", {tr(c.deadline.describe()), to_display(s.today())}));
  spacer(0.5f);
  for (const store::BrokenRecord& b : sec.broken())
    noted(palette().error, trf("notice.broken_record", {b.name, language() == Language::en ? b.problem_en : b.problem_vi}).c_str(),
          "intake.broken." + b.name);

  if (const auto& in = sec.intake()) {
    begin_card("##intake.report");
    report_card(s, sec, *in);
    end_card();
  }
  revisions_card(sec);

  if (auto done = reason_dialog()) {
    if (auto key = action_arg(done->action, "remove")) {
      if (sec.remove_revision(*key, done->reason)) s.toast(app::Toast::Kind::success, app::Message("intake.removed"));
    } else if (auto chosen = action_arg(done->action, "choose")) {
      if (sec.choose_revision(*chosen, done->reason)) s.toast(app::Toast::Kind::success, app::Message("intake.chosen"));
    }
  }
}

}  // namespace hoso::ui
