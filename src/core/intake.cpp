// Intake: package files -> an intake report -> the register; and the two explicit acts on
// revisions (removal, a choice in a conflict). See intake.hpp.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/library.hpp"
#include "core/intake.hpp"
#include "core/registry_detail.hpp"
#include "core/text.hpp"

namespace hoso {

using json_in::in_quotes;
using nlohmann::json;
using namespace registry_detail;

std::string_view to_string(IntakeKind k) {
  switch (k) {
    case IntakeKind::refused: return "refused";
    case IntakeKind::new_package: return "new_package";
    case IntakeKind::newer_revision: return "newer_revision";
    case IntakeKind::older_revision: return "older_revision";
    case IntakeKind::duplicate: return "duplicate";
    case IntakeKind::conflict: return "conflict";
  }
  return {};
}

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::accepted: return "accepted";
    case Verdict::accepted_with_warnings: return "accepted_with_warnings";
    case Verdict::kept_aside: return "kept_aside";
    case Verdict::skipped: return "skipped";
    case Verdict::refused: return "refused";
  }
  return {};
}

Bilingual verdict_label(Verdict v) {
  switch (v) {
    case Verdict::accepted: return {"Đã nhận", "Accepted"};
    case Verdict::accepted_with_warnings: return {"Đã nhận, có lưu ý", "Accepted with warnings"};
    case Verdict::kept_aside: return {"Để riêng chờ xử lý", "Kept aside for a decision"};
    case Verdict::skipped: return {"Bỏ qua (trùng)", "Skipped (duplicate)"};
    case Verdict::refused: return {"Không nhận", "Refused"};
  }
  return {};
}

Verdict IntakeEntry::verdict() const {
  switch (kind) {
    case IntakeKind::refused: return Verdict::refused;
    case IntakeKind::duplicate: return Verdict::skipped;
    case IntakeKind::conflict: return Verdict::kept_aside;
    default: return notes.empty() ? Verdict::accepted : Verdict::accepted_with_warnings;
  }
}

Bilingual IntakeEntry::summary() const {
  if (kind == IntakeKind::refused)
    return refusal ? Bilingual{"Không nhận: " + refusal->describe(Language::vi), "Refused: " + refusal->describe(Language::en)}
                   : Bilingual{"Không nhận.", "Refused."};
  const PackageHeader& h = package->header;
  const std::string unit = in_quotes(h.sender.unit_name), n = std::to_string(h.revision),
                    m = std::to_string(other_revision), count = std::to_string(package->dossiers.size());
  const std::string other = in_quotes(other_file) + ", " + to_display_vietnam(other_received);
  switch (kind) {
    case IntakeKind::new_package:
      return {"Gói mới của " + unit + ", lần gửi " + n + ", " + count + " hồ sơ.",
              "New package from " + unit + ", revision " + n + ", " + count + " dossier(s)."};
    case IntakeKind::newer_revision:
      return {"Lần gửi " + n + " của " + unit + ", thay lần gửi " + m + " (" + other + ").",
              "Revision " + n + " from " + unit + ", superseding revision " + m + " (" + other + ")."};
    case IntakeKind::older_revision:
      return {"Lần gửi " + n + " của " + unit + ", cũ hơn lần gửi " + m + " đã có: lưu làm lịch sử.",
              "Revision " + n + " from " + unit + ", older than revision " + m + " already held: kept as history."};
    case IntakeKind::duplicate:
      return {"Trùng với lần gửi " + n + " đã nhận (" + other + "): bỏ qua.",
              "The same as revision " + n + " already received (" + other + "): skipped."};
    case IntakeKind::conflict:
      return {"Xung đột với lần gửi " + m + " (" + other + "): cùng mã gói, nội dung khác, không nối tiếp; để riêng chờ người xử lý.",
              "Conflicts with revision " + m + " (" + other + "): the same package id with other content, not chained; kept aside for a person to decide."};
    case IntakeKind::refused: break;
  }
  return {};
}

int IntakeReport::count(Verdict v) const {
  return static_cast<int>(std::count_if(entries.begin(), entries.end(), [v](const IntakeEntry& e) { return e.verdict() == v; }));
}

