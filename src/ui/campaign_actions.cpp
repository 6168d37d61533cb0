#include "ui/campaign_actions.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "app/session.hpp"
#include "imgui.h"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {
namespace {

constexpr const char* kDialog = "##campaign.preview";

bool dialog_opened = false;  // the pending file's dialog has been opened

const char* state_key(CampaignState st) {
  switch (st) {
    case CampaignState::open: return "campaign.state.open";
    case CampaignState::past_deadline: return "campaign.state.past_deadline";
    case CampaignState::closed: return "campaign.state.closed";
    case CampaignState::archived: return "campaign.state.archived";
  }
  return "campaign.state.open";
}

}  // namespace

void choose_campaign_file(app::Session& s) {
  s.platform().pick_files(app::FilePurpose::campaign, ".json,application/json", false);
}

void campaign_accept_dialog(app::Session& s) {
  auto& pending = s.pending_campaign;
  if (!pending) {
    dialog_opened = false;
    return;
  }
  if (!dialog_opened) {
    ImGui::OpenPopup(kDialog);
    dialog_opened = true;
  }
  ImGui::SetNextWindowSize(ImVec2(std::min(em() * 30, ImGui::GetMainViewport()->Size.x - em() * 2), 0), ImGuiCond_Always);
  if (!ImGui::BeginPopupModal(kDialog, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings)) {
    pending.reset();
    dialog_opened = false;
    return;
  }
  const Campaign& c = pending->file.campaign;
  subheading(tr("campaign.confirm_title"));
  small_muted(pending->file_name.c_str());
  spacer(0.3f);
  wrapped(trf("campaign.preview_issuer", {tr(c.issuer_parent) + " · " + tr(c.issuer)}).c_str());
  wrapped(trf("campaign.preview_plan", {c.plan.number, to_display(c.plan.date)}).c_str());
  wrapped(tr(c.name).c_str());
  wrapped((std::string(tr("campaign.period")) + ": " + tr(c.period.describe())).c_str());
  wrapped((std::string(tr("campaign.deadline")) + ": " + tr(c.deadline.describe())).c_str());
  small_muted(trf("campaign.preview_version", {std::to_string(c.version), c.hash.substr(0, 16)}).c_str());
  if (const Campaign* held = s.library().campaign(c.id); held && held->version < c.version) {
    colored_wrapped(palette().warning, trf("campaign.preview_replaces", {std::to_string(held->version)}).c_str());
    // What the new version changes, so nobody has to compare two plans by eye.
    const std::vector<Bilingual> changes = campaign_changes(*held, c);
    constexpr std::size_t kShown = 6;
    if (changes.empty()) muted(tr("campaign.preview_no_changes"));
    for (std::size_t i = 0; i < changes.size() && i < kShown; ++i) wrapped(("• " + tr(changes[i])).c_str());
    if (changes.size() > kShown) muted(trf("campaign.preview_more_changes", static_cast<long long>(changes.size() - kShown)).c_str());
  }
  spacer(0.3f);
  const bool accept = button(tr("campaign.accept"), "campaign.accept", ButtonKind::primary);
  ImGui::SameLine();
  const bool cancel = button(tr("action.cancel"), "campaign.cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
  if (accept) {
    auto r = s.accept_campaign(pending->file);
    if (r) s.toast(app::Toast::Kind::success, app::Message("campaign.accepted", {c.plan.number}));
    else s.toast(app::Toast::Kind::error, app::Message::failed("campaign.refused", r.error()), 20);
  }
  if (accept || cancel) {
    pending.reset();
    dialog_opened = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void campaign_switcher(app::Session& s) {
  std::vector<Option> options;
  for (const CampaignSummary& c : s.campaign_summaries())
    if (c.state != CampaignState::archived)  // put away: on the Campaigns screen only
      options.push_back({c.id, std::string(tr("campaign.plan_short")) + " " + c.plan_number + " · " + tr(state_key(c.state))});
  FieldSpec spec{"campaign.switch", tr("campaign.switch")};
  if (options.size() > 1)
    if (auto v = choice_field(spec, s.campaign().id, options, FindingIndex{})) s.switch_campaign(*v);
  if (button(tr("campaign.open_file"), "campaign.open_file", ButtonKind::subtle)) choose_campaign_file(s);
}

}  // namespace hoso::ui
