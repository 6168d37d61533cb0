#include "core/campaigns.hpp"

#include <algorithm>

#include "core/json_in.hpp"

namespace hoso {

using json_in::in_quotes;

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
  // Opened again on purpose: an archived campaign comes back (the active one is never archived).
  if (mark_of(w, file.campaign.id) == CampaignMark::archived) w.campaign_marks.erase(file.campaign.id);
  activate(w, file.campaign.id);
  return Done{};
}

bool switch_campaign(const Library& lib, Workspace& w, std::string_view id) {
  if (!lib.campaign(id) || mark_of(w, id) == CampaignMark::archived) return false;
  activate(w, id);
  return true;
}

CampaignState state_of(const Library& lib, const Workspace& w, const Campaign& c, Date today) {
  if (const auto mark = mark_of(w, c.id)) return mark == CampaignMark::archived ? CampaignState::archived : CampaignState::closed;
  bool another_open = false;
  for (const Campaign& other : lib.campaigns())
    if (other.id != c.id && !other.deadline.is_late(today)) another_open = true;
  return campaign_state(c, today, another_open);
}

bool is_closed(CampaignState s) { return s == CampaignState::closed || s == CampaignState::archived; }

Outcome<Done> mark_campaign(const Library& lib, Workspace& w, std::string_view id, std::optional<CampaignMark> mark) {
  const Campaign* c = lib.campaign(id);
  if (!c) return DataError{"", "", {"Không có đợt thi đua " + std::string(id) + ".", "There is no campaign " + std::string(id) + "."}};
  if (mark == CampaignMark::archived && w.campaign_id == id)
    return DataError{"", "", {"Đợt " + c->plan.number + " đang được chọn: chọn đợt khác trước khi lưu trữ đợt này.",
                              "Campaign " + c->plan.number + " is the one chosen: choose another before archiving it."}};
  if (mark) w.campaign_marks[std::string(id)] = *mark;
  else w.campaign_marks.erase(std::string(id));
  return Done{};
}

std::vector<CampaignSummary> campaign_summaries(const Library& lib, const Workspace& w, Date today) {
  std::vector<CampaignSummary> out;
  for (const Campaign& c : lib.campaigns()) {
    bool held = std::any_of(w.campaigns.begin(), w.campaigns.end(), [&](const HeldCampaign& h) { return h.id == c.id; });
    out.push_back({c.id, c.version, c.plan.number, c.deadline.last_day, state_of(lib, w, c, today), !held});
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

// ---- what changed -----------------------------------------------------------------------------

std::vector<Bilingual> campaign_changes(const Campaign& before, const Campaign& after) {
  std::vector<Bilingual> out;
  if (!(before.deadline == after.deadline))
    out.push_back({"Hạn nộp: " + before.deadline.describe().vi + " → " + after.deadline.describe().vi + ".",
                   "Deadline: " + before.deadline.describe().en + " → " + after.deadline.describe().en + "."});
  if (!(before.period == after.period))
    out.push_back({"Thời gian thi đua: " + before.period.describe().vi + " → " + after.period.describe().vi + ".",
                   "Period: " + before.period.describe().en + " → " + after.period.describe().en + "."});
  for (const AwardForm& form : after.award_forms) {
    const AwardForm* old = before.award_form(form.id);
    if (!old) {
      out.push_back({"Thêm hình thức " + in_quotes(form.name.vi) + ".", "New award form " + in_quotes(form.name.en) + "."});
      continue;
    }
    for (const AwardRule& rule : form.rules) {
      const AwardRule* was = old->rule_for(rule.kind);
      if (!was) continue;
      const std::string who_vi = in_quotes(form.name.vi) + (rule.kind == NomineeKind::collective ? " (tập thể)" : " (cá nhân)");
      const std::string who_en = in_quotes(form.name.en) + (rule.kind == NomineeKind::collective ? " (collectives)" : " (individuals)");
      for (std::size_t k = 0; k < rule.criteria.size(); ++k) {
        const Criterion& c = rule.criteria[k];
        auto same = std::find_if(was->criteria.begin(), was->criteria.end(), [&](const Criterion& x) { return x.id == c.id; });
        const std::string n = std::to_string(k + 1);
        if (same == was->criteria.end())
          out.push_back({"Thêm tiêu chuẩn " + n + " của " + who_vi + ": " + in_quotes(c.text.vi),
                         "New criterion " + n + " of " + who_en + ": " + in_quotes(c.text.en)});
        else if (same->text.vi != c.text.vi)
          out.push_back({"Sửa tiêu chuẩn " + n + " của " + who_vi + ": " + in_quotes(c.text.vi),
                         "Criterion " + n + " of " + who_en + " reworded: " + in_quotes(c.text.en)});
      }
      for (const Criterion& c : was->criteria)
        if (std::none_of(rule.criteria.begin(), rule.criteria.end(), [&](const Criterion& x) { return x.id == c.id; }))
          out.push_back({"Bỏ tiêu chuẩn của " + who_vi + ": " + in_quotes(c.text.vi),
                         "Criterion of " + who_en + " removed: " + in_quotes(c.text.en)});
      if (rule.quota != was->quota) {
        auto q = [](const std::optional<int>& v, const char* none) { return v ? std::to_string(*v) : std::string(none); };
        out.push_back({"Số lượng đề nghị " + who_vi + ": " + q(was->quota, "không quy định") + " → " + q(rule.quota, "không quy định") + ".",
                       "Quota of " + who_en + ": " + q(was->quota, "none") + " → " + q(rule.quota, "none") + "."});
      }
    }
  }
  for (const AwardForm& form : before.award_forms)
    if (!after.award_form(form.id))
      out.push_back({"Bỏ hình thức " + in_quotes(form.name.vi) + ".", "Award form " + in_quotes(form.name.en) + " removed."});
  return out;
}

}  // namespace hoso