namespace {

// A revision the placing knows: in the register, or placed earlier in the batch.
struct Known {
  const PackageHeader* header;
  std::string file;
  Millis received = 0;
  bool set_aside = false;
  const std::vector<Dossier>* dossiers;
};

// What a package in force nominates, for the cross-unit notes.
struct Nominations {
  std::string unit_id, unit_name;
  std::vector<std::string> keys;  // nominee_key of its live dossiers
  std::vector<std::string> dossier_ids;
};

class Placer {
 public:
  Placer(const Registry& r, const Deadline& deadline) : r_(r), deadline_(deadline) {
    const std::vector<bool> live = in_force(r);
    for (std::size_t i = 0; i < r.revisions.size(); ++i) {
      const PackageRevision& p = r.revisions[i];
      known_.push_back({&p.header, p.file_name, p.received, p.set_aside, &p.dossiers});
      if (live[i]) nominate(p.header, p.dossiers);
    }
  }

  // Sets the entry's kind, the revision it is compared with, lateness and notes, and remembers it
  // when it joins the register. Returns the dossiers that changed against the revision superseded.
  std::vector<std::string> place(IntakeEntry& e) {
    const PackageHeader& h = e.package->header;
    e.notes.clear();
    e.lateness = lateness(deadline_, h.created, e.received);
    const Known* other = nullptr;
    e.kind = decide(h, e, other);
    e.other_revision = other ? other->header->revision : 0;
    e.other_file = other ? other->file : std::string();
    e.other_received = other ? other->received : 0;
    std::vector<std::string> changed;
    if (e.kind == IntakeKind::duplicate) return changed;

    const Bilingual late = describe(e.lateness, deadline_);
    if (!late.vi.empty()) e.notes.push_back({e.lateness.late ? intake_note::late : intake_note::clock, late});
    for (const DataError& w : e.package->warnings) e.notes.push_back({intake_note::campaign, w.what});
    other_workspace_note(e);
    if (e.kind == IntakeKind::newer_revision || e.kind == IntakeKind::new_package) {
      cross_unit_notes(e);
      if (e.kind == IntakeKind::newer_revision) changed = changed_dossiers(e, *other);
    }
    known_.push_back({&h, e.file_name, e.received, e.kind == IntakeKind::conflict, &e.package->dossiers});
    if (e.kind == IntakeKind::newer_revision || e.kind == IntakeKind::new_package) nominate(h, e.package->dossiers);
    return changed;
  }

  // apply_intake moves the dossiers into the register: point the last known revision there.
  void rebind_last(const std::vector<Dossier>* dossiers) { known_.back().dossiers = dossiers; }

 private:
  IntakeKind decide(const PackageHeader& h, IntakeEntry& e, const Known*& other) {
    std::vector<const Known*> same;
    for (const Known& k : known_)
      if (k.header->id == h.id) same.push_back(&k);
    auto find = [&](auto pred) -> const Known* {
      for (const Known* k : same)
        if (pred(*k)) return k;
      return nullptr;
    };
    if (same.empty()) return IntakeKind::new_package;
    if ((other = find([&](const Known& k) { return k.header->content_hash == h.content_hash; })))
      return IntakeKind::duplicate;
    // One package id is one unit's submission: another sender is never a revision of it.
    if ((other = find([&](const Known& k) { return k.header->sender.unit_id != h.sender.unit_id; }))) {
      const std::string theirs = in_quotes(other->header->sender.unit_name), mine = in_quotes(h.sender.unit_name);
      e.notes.push_back({intake_note::other_sender,
                         {"Cùng mã gói nhưng do " + mine + " gửi, còn bản đã có do " + theirs + " gửi.",
                          "The same package id, but sent by " + mine + " while the one held was sent by " + theirs + "."}});
      return IntakeKind::conflict;
    }
    if ((other = find([&](const Known& k) { return k.header->revision == h.revision; }))) return IntakeKind::conflict;
    const Known* latest = nullptr;
    for (const Known* k : same)
      if (!k->set_aside && (!latest || k->header->revision > latest->header->revision)) latest = k;
    other = latest;
    if (!latest) return IntakeKind::new_package;  // only conflicts were held: nothing is in force
    const bool newer = h.revision > latest->header->revision;
    // The neighbour in the chain: the revision before a newer one, the one after an older one.
    const int next_to = newer ? h.revision - 1 : h.revision + 1;
    const Known* chained = find([&](const Known& k) {
      return k.header->revision == next_to &&
             (newer ? k.header->content_hash == h.previous_hash : k.header->previous_hash == h.content_hash);
    });
    if (chained && !chained->set_aside) return newer ? IntakeKind::newer_revision : IntakeKind::older_revision;
    if (const Known* neighbour = chained ? chained : find([&](const Known& k) { return k.header->revision == next_to; })) {
      other = neighbour;  // there, but not chained to this one (or set aside): a person decides
      return IntakeKind::conflict;
    }
    // A gap (r3 after r1): the chain cannot be checked; the unit's own id still links them.
    const std::string missing = std::to_string(next_to);
    e.notes.push_back({intake_note::revision_gap,
                       {"Chưa nhận lần gửi " + missing + " của gói này: không kiểm tra được chuỗi lần gửi.",
                        "Revision " + missing + " of this package was never received: the chain cannot be checked."}});
    return newer ? IntakeKind::newer_revision : IntakeKind::older_revision;
  }

