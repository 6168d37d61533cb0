#include "store/registry_store.hpp"

#include <algorithm>

#include "core/award.hpp"
#include "core/council.hpp"
#include "core/sha256.hpp"
#include "store/record_readers.hpp"

namespace hoso::store {
namespace {

// Under a register's root ("registry/", or "registers/<campaign>/"):
constexpr std::string_view kPackages = "packages/";
constexpr std::string_view kDecisions = "decisions/";
constexpr std::string_view kSessions = "sessions/";
constexpr std::string_view kAwards = "awards/";
constexpr std::string_view kState = "state.json";
constexpr std::string_view kOtherRegistries = "registers/";

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A register record's name without its root ("packages/…", "state.json"), or nullopt when the name
// is under no register's root.
std::optional<std::string_view> in_a_registry(std::string_view name) {
  if (starts_with(name, kDefaultRegistryRoot)) return name.substr(kDefaultRegistryRoot.size());
  if (!starts_with(name, kOtherRegistries)) return std::nullopt;
  const std::size_t slash = name.find('/', kOtherRegistries.size());
  if (slash == std::string_view::npos) return std::nullopt;
  return name.substr(slash + 1);
}

std::string record(std::string_view dir, std::string_view stem) {
  return std::string(dir) + std::string(stem) + ".json";
}

// Ids that come from units' files may hold anything; record names may not.
bool safe_stem(std::string_view s) {
  if (s.empty() || s.size() > 100 || s[0] == '.') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

std::string stem_for(std::string_view id) { return safe_stem(id) ? std::string(id) : "h-" + sha256_hex(id).substr(0, 40); }

BrokenRecord broken_from(const std::string& name, const DataError& e) {
  return BrokenRecord{name, e.describe(Language::vi), e.describe(Language::en), false};
}

}  // namespace

std::optional<DataError> registry_record_problem(std::string_view name, const nlohmann::json& data) {
  const std::string file(name);
  if (name == kAwardHistoryRecord) return problem_of(history_from_json(data, file));
  if (starts_with(name, kCampaignDrafts)) return problem_of(draft_from_json(file, data));
  const auto rel = in_a_registry(name);
  if (!rel) return std::nullopt;
  if (*rel == kState) return problem_of(registry_state_from_json(data, file));
  if (starts_with(*rel, kPackages)) return problem_of(revision_from_json(data, file));
  if (starts_with(*rel, kDecisions)) return problem_of(decision_from_json(data, file));
  if (starts_with(*rel, kSessions)) return problem_of(meeting_from_json(data, file));
  if (starts_with(*rel, kAwards)) return problem_of(award_from_json(data, file));
  return std::nullopt;
}

bool is_registry_head(std::string_view record_name) {
  const auto rel = in_a_registry(record_name);
  return rel && *rel == kState;
}

std::string registry_root(std::string_view campaign_id) {
  // The first release's register (Plan 32, the only campaign there was) stays where it was.
  if (campaign_id == kDefaultCampaignId) return std::string(kDefaultRegistryRoot);
  return std::string(kOtherRegistries) + stem_for(campaign_id) + "/";
}
std::string revision_record(std::string_view key, std::string_view root) {
  return std::string(root) + record(kPackages, stem_for(key));
}
std::string decision_record(std::string_view dossier_id, std::string_view root) {
  return std::string(root) + record(kDecisions, stem_for(dossier_id));
}
std::string meeting_record(std::string_view meeting_id, std::string_view root) {
  return std::string(root) + record(kSessions, stem_for(meeting_id));
}
std::string award_record(std::string_view award_id, std::string_view root) {
  return std::string(root) + record(kAwards, stem_for(award_id));
}
std::string draft_record(std::string_view key) { return record(kCampaignDrafts, stem_for(key)); }

bool RegistryStore::ours(std::string_view name) const {
  return starts_with(name, root_) || name == kAwardHistoryRecord || starts_with(name, kCampaignDrafts);
}

void RegistryStore::forget_changes() {
  state_dirty_ = history_dirty_ = false;
  revisions_.clear();
  removed_.clear();
  decisions_.clear();
  meetings_.clear();
  awards_.clear();
  removed_awards_.clear();
  drafts_.clear();
}

void RegistryStore::set_root(std::string root) {
  root_ = std::move(root);
  state_held_ = false;
  forget_changes();
}

Result<RegistryLoad> RegistryStore::load(Millis now) {
  auto report = records_.load_all(now);
  if (!report) return report.error();
  return read(*report);
}

RegistryLoad RegistryStore::read(const LoadReport& report) {
  RegistryLoad out;
  // As WorkspaceStore::load: quarantined, previous-only and left-in-place records are reported
  // every time, never dropped silently; only the registry's own are ours to report.
  for (const Quarantined& q : report.quarantined)
    if (ours(q.name))
      out.broken.push_back(BrokenRecord{q.name, q.problem.describe(Language::vi), q.problem.describe(Language::en),
                                        q.previous_valid});
  for (const std::string& name : report.previous_only)
    if (ours(name))
      out.broken.push_back(BrokenRecord{name, "Chỉ còn bản trước của tệp này (bản hiện tại bị thiếu hoặc đã bị để riêng).",
                                        "Only the previous version of this file is left (the current one is missing or was set aside).",
                                        true, BrokenRecord::Kind::previous_only});
  for (const Error& e : report.left_in_place)
    if (ours(e.detail.file))
      out.broken.push_back(BrokenRecord{e.detail.file, e.describe(Language::vi), e.describe(Language::en), false,
                                        BrokenRecord::Kind::left_in_place});
  for (const Recovered& r : report.recovered)
    if (ours(r.name)) out.recovered.push_back(r.name);

  Registry& reg = out.reg;
  for (const Record& rec : report.records) {
    if (rec.name == state_record()) {
      auto head = registry_state_from_json(rec.data, rec.name);
      if (!head) {
        out.broken.push_back(broken_from(rec.name, head.error()));
        continue;
      }
      reg.campaign_id = head->campaign_id;
      reg.log = std::move(head->log);
      reg.closed_at = head->closed_at;
      reg.closed_by = std::move(head->closed_by);
      reg.certificate_layout = std::move(head->certificate_layout);
    } else if (starts_with(rec.name, root_ + std::string(kPackages))) {
      auto p = revision_from_json(rec.data, rec.name);
      if (!p) out.broken.push_back(broken_from(rec.name, p.error()));
      else reg.revisions.push_back(std::move(p.value()));
    } else if (starts_with(rec.name, root_ + std::string(kDecisions))) {
      auto d = decision_from_json(rec.data, rec.name);
      if (!d) out.broken.push_back(broken_from(rec.name, d.error()));
      else reg.decisions.push_back(std::move(d.value()));
    } else if (starts_with(rec.name, root_ + std::string(kSessions))) {
      auto m = meeting_from_json(rec.data, rec.name);
      if (!m) out.broken.push_back(broken_from(rec.name, m.error()));
      else reg.meetings.push_back(std::move(m.value()));
    } else if (rec.name == kAwardHistoryRecord) {
      auto h = history_from_json(rec.data, rec.name);
      if (!h) out.broken.push_back(broken_from(rec.name, h.error()));
      else reg.history = std::move(h.value());
    } else if (starts_with(rec.name, kCampaignDrafts)) {
      auto d = draft_from_json(rec.name, rec.data);
      if (!d) out.broken.push_back(broken_from(rec.name, d.error()));
      else reg.drafts.push_back(std::move(d.value()));
    } else if (starts_with(rec.name, root_ + std::string(kAwards))) {
      auto a = award_from_json(rec.data, rec.name);
      if (!a) out.broken.push_back(broken_from(rec.name, a.error()));
      else reg.awards.push_back(std::move(a.value()));
    }
  }
  for (BrokenRecord& b : out.broken) {
    if (b.previous_valid) continue;
    for (const Quarantined& q : report.quarantined)
      if (q.name == b.name) b.previous_valid = q.previous_valid;
  }
  // The register's order (records come by name): revisions as received, decisions by dossier id,
  // meetings as created.
  sort_registry(reg);
  std::stable_sort(reg.meetings.begin(), reg.meetings.end(),
                   [](const CouncilMeeting& a, const CouncilMeeting& b) { return a.created < b.created; });
  std::stable_sort(reg.drafts.begin(), reg.drafts.end(),
                   [](const CampaignDraft& a, const CampaignDraft& b) { return a.created < b.created; });
  std::stable_sort(reg.awards.begin(), reg.awards.end(),
                   [](const AwardDecision& a, const AwardDecision& b) { return a.recorded < b.recorded; });
  state_held_ = std::any_of(out.broken.begin(), out.broken.end(),
                            [&](const BrokenRecord& b) { return b.name == state_record(); });
  forget_changes();
  return out;
}

void RegistryStore::mark(const RegistryChanges& c) {
  state_dirty_ = state_dirty_ || c.state;
  history_dirty_ = history_dirty_ || c.history;
  for (const std::string& k : c.revisions) {
    revisions_.insert(k);
    removed_.erase(k);
  }
  for (const std::string& k : c.removed_revisions) {
    removed_.insert(k);
    revisions_.erase(k);
  }
  decisions_.insert(c.decisions.begin(), c.decisions.end());
  meetings_.insert(c.meetings.begin(), c.meetings.end());
  drafts_.insert(c.drafts.begin(), c.drafts.end());
  for (const std::string& k : c.awards) {
    awards_.insert(k);
    removed_awards_.erase(k);
  }
  for (const std::string& k : c.removed_awards) {
    removed_awards_.insert(k);
    awards_.erase(k);
  }
}

void RegistryStore::mark_all_dirty(const Registry& r) {
  state_dirty_ = true;
  history_dirty_ = !r.history.empty();
  for (const PackageRevision& p : r.revisions) revisions_.insert(p.key());
  for (const Decision& d : r.decisions) decisions_.insert(d.dossier_id);
  for (const CouncilMeeting& m : r.meetings) meetings_.insert(m.id);
  for (const AwardDecision& a : r.awards) awards_.insert(a.id);
  for (const CampaignDraft& d : r.drafts) drafts_.insert(d.key);
}

bool RegistryStore::dirty() const {
  return state_dirty_ || history_dirty_ || !revisions_.empty() || !removed_.empty() || !decisions_.empty() || !meetings_.empty() ||
         !awards_.empty() || !removed_awards_.empty() || !drafts_.empty();
}

FlushResult RegistryStore::flush(const Registry& r, Millis now) {
  FlushResult result;
  auto save = [&](const std::string& name, const nlohmann::json& data) {
    auto s = records_.save(name, data, now);
    if (!s) {
      result.errors.push_back(s.error());
      return false;
    }
    if (s->written) ++result.written;
    return true;
  };
  // Contents before the head, so a crash in between leaves records the head does not yet
  // mention rather than a head naming records that are missing.
  for (auto it = revisions_.begin(); it != revisions_.end();) {
    const PackageRevision* p = r.revision(*it);
    if (!p || save(revision_record(*it, root_), to_json(*p))) it = revisions_.erase(it);
    else ++it;
  }
  for (auto it = decisions_.begin(); it != decisions_.end();) {
    const Decision* d = r.decision(*it);
    if (!d || save(decision_record(*it, root_), to_json(*d))) it = decisions_.erase(it);
    else ++it;
  }
  for (auto it = meetings_.begin(); it != meetings_.end();) {
    const CouncilMeeting* m = r.meeting(*it);
    if (!m || save(meeting_record(*it, root_), to_json(*m))) it = meetings_.erase(it);
    else ++it;
  }
  for (auto it = awards_.begin(); it != awards_.end();) {
    const AwardDecision* a = r.award(*it);
    if (!a || save(award_record(*it, root_), to_json(*a))) it = awards_.erase(it);
    else ++it;
  }
  for (auto it = drafts_.begin(); it != drafts_.end();) {
    const CampaignDraft* d = r.draft(*it);
    if (!d || save(draft_record(*it), draft_to_json(*d))) it = drafts_.erase(it);
    else ++it;
  }
  auto remove_all = [&](std::set<std::string, std::less<>>& keys,
                        std::string (*record_of)(std::string_view, std::string_view)) {
    for (auto it = keys.begin(); it != keys.end();) {
      auto s = records_.remove(record_of(*it, root_), now);
      if (s || s.error().kind == ErrorKind::not_found) it = keys.erase(it);
      else {
        result.errors.push_back(s.error());
        ++it;
      }
    }
  };
  if (history_dirty_ && save(std::string(kAwardHistoryRecord), history_json(r.history))) history_dirty_ = false;
  remove_all(removed_, revision_record);
  remove_all(removed_awards_, award_record);
  if (state_dirty_ && state_held_) result.errors.push_back(held_unreadable_error(state_record()));
  else if (state_dirty_ && save(state_record(), registry_state_json(r))) state_dirty_ = false;
  return result;
}

Completed RegistryStore::restore_previous(std::string_view record_name, Millis now) {
  auto r = records_.restore_previous(record_name, now);
  if (!r) return r.error();
  return Done{};
}

Completed RegistryStore::start_over(std::string_view record_name, Millis now) {
  if (auto s = records_.set_aside(record_name, now); !s) return s;
  if (record_name == state_record()) {
    state_held_ = false;
    state_dirty_ = true;
  }
  return Done{};
}

Completed RegistryStore::put_attachment(std::string_view sha256, std::string_view bytes) {
  return records_.write_blob(sha256, bytes);
}

Result<std::string> RegistryStore::attachment(std::string_view sha256) const { return records_.read_blob(sha256); }

}  // namespace hoso::store
