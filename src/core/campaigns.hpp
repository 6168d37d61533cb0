#pragma once
// The campaigns of one workspace: the built-in ones (the library compiled into the app) plus the
// campaign files the person accepted (Workspace::campaigns), which one is active, where each
// stands, and what accepting a new file would do. The app's Session keeps a library made by
// library_for and changes the workspace only through accept_campaign and switch_campaign.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/campaign_file.hpp"
#include "core/library.hpp"
#include "core/workspace.hpp"

namespace hoso {

// The built-in library with every campaign the workspace holds (each id at its highest version).
// A held campaign that no longer fits (a template it names is gone) is left out and reported;
// the rest is there.
struct WorkspaceLibrary {
  Library library;
  std::vector<DataError> left_out;
};
WorkspaceLibrary library_for(const Library& builtin, const Workspace& w);

// What accepting `file` would do, checked without changing anything: the library must take it
// (templates it names, versioning: an older version, or the same version with other content, is
// refused). `same_as_held` when the workspace already holds exactly this file.
struct CampaignPreview {
  const Campaign* replaces = nullptr;  // the version it replaces in `lib`, if any
  bool same_as_held = false;
};
Outcome<CampaignPreview> preview_campaign(const Library& lib, const Workspace& w, const CampaignFile& file);

// Adds the file to the workspace (and `lib`) and makes it the active campaign. Refused, with
// nothing changed, when preview_campaign refuses it. Accepting the same file again only makes it
// active.
Outcome<Done> accept_campaign(Library& lib, Workspace& w, const CampaignFile& file, Millis now);

// Makes `id` the active campaign; false (nothing changed) if `lib` has no such campaign, or it is
// archived (unarchived first).
bool switch_campaign(const Library& lib, Workspace& w, std::string_view id);

// A campaign is closed once past its deadline while another campaign of the library is open, or
// when the person closed it; archived when they archived it (w.campaign_marks).
CampaignState state_of(const Library& lib, const Workspace& w, const Campaign& c, Date today);
// True for closed and archived: the campaign's dossiers and minutes are kept as they are.
bool is_closed(CampaignState s);

// Closes, archives or reopens (no mark) a campaign of `lib`. The active campaign is not archived
// (the switcher always shows it): another is chosen first. Refused with a reason, nothing changed.
Outcome<Done> mark_campaign(const Library& lib, Workspace& w, std::string_view id, std::optional<CampaignMark> mark);

// One line per campaign, for the switcher and hoso.state(): every campaign the library holds, the
// built-in first, in the library's order.
struct CampaignSummary {
  std::string id;
  int version = 0;
  std::string plan_number;
  Date deadline;  // the last day on time
  CampaignState state = CampaignState::open;
  bool built_in = false;
};
std::vector<CampaignSummary> campaign_summaries(const Library& lib, const Workspace& w, Date today);

// What changed from one version of a campaign to the next, in sentences for the person who opens
// the new version: the deadline, the period, each criterion added, removed or reworded, quotas.
std::vector<Bilingual> campaign_changes(const Campaign& before, const Campaign& after);

// The part of the workspace that belongs to one campaign: its dossiers and minutes (settings and
// export history as they are). Validation and the dashboard look at one campaign at a time.
Workspace campaign_part(const Workspace& w, std::string_view campaign_id);
// True when the workspace holds dossiers or minutes of more than one campaign.
bool spans_campaigns(const Workspace& w);

}  // namespace hoso