  // A package's revisions come from the workspace that opened the chain. One made elsewhere
  // may be the unit on a new computer, or someone carrying on the unit's chain with its file: the
  // hash cannot tell them apart, the signed cover list can (docs/PACKAGE.md).
  void other_workspace_note(IntakeEntry& e) {
    const PackageHeader& h = e.package->header;
    if (h.workspace_id.empty()) return;  // format 1: made before workspaces had ids
    for (const Known& k : known_) {
      if (k.header->id != h.id || k.header->workspace_id.empty() || k.header->workspace_id == h.workspace_id) continue;
      e.notes.push_back({intake_note::other_workspace,
                         {"Lần gửi " + std::to_string(h.revision) + " được lập ở nơi khác (trình duyệt hoặc máy khác) "
                          "với lần gửi " + std::to_string(k.header->revision) + " của gói này. Có thể đơn vị đã đổi máy; "
                          "cũng có thể người khác đã dùng tệp của đơn vị. Hãy đối chiếu mã kiểm tra với phiếu trình có "
                          "chữ ký, đóng dấu của đơn vị trước khi dùng.",
                          "Revision " + std::to_string(h.revision) + " was made somewhere else (another browser or "
                          "computer) than revision " + std::to_string(k.header->revision) + " of this package. The unit "
                          "may have changed computers; someone else may also have used the unit's file. Compare the "
                          "check code with the unit's signed and stamped cover list before relying on it."}});
      return;
    }
  }

  void nominate(const PackageHeader& h, const std::vector<Dossier>& dossiers) {
    Nominations& n = by_package_[h.id];
    n = Nominations{h.sender.unit_id, h.sender.unit_name, {}, {}};
    for (const Dossier& d : dossiers) {
      n.dossier_ids.push_back(d.id);
      if (!is_live(status_of(r_, d.id))) continue;
      std::string key = nominee_key(d.nominee);
      if (!key.empty()) n.keys.push_back(std::move(key));
    }
  }

  // The same nominee or dossier id in another package in force (another unit, or another chain).
  void cross_unit_notes(IntakeEntry& e) {
    const PackageHeader& h = e.package->header;
    std::unordered_map<std::string_view, const Nominations*> keys, ids;
    for (const auto& [id, n] : by_package_) {
      if (id == h.id) continue;
      for (const std::string& k : n.keys) keys.emplace(k, &n);
      for (const std::string& d : n.dossier_ids) ids.emplace(d, &n);
    }
    for (const Dossier& d : e.package->dossiers) {
      const std::string name = in_quotes(display_name(d.nominee)), key = nominee_key(d.nominee);
      if (auto it = keys.find(key); !key.empty() && it != keys.end()) {
        const std::string unit = in_quotes(it->second->unit_name);
        e.notes.push_back({intake_note::same_nominee,
                           {name + " cũng được " + unit + " đề nghị.", name + " is also proposed by " + unit + "."}});
      }
      if (auto it = ids.find(d.id); it != ids.end()) {
        const std::string unit = in_quotes(it->second->unit_name);
        e.notes.push_back({intake_note::same_dossier,
                           {"Hồ sơ " + name + " (cùng mã) đã có trong một gói khác của " + unit + ".",
                            "The dossier " + name + " (the same id) is already in another package from " + unit + "."}});
      }
    }
  }

