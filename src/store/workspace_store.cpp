#include "store/workspace_store.hpp"

#include <algorithm>
#include <filesystem>

#include "store/store_files.hpp"

namespace hoso::store {
namespace {

constexpr std::string_view kDossierDir = "dossiers/";
constexpr std::string_view kMinutesDir = "minutes/";
constexpr std::string_view kCampaignDir = "campaigns/";
constexpr std::string_view kJson = ".json";

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The settings record holds the workspace without its dossiers and minutes.
nlohmann::json settings_record(const Workspace& w) {
  Workspace head;
  head.workspace_id = w.workspace_id;
  head.settings = w.settings;
  head.campaign_id = w.campaign_id;
  head.exports = w.exports;
  head.campaign_exports = w.campaign_exports;
  head.campaign_marks = w.campaign_marks;
  return to_json(head);
}

BrokenRecord broken_from(const std::string& name, const DataError& e) {
  return BrokenRecord{name, e.describe(Language::vi), e.describe(Language::en), false};
}

}  // namespace

std::string dossier_record(std::string_view id) { return std::string(kDossierDir) + std::string(id) + std::string(kJson); }
std::string minutes_record(std::string_view id) { return std::string(kMinutesDir) + std::string(id) + std::string(kJson); }
std::string campaign_record(std::string_view id, int version) {
  return std::string(kCampaignDir) + std::string(id) + "_v" + std::to_string(version) + std::string(kJson);
}

Result<WorkspaceLoad> WorkspaceStore::load(Millis now) {
  auto report = records_.load_all(now);
  if (!report) return report.error();
  WorkspaceLoad out;
  for (const Quarantined& q : report->quarantined)
    out.broken.push_back(BrokenRecord{q.name, q.problem.describe(Language::vi), q.problem.describe(Language::en),
                                      q.previous_valid});
  // A lone ".prev" (the current file is gone: moved to quarantine on an earlier start, or lost)
  // and a record left in place (written by a newer hoso, or unreadable) are not part of the
  // workspace either: say so every time, never drop them silently.
  for (const std::string& name : report->previous_only)
    out.broken.push_back(BrokenRecord{name, "Chỉ còn bản trước của tệp này (bản hiện tại bị thiếu hoặc đã bị để riêng).",
                                      "Only the previous version of this file is left (the current one is missing or "
                                      "was set aside).",
                                      true, BrokenRecord::Kind::previous_only});
  for (const Error& e : report->left_in_place)
    out.broken.push_back(BrokenRecord{e.detail.file, e.describe(Language::vi), e.describe(Language::en), false,
                                      BrokenRecord::Kind::left_in_place});
  for (const Recovered& r : report->recovered) out.recovered.push_back(r.name);

  for (const Record& rec : report->records) {
    if (rec.name == kWorkspaceRecord) {
      auto head = workspace_from_json(rec.data, rec.name);
      if (!head) {
        out.broken.push_back(broken_from(rec.name, head.error()));
        continue;
      }
      out.workspace.workspace_id = head->workspace_id;
      out.workspace.settings = head->settings;
      out.workspace.campaign_id = head->campaign_id;
      out.workspace.exports = head->exports;
      out.workspace.campaign_exports = head->campaign_exports;
      out.workspace.campaign_marks = head->campaign_marks;
    } else if (starts_with(rec.name, kDossierDir)) {
      auto d = dossier_from_json(rec.data, rec.name);
      if (!d) out.broken.push_back(broken_from(rec.name, d.error()));
      else out.workspace.dossiers.push_back(std::move(d.value()));
    } else if (starts_with(rec.name, kMinutesDir)) {
      auto m = minutes_from_json(rec.data, rec.name);
      if (!m) out.broken.push_back(broken_from(rec.name, m.error()));
      else out.workspace.minutes.push_back(std::move(m.value()));
    } else if (starts_with(rec.name, kCampaignDir)) {
      auto h = held_campaign_from_json(rec.data, rec.name);
      if (!h) out.broken.push_back(broken_from(rec.name, h.error()));
      else out.workspace.campaigns.push_back(std::move(h.value()));
    }
  }
  // A record that parsed but is invalid stays on disk untouched; say whether its previous
  // version would load.
  for (BrokenRecord& b : out.broken) {
    if (b.previous_valid) continue;
    for (const Quarantined& q : report->quarantined)
      if (q.name == b.name) b.previous_valid = q.previous_valid;
  }
  // Stable order for people: most recently created last, as they were made.
  std::stable_sort(out.workspace.dossiers.begin(), out.workspace.dossiers.end(),
                   [](const Dossier& a, const Dossier& b) { return a.created < b.created; });
  std::stable_sort(out.workspace.minutes.begin(), out.workspace.minutes.end(),
                   [](const Minutes& a, const Minutes& b) { return a.created < b.created; });
  std::stable_sort(out.workspace.campaigns.begin(), out.workspace.campaigns.end(),
                   [](const HeldCampaign& a, const HeldCampaign& b) { return a.accepted < b.accepted; });
  settings_held_ = std::any_of(out.broken.begin(), out.broken.end(),
                               [](const BrokenRecord& b) { return b.name == kWorkspaceRecord; });
  settings_dirty_ = false;
  dirty_campaigns_.clear();
  dirty_dossiers_.clear();
  dirty_minutes_.clear();
  removed_dossiers_.clear();
  removed_minutes_.clear();
  return out;
}

void WorkspaceStore::mark_all_dirty(const Workspace& w) {
  settings_dirty_ = true;
  for (const Dossier& d : w.dossiers) dirty_dossiers_.insert(d.id);
  for (const Minutes& m : w.minutes) dirty_minutes_.insert(m.id);
  for (const HeldCampaign& h : w.campaigns) mark_campaign_dirty(h);
}

bool WorkspaceStore::dirty() const {
  return settings_dirty_ || !dirty_dossiers_.empty() || !dirty_minutes_.empty() || !removed_dossiers_.empty() ||
         !removed_minutes_.empty() || !dirty_campaigns_.empty();
}

FlushResult WorkspaceStore::flush(const Workspace& w, Millis now) {
  FlushResult result;
  auto save = [&](const std::string& name, const nlohmann::json& data) {
    auto r = records_.save(name, data, now);
    if (!r) {
      result.errors.push_back(r.error());
      return false;
    }
    if (r->written) ++result.written;
    return true;
  };
  // Campaigns before the settings that may name one as active.
  for (auto it = dirty_campaigns_.begin(); it != dirty_campaigns_.end();) {
    const HeldCampaign* held = nullptr;
    for (const HeldCampaign& h : w.campaigns)
      if (campaign_record(h.id, h.version) == *it) held = &h;
    if (!held || save(*it, to_json(*held))) it = dirty_campaigns_.erase(it);
    else ++it;
  }
  if (settings_dirty_ && settings_held_) result.errors.push_back(held_unreadable_error(kWorkspaceRecord));
  else if (settings_dirty_ && save(std::string(kWorkspaceRecord), settings_record(w))) settings_dirty_ = false;

  for (auto it = dirty_dossiers_.begin(); it != dirty_dossiers_.end();) {
    const Dossier* d = w.dossier(*it);
    if (!d || save(dossier_record(*it), to_json(*d))) it = dirty_dossiers_.erase(it);
    else ++it;
  }
  for (auto it = dirty_minutes_.begin(); it != dirty_minutes_.end();) {
    const Minutes* m = w.find_minutes(*it);
    if (!m || save(minutes_record(*it), to_json(*m))) it = dirty_minutes_.erase(it);
    else ++it;
  }
  auto remove = [&](std::set<std::string, std::less<>>& ids, auto record_name) {
    for (auto it = ids.begin(); it != ids.end();) {
      auto s = records_.remove(record_name(*it), now);
      if (s || s.error().kind == ErrorKind::not_found) it = ids.erase(it);
      else {
        result.errors.push_back(s.error());
        ++it;
      }
    }
  };
  remove(removed_dossiers_, [](std::string_view id) { return dossier_record(id); });
  remove(removed_minutes_, [](std::string_view id) { return minutes_record(id); });
  return result;
}

Completed WorkspaceStore::restore_previous(std::string_view record_name, Millis now) {
  auto r = records_.restore_previous(record_name, now);
  if (!r) return r.error();
  return Done{};
}

Completed WorkspaceStore::start_over(std::string_view record_name, Millis now) {
  if (auto s = records_.set_aside(record_name, now); !s) return s;
  if (record_name == kWorkspaceRecord) {
    settings_held_ = false;
    settings_dirty_ = true;
  }
  return Done{};
}

Completed WorkspaceStore::put_attachment(std::string_view sha256, std::string_view bytes) {
  return records_.write_blob(sha256, bytes);
}

Result<std::string> WorkspaceStore::attachment(std::string_view sha256) const { return records_.read_blob(sha256); }

Result<WorkspaceStore::Garbage> WorkspaceStore::collect_garbage(const std::set<std::string, std::less<>>& in_memory) {
  namespace fs = std::filesystem;
  auto blobs = records_.list_blobs();
  if (!blobs) return blobs.error();
  if (blobs->empty()) return Garbage{};
  std::set<std::string, std::less<>> used(in_memory.begin(), in_memory.end());
  const fs::path& root = records_.root();
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it.depth() == 0 && it->is_directory(ec)) {
      const std::string top = it->path().filename().string();
      if (top == "blobs" || top == "trash" || top == "quarantine") {
        it.disable_recursion_pending();
        continue;
      }
    }
    if (!it->is_regular_file(ec)) continue;
    const std::string shown = relative_name(root, it->path());
    auto text = read_file(it->path(), shown, kMaxRecordBytes);
    // A file that cannot be read may name anything: keep every blob.
    if (!text) return Garbage{};
    const std::string& t = *text;
    for (std::size_t i = 0; i < t.size();) {
      std::size_t j = i;
      while (j < t.size() && ((t[j] >= '0' && t[j] <= '9') || (t[j] >= 'a' && t[j] <= 'f'))) ++j;
      if (j - i == 64) used.insert(t.substr(i, 64));
      i = j == i ? i + 1 : j;
    }
  }
  if (ec) return Garbage{};  // the walk stopped early: what it missed may refer to anything
  Garbage out;
  const auto named_by_content = [](const std::string& n) {
    return n.size() == 64 && std::all_of(n.begin(), n.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  };
  for (const BlobInfo& b : *blobs) {
    if (used.count(b.name) || !named_by_content(b.name)) continue;  // only content-named blobs are ours to judge
    if (records_.remove_blob(b.name)) {
      ++out.removed;
      out.bytes += b.bytes;
    }
  }
  return out;
}

}  // namespace hoso::store
