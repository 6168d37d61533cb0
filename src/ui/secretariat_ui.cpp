#include "ui/secretariat_ui.hpp"

#include <algorithm>
#include <cfloat>

#include "app/session.hpp"
#include "core/text.hpp"
#include "imgui_stdlib.h"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {

// ---- the reason dialog -------------------------------------------------------------------------

namespace {

struct DialogState {
  ReasonRequest req;
  bool open = false;      // shown
  bool opening = false;   // OpenPopup at the next reason_dialog()
};
DialogState dialog;

constexpr const char* kPopup = "##reason_dialog";

}  // namespace

void ask_reason(ReasonRequest r) {
  dialog.req = std::move(r);
  dialog.open = dialog.opening = true;
}

std::optional<std::string_view> action_arg(std::string_view action, std::string_view verb) {
  if (action.size() <= verb.size() || action.substr(0, verb.size()) != verb || action[verb.size()] != ':') return std::nullopt;
  return action.substr(verb.size() + 1);
}

std::optional<Confirmed> reason_dialog() {
  if (!dialog.open) return std::nullopt;
  if (dialog.opening) {
    ImGui::OpenPopup(kPopup);
    dialog.opening = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(vp->Size.x - em() * 1.5f, em() * 32), 0), ImGuiCond_Always);
  std::optional<Confirmed> done;
  if (!ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings)) {
    dialog.open = false;  // closed from outside
    return done;
  }
  const ReasonRequest& r = dialog.req;
  subheading(r.title.c_str());
  if (!r.detail.empty()) {
    ImGui::PushFont(fonts.small);
    noted(palette().muted, r.detail.c_str(), "dialog.detail");
    ImGui::PopFont();
  }
  spacer(0.3f);
  if (r.with_reason) {
    FieldSpec spec{"dialog.reason", tr("dialog.reason"), nullptr, r.required, 1000, InputKind::multiline, 3};
    if (auto v = input_field(spec, dialog.req.reason, {}); v && v->is_string()) dialog.req.reason = v->get<std::string>();
    spacer(0.3f);
  }
  const bool empty = text::trim(dialog.req.reason).empty();
  ImGui::BeginDisabled(r.with_reason && r.required && empty);
  const bool ok = button(r.confirm.c_str(), "dialog.confirm", r.danger ? ButtonKind::danger : ButtonKind::primary);
  ImGui::EndDisabled();
  ImGui::SameLine();
  const bool cancel = button(tr("action.cancel"), "dialog.cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape);
  if (ok) done = Confirmed{r.action, text::trim(dialog.req.reason)};
  if (ok || cancel) {
    dialog.open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return done;
}

// ---- colours -----------------------------------------------------------------------------------

Tone verdict_tone(Verdict v) {
  const Palette& p = palette();
  switch (v) {
    case Verdict::accepted: return {p.success, p.success_bg};
    case Verdict::accepted_with_warnings: return {p.warning, p.warning_bg};
    case Verdict::kept_aside: return {p.primary, p.accent_bg};
    case Verdict::skipped: return {p.muted, p.surface};
    case Verdict::refused: return {p.error, p.error_bg};
  }
  return {p.muted, p.surface};
}

Tone status_tone(Status s) {
  const Palette& p = palette();
  switch (s) {
    case Status::eligible:
    case Status::proposed:
    case Status::awarded: return {p.success, p.success_bg};
    case Status::returned:
    case Status::not_awarded: return {p.error, p.error_bg};
    default: return {p.primary, p.accent_bg};
  }
}

Tone standing_tone(Standing s) {
  const Palette& p = palette();
  switch (s) {
    case Standing::in_force: return {p.success, p.success_bg};
    case Standing::superseded: return {p.muted, p.surface};
    case Standing::set_aside: return {p.warning, p.warning_bg};
  }
  return {p.muted, p.surface};
}

void closed_notice(const Registry& r) {
  if (!r.closed()) return;
  noted(palette().warning, trf("campaign_close.notice", {to_display_vietnam(r.closed_at)}).c_str(), "campaign_close.notice");
  spacer(0.3f);
}

}  // namespace hoso::ui