  std::vector<std::string> changed_dossiers(IntakeEntry& e, const Known& before) {
    std::vector<std::string> changed;
    for (const Dossier& d : e.package->dossiers) {
      auto old = std::find_if(before.dossiers->begin(), before.dossiers->end(), [&](const Dossier& o) { return o.id == d.id; });
      if (old == before.dossiers->end() || same_content(*old, d)) continue;
      changed.push_back(d.id);
      const Status s = status_of(r_, d.id);
      if (s == Status::received) continue;
      const std::string name = in_quotes(display_name(d.nominee));
      const Bilingual was = status_label(s);
      const bool back = s == Status::eligible || s == Status::returned;
      e.notes.push_back({intake_note::changed_after_decision,
                         back ? Bilingual{"Hồ sơ " + name + " (" + was.vi + ") có nội dung mới: trở lại “Đã nhận” để kiểm tra lại.",
                                          "The dossier " + name + " (" + was.en + ") has new content: back to “Received” to be checked again."}
                              : Bilingual{"Hồ sơ " + name + " đã ở trạng thái “" + was.vi + "” nhưng có nội dung mới: cần xem lại.",
                                          "The dossier " + name + " is already “" + was.en + "” but has new content: review it."}});
    }
    return changed;
  }

  const Registry& r_;
  Deadline deadline_;
  std::vector<Known> known_;
  std::unordered_map<std::string, Nominations> by_package_;
};

// Files with a package, in the order they are placed: by revision, so a chain reads forwards
// whatever order the files came in; equal revisions keep the files' order.
std::vector<std::size_t> placing_order(const IntakeReport& rep) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < rep.entries.size(); ++i)
    if (rep.entries[i].package) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return rep.entries[a].package->header.revision < rep.entries[b].package->header.revision;
  });
  return order;
}

}  // namespace

IntakeReport classify(const Library& lib, const Registry& r, std::span<const IncomingFile> files,
                      const VerifyLimits& limits) {
  IntakeReport rep;
  if (const Campaign* c = lib.campaign(r.campaign_id)) rep.deadline = c->deadline;
  rep.entries.resize(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    IntakeEntry& e = rep.entries[i];
    e.file_name = files[i].name;
    e.received = whole_seconds(files[i].received);
    auto v = verify_package(lib, files[i].name, files[i].bytes, limits);
    if (!v) {
      e.refusal = v.error();
      continue;
    }
    if (v->header.campaign.id != r.campaign_id) {
      // Each campaign has its own register: say which one the package goes to.
      const std::string theirs = in_quotes(v->header.campaign.id), ours = in_quotes(r.campaign_id);
      const Campaign* held = lib.campaign(v->header.campaign.id);
      const Bilingual what =
          held ? Bilingual{"Gói thuộc kế hoạch " + theirs + ", sổ này là của kế hoạch " + ours +
                               ": không nhận ở đây. Chọn đợt " + held->plan.number +
                               " ở mục Đợt thi đua (Mở sổ của đợt này) rồi nhận lại gói.",
                           "The package belongs to the campaign " + theirs + "; this register is for " + ours +
                               ": refused here. Choose the campaign " + held->plan.number +
                               " under Campaigns (Open its register), then take the package again."}
               : Bilingual{"Gói thuộc kế hoạch " + theirs + ", sổ này là của kế hoạch " + ours +
                               "; Văn phòng chưa có đợt thi đua này: không nhận.",
                           "The package belongs to the campaign " + theirs + "; this register is for " + ours +
                               ", and the Office does not hold that campaign: refused."};
      e.refusal = DataError{files[i].name, "campaign.id", what};
      continue;
    }
    e.package = std::move(v.value());
  }
  Placer placer(r, rep.deadline);
  for (std::size_t i : placing_order(rep)) placer.place(rep.entries[i]);
  return rep;
}

