#include "core/campaigns.hpp"

#include <algorithm>

namespace hoso {

WorkspaceLibrary library_for(const Library& builtin, const Workspace& w) {
  WorkspaceLibrary out{builtin, {}};
  // Oldest version first, so the library ends with each id at its highest.
  std::vector<const HeldCampaign*> held;
  for (const HeldCampaign& h : w.campaigns) held.push_back(&h);
  std::stable_sort(held.begin(), held.end(),
                   [](const HeldCampaign* a, const HeldCampaign* b) { return a->version < b->version; });
  for (const HeldCampaign* h : held) {
    const std::string name = h->id + "_v" + std::to_string(h->version);
    auto c = campaign_from_json(name, h->content);
    if (!c) {
      out.left_out.push_back(c.error());
      continue;
    }
    if (const Campaign* have = out.library.campaign(c->id); have && have->version > c->version) continue;
    auto added = out.library.add(std::move(c).value());
    if (!added) {
      DataError e = added.error();
      e.file = name;
      out.left_out.push_back(std::move(e));
    }
  }
  return out;
}

Outcome<CampaignPreview> preview_campaign(const Library& lib, const Workspace& w, const CampaignFile& file) {
  CampaignPreview p;
  p.replaces = lib.campaign(file.campaign.id);
  for (const HeldCampaign& h : w.campaigns)
    if (h.id == file.campaign.id && h.version == file.campaign.version && h.hash == file.campaign.hash)
      p.same_as_held = true;
  Library trial = lib;
  auto added = trial.add(file.campaign);
  if (!added) return added.error();
  if (p.replaces && p.replaces->version == file.campaign.version) p.replaces = nullptr;  // the same file
  return p;
}

Outcome<Done> accept_campaign(Library& lib, Workspace& w, const CampaignFile& file, Millis now) {
  auto preview = preview_campaign(lib, w, file);
  if (!preview) return preview.error();
  if (!preview->same_as_held) {
    auto added = lib.add(file.campaign);
    if (!added) return added.error();
    w.campaigns.push_back({file.campaign.id, file.campaign.version, file.campaign.hash, file.content, now});
  }
  activate(w, file.campaign.id);
  return Done{};
}

bool switch_campaign(const Library& lib, Workspace& w, std::string_view id) {
  if (!lib.campaign(id)) return false;
  activate(w, id);
  return true;
}

CampaignState state_of(const Library& lib, const Campaign& c, Date today) {
  bool another_open = false;
  for (const Campaign& other : lib.campaigns())
    if (other.id != c.id && !other.deadline.is_late(today)) another_open = true;
  return campaign_state(c, today, another_open);
}

std::vector<CampaignSummary> campaign_summaries(const Library& lib, const Workspace& w, Date today) {
  std::vector<CampaignSummary> out;
  for (const Campaign& c : lib.campaigns()) {
    bool held = std::any_of(w.campaigns.begin(), w.campaigns.end(), [&](const HeldCampaign& h) { return h.id == c.id; });
    out.push_back({c.id, c.version, c.plan.number, c.deadline.last_day, state_of(lib, c, today), !held});
  }
  return out;
}

Workspace campaign_part(const Workspace& w, std::string_view campaign_id) {
  Workspace part;
  part.settings = w.settings;
  part.campaign_id = std::string(campaign_id);
  if (campaign_id == w.campaign_id) part.exports = w.exports;
  else if (auto it = w.campaign_exports.find(campaign_id); it != w.campaign_exports.end()) part.exports = it->second;
  for (const Dossier& d : w.dossiers)
    if (d.campaign.id == campaign_id) part.dossiers.push_back(d);
  for (const Minutes& m : w.minutes)
    if (m.campaign_id == campaign_id) part.minutes.push_back(m);
  return part;
}

bool spans_campaigns(const Workspace& w) {
  const std::string* first = nullptr;
  auto differs = [&](const std::string& id) {
    if (!first) first = &id;
    return id != *first;
  };
  for (const Dossier& d : w.dossiers)
    if (differs(d.campaign.id)) return true;
  for (const Minutes& m : w.minutes)
    if (differs(m.campaign_id)) return true;
  return false;
}

}  // namespace hoso
