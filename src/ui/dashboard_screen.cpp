// The first screen: the campaign (name, theme, period, the deadline and the days left), the
// unit's dossiers by status and against the quota, what is still missing, and a form to start
// or continue a dossier right here.
#include <algorithm>

#include "app/session.hpp"
#include "core/dossier_views.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "imgui.h"
#include "ui/campaign_actions.hpp"
#include "ui/dossier_fields.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

void campaign_card(app::Session& s) {
  const Campaign& c = s.campaign();
  const Palette& p = palette();
  begin_card("##campaign");
  small_muted((tr(c.issuer_parent) + " · " + tr(c.issuer) + " · " + tr("campaign.plan_short") + " " + c.plan.number).c_str());
  // On a phone the card is short, so that the new dossier below shows on the first screen: the
  // name in the heading size, without the campaign's motto and the receiving office (the export
  // screen names it).
  const bool phone = is_phone();
  ImGui::PushFont(phone ? fonts.heading : fonts.title);
  ImGui::PushTextWrapPos(0.0f);
  std::string name = tr(c.name);
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  ImGui::TextUnformatted(name.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  if (!phone) {
    small_muted((std::string(tr("campaign.theme")) + ": “" + tr(c.theme) + "”").c_str());
  }
  spacer(0.3f);
  wrapped((std::string(tr("campaign.period")) + ": " + tr(c.period.describe())).c_str());
  wrapped((std::string(tr("campaign.deadline")) + ": " + tr(c.deadline.describe())).c_str());

  const int left = c.deadline.days_left(s.today());
  std::string days;
  ImU32 fg = p.success, bg = p.success_bg;
  const bool closed = is_closed(s.campaign_state(c));
  if (left < 0 || closed) {
    // Past: a fact about the campaign, not an alarm (the person can do nothing about it). Closed
    // once another campaign the workspace holds is open, or by hand; then its work is read-only.
    days = trf(closed ? "campaign.closed" : "campaign.past_deadline", {to_display(c.deadline.last_day)});
    fg = p.primary;
    bg = p.accent_bg;
  } else if (left == 0) {
    days = tr("campaign.last_day");
    fg = p.error;
    bg = p.error_bg;
  } else {
    days = trf("campaign.days_left", left);
    if (left <= 7) {
      fg = p.error;
      bg = p.error_bg;
    }
  }
  spacer(0.2f);
  badge(days.c_str(), fg, bg, "campaign.days_left");
  if (!phone) {
    small_muted((std::string(tr("campaign.receiver")) + ": " + tr(c.receiving_office)).c_str());
  }
  spacer(0.3f);
  campaign_switcher(s);
  end_card();
}

void counts_card(app::Session& s) {
  const Workspace& w = s.workspace();
  const Palette& p = palette();
  begin_card("##counts");
  subheading(tr("dashboard.dossiers"));
  if (w.dossiers.empty()) {
    muted(tr("dashboard.no_dossiers"));
  } else {
    auto counts = count_by_status(w.dossiers);
    for (Status st : kAllStatuses) {
      int n = counts[static_cast<size_t>(st)];
      if (n == 0) continue;
      std::string text = tr(status_label(st)) + ": " + std::to_string(n);
      ImGui::TextUnformatted(text.c_str());
    }
    spacer(0.3f);
    subheading(tr("dashboard.quota"));
    for (const QuotaUse& q : quota_use(s.campaign(), w.dossiers)) {
      const AwardForm* form = s.campaign().award_form(q.award_form);
      const NomineeKindSpec* kind = s.campaign().kind_spec(q.kind);
      if (!form || !kind) continue;
      std::string text = tr(form->name) + " — " + tr(kind->name) + ": " + std::to_string(q.count);
      if (q.quota) text += "/" + std::to_string(*q.quota);  // "2/3": one word, never split over two lines
      colored_wrapped(q.over() ? p.warning : ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
      if (q.over()) {
        ImGui::PushFont(fonts.small);
        colored_wrapped(p.warning, tr("dashboard.over_quota"));
        ImGui::PopFont();
      }
    }
  }
  spacer(0.2f);
  const auto& ex = w.exports;
  if (ex.last_time) {
    muted(trf("dashboard.last_export", {to_display_vietnam(*ex.last_time), std::to_string(ex.last_revision)}).c_str());
  } else if (!w.dossiers.empty()) {
    muted(tr("dashboard.never_exported"));
  }
  end_card();
}

// What is still missing, grouped by dossier; choosing a line opens it at the field. The first
// groups only, under the number of dossiers with errors or warnings; when some are not shown, a
// button opens the dossier list filtered to those.
void missing_card(app::Session& s) {
  const auto& found = s.findings();
  if (found.empty() || s.workspace().dossiers.empty()) return;
  const Palette& p = palette();
  // A note about the campaign as a whole (more nominees than the quota) is said once, above, not
  // under every dossier it touches, where it would bury what each dossier really lacks.
  std::vector<Finding> all;
  std::vector<std::string> campaign_notes;
  for (const Finding& f : found) {
    if (f.rule != rule::quota) {
      all.push_back(f);
      continue;
    }
    const std::string note = tr(f.message);
    if (std::find(campaign_notes.begin(), campaign_notes.end(), note) == campaign_notes.end()) campaign_notes.push_back(note);
  }
  const std::vector<FindingGroup> groups = group_by_owner(all);
  int incomplete = 0;
  for (const FindingGroup& g : groups)
    if (g.owner == Finding::Owner::dossier && s.workspace().dossier(g.owner_id)) ++incomplete;
  begin_card("##missing");
  subheading(tr("dashboard.missing"));
  if (incomplete > 0) {
    ImGui::PushFont(fonts.small);
    noted(p.muted, trf("dashboard.missing_total", incomplete).c_str(), "dashboard.missing.total");
    ImGui::PopFont();
  }
  for (std::size_t i = 0; i < campaign_notes.size(); ++i) {
    ImGui::PushFont(fonts.small);
    noted(p.warning, ("– " + campaign_notes[i]).c_str(), "dashboard.missing.campaign." + std::to_string(i));
    ImGui::PopFont();
  }
  if (all.empty()) {
    end_card();
    return;
  }
  int shown = 0, shown_dossiers = 0;
  for (const FindingGroup& g : groups) {
    if (shown >= 8) break;
    std::string title;
    if (g.owner == Finding::Owner::dossier) {
      const Dossier* d = s.workspace().dossier(g.owner_id);
      if (!d) continue;
      title = name_or_unnamed(display_name(d->nominee));
      ++shown_dossiers;
    } else {
      title = tr("nav.minutes");
    }
    FindingTally tally;
    for (const Finding* f : g.findings) tally.add(*f);
    std::string line = title + " — " + tally.text();
    ImGui::PushFont(fonts.bold);
    colored_wrapped(tally.color(), line.c_str());
    ImGui::PopFont();
    int per = 0;
    for (const Finding* f : g.findings) {
      if (++per > 3) {
        small_muted(trf("findings.more", static_cast<long long>(g.findings.size() - 3)).c_str());
        break;
      }
      std::string id = "dashboard.finding." + g.owner_id + "." + f->path;
      // ImGui's Selectable draws its label on one line (the wrap position is ignored), so a long
      // finding ran past the card's edge: the row is as tall as the text wrapped, drawn over it.
      const std::string text = "• " + tr(f->message);
      ImGui::PushFont(fonts.small);
      const float wrap_w = ImGui::GetContentRegionAvail().x;
      const ImVec2 text_size = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap_w);
      const ImVec2 pos = ImGui::GetCursorScreenPos();
      // A finger high on a touch screen (the text centred in it), in the link colour: it opens
      // the field.
      const float row_h = std::max(text_size.y, touch_row_height() - ImGui::GetStyle().ItemSpacing.y);
      const bool chosen = ImGui::Selectable(("##" + id).c_str(), false, ImGuiSelectableFlags_None, ImVec2(0, row_h));
      annotate(text.c_str(), id);
      ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x, pos.y + (row_h - text_size.y) * 0.5f),
                                          palette().primary, text.c_str(), nullptr, wrap_w);
      if (chosen) {
        if (f->owner == Finding::Owner::dossier && path_section(f->path) != "minutes") {
          s.nav.screen = app::Screen::dossier;
          s.nav.dossier_id = f->owner_id;
        } else {
          s.nav.screen = app::Screen::minutes;
        }
        s.nav.open_section = std::string(path_section(f->path));
        s.nav.focus_path = f->path;
        s.nav.focus_frames = 3;
      }
      ImGui::PopFont();
    }
    ++shown;
  }
  if (shown_dossiers < incomplete) {
    spacer(0.3f);
    if (button(trf("dashboard.missing_all", incomplete).c_str(), "dashboard.missing.all")) show_incomplete_dossiers(s);
  }
  end_card();
}