IntakeApplied apply_intake(Registry& r, IntakeReport report, const EditContext& ctx) {
  IntakeApplied out;
  const std::vector<std::size_t> order = placing_order(report);
  // The placer keeps pointers to the register's dossiers: no reallocation while it works.
  r.revisions.reserve(r.revisions.size() + order.size());
  Placer placer(r, report.deadline);
  std::set<std::string, std::less<>> stored;
  for (std::size_t i : order) {
    IntakeEntry& e = report.entries[i];
    const std::vector<std::string> changed = placer.place(e);
    if (e.kind == IntakeKind::duplicate) continue;
    VerifiedPackage& v = *e.package;
    for (PackageAttachment& a : v.attachments)
      if (stored.insert(a.sha256).second) out.attachments.push_back(std::move(a));

    PackageRevision p;
    p.header = v.header;
    p.file_name = e.file_name;
    p.received = e.received;
    p.set_aside = e.kind == IntakeKind::conflict;
    for (const IntakeNote& n : e.notes) p.notes.push_back(n.text);
    p.minutes = std::move(v.minutes);
    p.dossiers = std::move(v.dossiers);
    r.revisions.push_back(std::move(p));
    const PackageRevision& added = r.revisions.back();
    placer.rebind_last(&added.dossiers);
    out.changes.revisions.push_back(added.key());
    ++out.added;

    if (e.kind != IntakeKind::new_package && e.kind != IntakeKind::newer_revision) continue;
    for (const Dossier& d : added.dossiers) {
      bool created = false;
      Decision& dec = decision_for(r, d.id, ctx, created);
      const bool again = std::find(changed.begin(), changed.end(), d.id) != changed.end() &&
                         (dec.status == Status::eligible || dec.status == Status::returned);
      if (again && !move_status(dec, Status::received, {}, ctx)) continue;
      if (created || again) out.changes.decisions.push_back(d.id);
    }
  }
  sort_registry(r);
  return out;
}

Outcome<RegistryChanges> remove_revision(Registry& r, std::string_view key, std::string_view reason,
                                         const EditContext& ctx) {
  auto it = std::find_if(r.revisions.begin(), r.revisions.end(), [&](const PackageRevision& p) { return p.key() == key; });
  if (it == r.revisions.end())
    return refusal("revisions", "Không có lần gửi " + in_quotes(key) + " trong sổ.", "The register holds no revision " + in_quotes(key) + ".");
  if (text::trim(reason).empty())
    return refusal("reason", "Cần ghi lý do xoá lần gửi này khỏi sổ.", "Give the reason for removing this revision from the register.");
  const PackageRevision removed = std::move(*it);
  const std::size_t at = static_cast<std::size_t>(it - r.revisions.begin());
  r.revisions.erase(it);
  // A council vote on a dossier that only this revision holds would lose its nominee.
  for (const CouncilMeeting& m : r.meetings)
    for (const CouncilVote& v : m.votes)
      if (!r.find_dossier(v.dossier_id).dossier &&
          std::any_of(removed.dossiers.begin(), removed.dossiers.end(), [&](const Dossier& d) { return d.id == v.dossier_id; })) {
        r.revisions.insert(r.revisions.begin() + static_cast<std::ptrdiff_t>(at), removed);
        return refusal("meetings", "Hội đồng đã biểu quyết về hồ sơ trong lần gửi này: không xoá được.",
                       "The council has voted on a dossier of this revision: it cannot be removed.");
      }
  r.log.push_back({whole_seconds(ctx.now), ctx.author, "packages/" + std::string(key),
                   json{{"file_name", removed.file_name},
                        {"unit_name", removed.header.sender.unit_name},
                        {"revision", removed.header.revision},
                        {"received", to_iso_instant(removed.received)}},
                   nullptr, text::nfc(text::trim(reason))});
  RegistryChanges out;
  out.state = true;
  out.removed_revisions.push_back(std::string(key));
  return out;
}