// A dossier started or continued right here: the nominee's name and the achievement summary.
void quick_card(app::Session& s) {
  begin_card("##quick");
  const Dossier* d = s.dossier(s.nav.dossier_id);
  if (d && d->status == Status::exported) d = nullptr;  // sent: kept as sent, a new dossier instead
  subheading(d ? tr("dashboard.continue") : tr("dashboard.new_dossier"));
  static Dossier pending;  // not in the workspace until the first keystroke
  static bool pending_ready = false;
  if (!d) {
    if (!pending_ready || !pending.id.empty()) {
      pending = Dossier{};
      pending.nominee.kind = NomineeKind::individual;
      pending_ready = true;
    }
    // Kind first: a person or a unit.
    if (kind_toggle(pending.nominee.kind, "quick.kind")) {}
  }
  const Dossier& target = d ? *d : pending;
  FindingIndex none;
  FindingIndex idx = d ? FindingIndex(findings_at_fields(d->id, findings_for(s.findings(), d->id))) : none;
  const bool collective = target.nominee.kind == NomineeKind::collective;
  const std::string name_path = nominee_path(collective ? "name" : "full_name");
  auto edit = [&](std::string_view path, const nlohmann::json& v) {
    const Dossier* real = d;
    if (!real) {
      auto created = s.create_dossier(pending.nominee.kind, "");
      if (!created) return;  // refused, and the session said why
      real = s.dossier(*created);
      s.nav.dossier_id = *created;
      pending_ready = false;
    }
    auto r = s.set(*real, path, v);
    app::report(s, r);
  };
  FieldSpec name{name_path, collective ? tr("nominee.collective_name") : tr("nominee.full_name"), nullptr, true};
  focus_if_target(s, name.path);
  if (auto v = input_field(name, get_field(target, name.path), idx)) edit(name.path, *v);
  const int limit = summary_limit(s, target);
  FieldSpec summary{kSummaryPath, tr("summary.label"), tr("summary.help"), true, limit, InputKind::multiline, 6};
  focus_if_target(s, summary.path);
  if (auto v = input_field(summary, get_field(target, summary.path), idx)) edit(summary.path, *v);
  if (d) {
    spacer(0.3f);
    if (button(tr("dashboard.open_full"), "dashboard.open_full", ButtonKind::primary)) s.nav.screen = app::Screen::dossier;
    ImGui::SameLine();
    if (button(tr("dashboard.start_another"), "dashboard.start_another")) s.nav.dossier_id.clear();
  }
  end_card();
}

}  // namespace

// The first thing a new clerk is asked: which unit this is and who is working, so dossiers,
// minutes and the package carry the unit, and the history names the person. It stays until
// both are given and the clerk says so.
// Decided on the first look at the dashboard in a session: asked while the unit or the name is
// missing, until the clerk presses "Bắt đầu".
enum class FirstRun { undecided, asking, done } first_run = FirstRun::undecided;

void first_run_card(app::Session& s) {
  const Settings& st = s.workspace().settings;
  const bool known = !text::trim(st.unit_name).empty() && !text::trim(st.author).empty();
  if (first_run == FirstRun::undecided) first_run = known ? FirstRun::done : FirstRun::asking;
  if (first_run == FirstRun::done || st.role != Role::unit) return;
  begin_card("##first_run");
  subheading(tr("first_run.title"));
  small_muted(tr("first_run.help"));
  spacer(0.2f);
  ImGui::BeginDisabled(s.read_only());
  unit_and_author_fields(s);
  spacer(0.2f);
  ImGui::BeginDisabled(!known);
  if (button(tr("first_run.done"), "first_run.done", ButtonKind::primary)) first_run = FirstRun::done;
  ImGui::EndDisabled();
  ImGui::EndDisabled();
  // Not now: someone looking the app over, or helping a colleague, can go straight to the work;
  // the card asks again at the next start while the unit or the name is missing.
  ImGui::SameLine();
  if (button(tr("first_run.later"), "first_run.later", ButtonKind::subtle)) first_run = FirstRun::done;
  if (!known) {
    small_muted(tr("first_run.needs"));
  }
  end_card();
}

void dashboard_screen(app::Session& s) {
  first_run_card(s);
  const bool two_columns = ImGui::GetContentRegionAvail().x > em() * 44;
  if (two_columns) {
    if (ImGui::BeginTable("##dash", 2, ImGuiTableFlags_SizingStretchSame)) {
      ImGui::TableNextColumn();
      campaign_card(s);
      counts_card(s);
      missing_card(s);
      ImGui::TableNextColumn();
      quick_card(s);
      ImGui::EndTable();
    }
  } else {
    campaign_card(s);
    quick_card(s);
    counts_card(s);
    missing_card(s);
  }
}

}  // namespace hoso::ui