Outcome<RegistryChanges> confirm_cover_list(Registry& r, std::string_view key, const EditContext& ctx) {
  auto it = std::find_if(r.revisions.begin(), r.revisions.end(), [&](const PackageRevision& p) { return p.key() == key; });
  if (it == r.revisions.end())
    return refusal("revisions", "Không có lần gửi " + in_quotes(key) + " trong sổ.", "The register holds no revision " + in_quotes(key) + ".");
  RegistryChanges out;
  if (it->cover_list_checked) return out;
  it->cover_list_checked = whole_seconds(ctx.now);
  it->cover_list_checked_by = ctx.author;
  out.revisions.push_back(it->key());
  r.log.push_back({it->cover_list_checked, ctx.author, "packages/" + std::string(key) + ".cover_list_checked", nullptr,
                   check_code(it->header.content_hash), ""});
  out.state = true;
  return out;
}

Outcome<RegistryChanges> choose_revision(Registry& r, std::string_view key, std::string_view reason,
                                         const EditContext& ctx) {
  auto it = std::find_if(r.revisions.begin(), r.revisions.end(), [&](const PackageRevision& p) { return p.key() == key; });
  if (it == r.revisions.end())
    return refusal("revisions", "Không có lần gửi " + in_quotes(key) + " trong sổ.", "The register holds no revision " + in_quotes(key) + ".");
  if (standing(r, *it) == Standing::in_force)
    return refusal("revisions", "Lần gửi này đang được dùng.", "This revision is already in force.");
  if (text::trim(reason).empty())
    return refusal("reason", "Cần ghi lý do chọn lần gửi này.", "Give the reason for choosing this revision.");
  RegistryChanges out;
  PackageRevision& chosen = *it;
  chosen.set_aside = false;
  out.revisions.push_back(chosen.key());
  for (PackageRevision& p : r.revisions)
    if (&p != &chosen && p.header.id == chosen.header.id && p.header.revision >= chosen.header.revision && !p.set_aside) {
      p.set_aside = true;
      out.revisions.push_back(p.key());
    }
  for (const Dossier& d : chosen.dossiers) {
    bool created = false;
    decision_for(r, d.id, ctx, created);
    if (created) out.decisions.push_back(d.id);
  }
  r.log.push_back({whole_seconds(ctx.now), ctx.author, "packages/" + std::string(key), "set_aside", "in_force",
                   text::nfc(text::trim(reason))});
  out.state = true;
  return out;
}

// ---- lateness ----------------------------------------------------------------------------------

Lateness lateness(const Deadline& d, Millis created, Millis received) {
  Lateness l{vietnam_date(created), vietnam_date(received), false, false};
  l.late = d.is_late(l.received_day);
  l.created_late = d.is_late(l.created_day);
  return l;
}

Bilingual describe(const Lateness& l, const Deadline& d) {
  const std::string got = day(l.received_day), made = day(l.created_day), last = day(d.last_day);
  if (l.late && !l.created_late)
    return {"Nhận ngày " + got + ", sau hạn cuối " + last + ": nộp trễ (gói ghi ngày lập " + made +
                ", đúng hạn theo ngày của gói; ngày nhận của Văn phòng là căn cứ).",
            "Received on " + got + ", after the last day " + last + ": late (the package is dated " + made +
                ", on time by its own date; the secretariat's receipt date is what counts)."};
  if (l.late)
    return {"Nhận ngày " + got + ", sau hạn cuối " + last + ": nộp trễ (gói lập ngày " + made + ").",
            "Received on " + got + ", after the last day " + last + ": late (the package is dated " + made + ")."};
  if (l.created_late)
    return {"Gói ghi ngày lập " + made + ", sau hạn cuối " + last + ", nhưng Văn phòng nhận ngày " + got +
                ": đúng hạn (đồng hồ của máy gửi có thể sai).",
            "The package is dated " + made + ", after the last day " + last + ", but the secretariat received it on " +
                got + ": on time (the sender's clock may be wrong)."};
  return {};
}

}  // namespace hoso
