// The secretariat's register (core/registry.hpp): intake of crafted packages in every case, the
// register's table and its checks, decisions, return notes, records.
#include "core/registry.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/canonical_json.hpp"
#include "core/library.hpp"
#include "core/text.hpp"
#include "registry_fixtures.hpp"
#include "core/intake.hpp"
#include "core/registry_view.hpp"
#include "core/return_note.hpp"

namespace hoso {
namespace {

using nlohmann::json;
using testing::campaign;
using testing::export_package;
using testing::incoming;
using testing::kDay;
using testing::kReceived;
using testing::kSecretariat;
using testing::kSent;
using testing::lib;
using testing::take_in;
using testing::unit_workspace;
using testing::view_of;

#define EXPECT_CONTAINS(haystack, needle) EXPECT_NE(std::string(haystack).find(needle), std::string::npos) << (haystack)

bool has_note(const IntakeEntry& e, std::string_view code) {
  return std::any_of(e.notes.begin(), e.notes.end(), [&](const IntakeNote& n) { return n.code == code; });
}

int rule_count(const RegistryRow& row, std::string_view rule) {
  return static_cast<int>(std::count_if(row.findings.begin(), row.findings.end(), [&](const Finding& f) { return f.rule == rule; }));
}

Workspace hop_tac(uint64_t seed = 11, int n = 4) { return unit_workspace("phong-hop-tac-quoc-te", "Phòng Hợp tác quốc tế", seed, n); }
Workspace thanh_tra(uint64_t seed = 22, int n = 3) { return unit_workspace("thanh-tra", "Thanh tra Sở", seed, n); }

// ---- intake ------------------------------------------------------------------------------------

TEST(Intake, NewPackagesAreAcceptedAndRegistered) {
  const BuiltPackage a = export_package(hop_tac(), kSent, 1);
  const BuiltPackage b = export_package(thanh_tra(), kSent, 2);
  Registry r = testing::empty_registry();
  const IntakeReport rep = take_in(r, {incoming(a), incoming(b)});
  ASSERT_EQ(rep.entries.size(), 2u);
  for (const IntakeEntry& e : rep.entries) {
    EXPECT_EQ(e.kind, IntakeKind::new_package) << e.file_name;
    EXPECT_EQ(e.verdict(), Verdict::accepted) << e.summary().en;
    EXPECT_TRUE(e.notes.empty());
  }
  EXPECT_EQ(rep.entries[0].file_name, a.file_name);
  EXPECT_EQ(rep.entries[0].summary().vi, "Gói mới của “Phòng Hợp tác quốc tế”, lần gửi 1, 4 hồ sơ.");
  EXPECT_EQ(rep.count(Verdict::accepted), 2);

  ASSERT_EQ(r.revisions.size(), 2u);
  const PackageRevision* ra = r.revision(a.package_id + "_r1_" + a.content_hash.substr(0, 12));
  ASSERT_NE(ra, nullptr);
  EXPECT_EQ(ra->received, kReceived);
  EXPECT_EQ(ra->file_name, a.file_name);
  EXPECT_LT(r.revisions[0].key(), r.revisions[1].key());  // received at once: by key
  EXPECT_EQ(r.decisions.size(), 7u);
  for (const Decision& d : r.decisions) {
    EXPECT_EQ(d.status, Status::received);
    ASSERT_EQ(d.audit.size(), 1u);
    EXPECT_EQ(d.audit[0].new_value, "received");
    EXPECT_EQ(d.audit[0].author, "Văn thư Sở");
  }
  const RegistryView v = view_of(r);
  ASSERT_EQ(v.rows.size(), 7u);
  for (const RegistryRow& row : v.rows) {
    EXPECT_EQ(row.errors, 0) << (row.findings.empty() ? "" : row.findings[0].message.en);
    EXPECT_TRUE(row.completeness.complete());
    EXPECT_EQ(row.completeness.members_total, 15);
    EXPECT_FALSE(row.late);
  }
}

TEST(Intake, RefusalsSayWhy) {
  const BuiltPackage a = export_package(hop_tac(), kSent, 1);
  // Tampered: a name changed after sealing.
  std::string tampered = a.text;
  const std::size_t at = tampered.find("Phòng Hợp tác quốc tế");
  ASSERT_NE(at, std::string::npos);
  tampered.replace(at, 5, "Phong");
  // Another campaign the app knows, but not this register's.
  Library two = lib();
  Campaign other = campaign();
  other.id = "99-KH-KHAC";
  ASSERT_TRUE(two.add(other).ok());
  Workspace w = hop_tac();
  w.campaign_id = other.id;
  for (Dossier& d : w.dossiers) d.campaign.id = other.id;
  PackageInput in{w, {w.dossiers[0].id}, Contact{"A", "", ""}, testing::uuid_for(9), testing::kUnitWorkspaceId, kSent, [](std::string_view) { return std::optional<std::string>{}; }};
  auto elsewhere = build_package(two, in);
  ASSERT_TRUE(elsewhere.ok()) << elsewhere.error().describe(Language::en);

  const std::vector<IncomingFile> files = {{"tampered.json", tampered, kReceived},
                                           {"notes.txt", "not a package", kReceived},
                                           {"elsewhere.json", elsewhere->text, kReceived}};
  const IntakeReport rep = classify(two, testing::empty_registry(), files);
  ASSERT_EQ(rep.entries.size(), 3u);
  for (const IntakeEntry& e : rep.entries) {
    EXPECT_EQ(e.verdict(), Verdict::refused);
    ASSERT_TRUE(e.refusal.has_value());
    EXPECT_EQ(e.refusal->file, e.file_name);
    EXPECT_FALSE(e.package.has_value());
  }
  EXPECT_EQ(rep.entries[0].refusal->path, "manifest.content_sha256");
  EXPECT_CONTAINS(rep.entries[0].summary().en, "the package was altered");
  EXPECT_EQ(rep.entries[1].refusal->path, "byte 1");
  EXPECT_EQ(rep.entries[2].refusal->path, "campaign.id");
  EXPECT_CONTAINS(rep.entries[2].summary().vi, "sổ này là của kế hoạch “32-KH-SNgV”");
  EXPECT_CONTAINS(rep.entries[2].summary().vi, "Chọn đợt") << "the package's campaign is held: where to take it";

  Registry r = testing::empty_registry();
  const IntakeApplied applied = apply_intake(r, rep, kSecretariat);
  EXPECT_EQ(applied.added, 0);
  EXPECT_TRUE(applied.changes.empty());
  EXPECT_TRUE(r.revisions.empty());
}

TEST(Intake, DuplicateIsSkippedInTheBatchAndLater) {
  const BuiltPackage a = export_package(hop_tac(), kSent, 1);
  Registry r = testing::empty_registry();
  const IntakeReport first = take_in(r, {incoming(a), {"copy of it.json", a.text, kReceived + 60000}});
  EXPECT_EQ(first.entries[0].kind, IntakeKind::new_package);
  EXPECT_EQ(first.entries[1].kind, IntakeKind::duplicate);
  EXPECT_EQ(first.entries[1].verdict(), Verdict::skipped);
  EXPECT_EQ(first.entries[1].other_file, a.file_name);
  EXPECT_EQ(r.revisions.size(), 1u);

  const IntakeReport again = take_in(r, {incoming(a, kReceived + kDay)});
  EXPECT_EQ(again.entries[0].kind, IntakeKind::duplicate);
  EXPECT_EQ(again.entries[0].other_revision, 1);
  EXPECT_EQ(again.entries[0].summary().vi,
            "Trùng với lần gửi 1 đã nhận (“" + a.file_name + "”, 20/10/2025 16:00): bỏ qua.");
  EXPECT_EQ(r.revisions.size(), 1u);
}

TEST(Intake, NewerRevisionSupersedesInAnyFileOrder) {
  const BuiltPackage r1 = export_package(hop_tac(), kSent, 1);
  Workspace later = r1.workspace;
  later.dossiers[0].summary += " Bổ sung.";
  const BuiltPackage r2 = export_package(later, kSent + kDay, 1);
  ASSERT_EQ(r2.revision, 2);

  for (bool reversed : {false, true}) {
    SCOPED_TRACE(reversed ? "r2 first" : "r1 first");
    Registry r = testing::empty_registry();
    std::vector<IncomingFile> files = {incoming(r1), incoming(r2)};
    if (reversed) std::swap(files[0], files[1]);
    const IntakeReport rep = take_in(r, files);
    const IntakeEntry& e1 = rep.entries[reversed ? 1 : 0];
    const IntakeEntry& e2 = rep.entries[reversed ? 0 : 1];
    EXPECT_EQ(e1.kind, IntakeKind::new_package);
    EXPECT_EQ(e2.kind, IntakeKind::newer_revision);
    EXPECT_EQ(e2.other_revision, 1);
    EXPECT_EQ(e2.verdict(), Verdict::accepted);
    EXPECT_CONTAINS(e2.summary().vi, "Lần gửi 2 của “Phòng Hợp tác quốc tế”, thay lần gửi 1");
    ASSERT_EQ(r.revisions.size(), 2u);
    for (const PackageRevision& p : r.revisions)
      EXPECT_EQ(standing(r, p), p.header.revision == 2 ? Standing::in_force : Standing::superseded);
    const RegistryView v = view_of(r);
    ASSERT_EQ(v.rows.size(), 4u);
    for (const RegistryRow& row : v.rows) EXPECT_EQ(r.revisions[row.revision].header.revision, 2);
  }

  // r2 on its own, then r1: the older one is history, in force stays r2.
  Registry r = testing::empty_registry();
  take_in(r, {incoming(r2)});
  const IntakeReport late_r1 = take_in(r, {incoming(r1, kReceived + kDay)});
  EXPECT_EQ(late_r1.entries[0].kind, IntakeKind::older_revision);
  EXPECT_EQ(late_r1.entries[0].other_revision, 2);
  EXPECT_EQ(late_r1.entries[0].verdict(), Verdict::accepted);
  ASSERT_EQ(r.revisions.size(), 2u);
  EXPECT_EQ(standing(r, r.revisions[1]), Standing::superseded);
  EXPECT_EQ(standing(r, r.revisions[0]), Standing::in_force);
}

TEST(Intake, RevisionGapIsAcceptedWithAWarning) {
  const BuiltPackage r1 = export_package(hop_tac(), kSent, 1);
  const BuiltPackage r2 = export_package(r1.workspace, kSent + kDay, 1);
  const BuiltPackage r3 = export_package(r2.workspace, kSent + 2 * kDay, 1);
  Registry r = testing::empty_registry();
  take_in(r, {incoming(r1)});
  const IntakeReport rep = take_in(r, {incoming(r3)});
  EXPECT_EQ(rep.entries[0].kind, IntakeKind::newer_revision);
  EXPECT_TRUE(has_note(rep.entries[0], intake_note::revision_gap));
  EXPECT_EQ(rep.entries[0].verdict(), Verdict::accepted_with_warnings);
  EXPECT_EQ(standing(r, r.revisions[1]), Standing::in_force);
}

// Someone holding the unit's r1 file imports it into their own browser and sends "r2": the chain
// is whole, but r2 was made in another workspace. Flagged, kept with the revision; the unit's own
// r2 (same workspace) is not; packages of format version 1 (no workspace id) are not either.
TEST(Intake, RevisionFromAnotherWorkspaceIsFlagged) {
  const BuiltPackage r1 = export_package(hop_tac(), kSent, 1);
  auto verified = verify_package(testing::lib(), r1.file_name, r1.text);
  ASSERT_TRUE(verified.ok());
  Workspace elsewhere;  // a fresh browser: the import brings the chain, not the workspace's id
  auto imported = apply_import(elsewhere, *verified);
  ASSERT_TRUE(imported.ok()) << imported.error().describe(Language::en);
  EXPECT_EQ(imported->workspace.workspace_id, "");
  EXPECT_EQ(imported->workspace.exports.last_revision, 1);
  for (Dossier& d : imported->workspace.dossiers) d.status = Status::ready;
  PackageInput in{imported->workspace, {imported->workspace.dossiers[0].id}, Contact{"X", "", ""}, testing::uuid_for(5),
                  "9c8b7a65-4321-4fed-8cba-987654321000", kSent + kDay, [](std::string_view) { return std::optional<std::string>{}; }};
  auto forged = build_package(testing::lib(), in);
  ASSERT_TRUE(forged.ok()) << forged.error().describe(Language::en);
  EXPECT_EQ(forged->revision, 2);
  // The browser test's files (tests/e2e/fixtures/other-workspace/), written on request.
  if (const char* out = std::getenv("HOSO_WRITE_E2E_FIXTURES")) {
    std::ofstream(std::filesystem::path(out) / "hoso_r1_the-unit.json", std::ios::binary) << r1.text;
    std::ofstream(std::filesystem::path(out) / "hoso_r2_made-elsewhere.json", std::ios::binary) << forged->text;
  }

  Registry r = testing::empty_registry();
  take_in(r, {incoming(r1)});
  const IntakeReport rep = take_in(r, {incoming(*forged, kReceived + kDay)});
  EXPECT_EQ(rep.entries[0].kind, IntakeKind::newer_revision);
  ASSERT_TRUE(has_note(rep.entries[0], intake_note::other_workspace));
  // Kept with the revision, so the register's record says it too.
  ASSERT_EQ(r.revisions.size(), 2u);
  const auto& notes = r.revisions[1].notes;
  EXPECT_TRUE(std::any_of(notes.begin(), notes.end(), [](const Bilingual& b) { return b.en.find("another browser") != std::string::npos; }));
  // The record of either revision says so (made_elsewhere), and hoso.state() too.
  EXPECT_TRUE(made_elsewhere(r, r.revisions[0]));
  EXPECT_TRUE(made_elsewhere(r, r.revisions[1]));
  EXPECT_EQ(registry_snapshot(r)["revisions"][1]["made_elsewhere"], true);

  // The unit's own r2: no flag.
  const BuiltPackage own = export_package(r1.workspace, kSent + kDay, 1);
  Registry r2 = testing::empty_registry();
  take_in(r2, {incoming(r1)});
  EXPECT_FALSE(has_note(take_in(r2, {incoming(own, kReceived + kDay)}).entries[0], intake_note::other_workspace));
  EXPECT_FALSE(made_elsewhere(r2, r2.revisions[1]));

  // A chain across the upgrade: r1 of format 1 (no workspace id), r2 of format 2. Neither is
  // flagged: r1 names no workspace to compare.
  json v1 = json::parse(r1.text);
  v1.erase("workspace_id");
  v1["format_version"] = 1;
  v1.erase("manifest");
  const std::string v1_hash = package_content_hash(v1);
  v1["manifest"] = {{"content_sha256", v1_hash}};
  BuiltPackage old_r1 = r1;
  old_r1.text = canonical_dump(v1);
  old_r1.content_hash = v1_hash;
  for (Dossier& d : old_r1.workspace.dossiers) d.last_export->package_hash = v1_hash;
  old_r1.workspace.exports.last_package_hash = v1_hash;
  old_r1.workspace.workspace_id.clear();
  const BuiltPackage new_r2 = export_package(old_r1.workspace, kSent + kDay, 1);
  Registry upgrade = testing::empty_registry();
  take_in(upgrade, {incoming(new_r2, kReceived + kDay)});
  const IntakeReport late = take_in(upgrade, {incoming(old_r1, kReceived + 2 * kDay)});
  EXPECT_FALSE(has_note(late.entries[0], intake_note::other_workspace));
  for (const PackageRevision& rev : upgrade.revisions) EXPECT_FALSE(made_elsewhere(upgrade, rev)) << rev.header.revision;
}

TEST(Intake, ConflictIsKeptAsideUntilAPersonChooses) {
  // Two devices of one unit each made revision 1 of the same package, with other content.
  const Workspace base = hop_tac();
  const BuiltPackage mine = export_package(base, kSent, 1);
  Workspace other = base;
  other.dossiers[1].summary += " Đã bổ sung.";
  const BuiltPackage theirs = export_package(other, kSent - kDay, 1);
  ASSERT_EQ(mine.package_id, theirs.package_id);

  Registry r = testing::empty_registry();
  take_in(r, {incoming(mine)});
  const IntakeReport rep = take_in(r, {incoming(theirs, kReceived + 3600000)});
  const IntakeEntry& e = rep.entries[0];
  EXPECT_EQ(e.kind, IntakeKind::conflict);
  EXPECT_EQ(e.verdict(), Verdict::kept_aside);
  EXPECT_EQ(e.other_revision, 1);
  EXPECT_EQ(e.other_file, mine.file_name);
  EXPECT_CONTAINS(e.summary().en, "not chained; kept aside for a person to decide");
  ASSERT_EQ(r.revisions.size(), 2u);
  EXPECT_TRUE(r.revisions[1].set_aside);
  EXPECT_EQ(standing(r, r.revisions[1]), Standing::set_aside);
  // The table shows the revision in force only.
  RegistryView v = view_of(r);
  ASSERT_EQ(v.rows.size(), 4u);
  for (const RegistryRow& row : v.rows) EXPECT_EQ(row.revision, 0u);

  // A revision 2 chained to the other device's revision 1 is not chained to the one in force.
  const BuiltPackage theirs2 = export_package(theirs.workspace, kSent + kDay, 1);
  const IntakeReport rep2 = classify(lib(), r, std::vector<IncomingFile>{incoming(theirs2)});
  EXPECT_EQ(rep2.entries[0].kind, IntakeKind::conflict);
  EXPECT_EQ(rep2.entries[0].other_revision, 1);

  // The person chooses the other device's content.
  EXPECT_FALSE(choose_revision(r, r.revisions[1].key(), "", kSecretariat).ok());
  auto chosen = choose_revision(r, r.revisions[1].key(), "Đơn vị xác nhận bản này là bản đúng.", kSecretariat);
  ASSERT_TRUE(chosen.ok()) << chosen.error().describe(Language::en);
  EXPECT_EQ(chosen->revisions.size(), 2u);
  EXPECT_TRUE(chosen->state);
  EXPECT_EQ(standing(r, r.revisions[1]), Standing::in_force);
  EXPECT_EQ(standing(r, r.revisions[0]), Standing::set_aside);
  ASSERT_EQ(r.log.size(), 1u);
  EXPECT_EQ(r.log[0].reason, "Đơn vị xác nhận bản này là bản đúng.");
  EXPECT_EQ(r.log[0].subject, "packages/" + r.revisions[1].key());
  v = view_of(r);
  ASSERT_EQ(v.rows.size(), 4u);
  EXPECT_EQ(v.dossiers[1].summary, other.dossiers[1].summary);
  // Now the other device's revision 2 follows the revision in force.
  EXPECT_EQ(classify(lib(), r, std::vector<IncomingFile>{incoming(theirs2)}).entries[0].kind, IntakeKind::newer_revision);
}

TEST(Intake, SamePackageIdFromAnotherUnitIsAConflict) {
  const BuiltPackage a = export_package(hop_tac(), kSent, 7);
  const BuiltPackage b = export_package(thanh_tra(), kSent, 7);  // same id by (bad) luck or forgery
  Registry r = testing::empty_registry();
  const IntakeReport rep = take_in(r, {incoming(a), incoming(b)});
  EXPECT_EQ(rep.entries[1].kind, IntakeKind::conflict);
  EXPECT_TRUE(has_note(rep.entries[1], intake_note::other_sender));
}

TEST(Intake, LatenessByReceiptWithThePackagesOwnDateBesideIt) {
  const Deadline& dl = campaign().deadline;
  ASSERT_EQ(dl.last_day, (Date{2025, 10, 29}));
  // 23:30 on 29/10 in Vietnam by the unit's clock; read at 00:30 on 30/10 by the secretariat's.
  const Millis made = 1761755400000;      // 2025-10-29T16:30:00Z
  const Millis got = 1761759000000;       // 2025-10-29T17:30:00Z
  const BuiltPackage p = export_package(hop_tac(), made, 1);
  Registry r = testing::empty_registry();
  const IntakeReport rep = take_in(r, {incoming(p, got)});
  const IntakeEntry& e = rep.entries[0];
  EXPECT_EQ(e.kind, IntakeKind::new_package);
  EXPECT_TRUE(e.lateness.late);
  EXPECT_FALSE(e.lateness.created_late);
  EXPECT_TRUE(e.lateness.made_on_time_received_late());
  EXPECT_EQ(e.lateness.created_day, (Date{2025, 10, 29}));
  EXPECT_EQ(e.lateness.received_day, (Date{2025, 10, 30}));
  EXPECT_EQ(e.verdict(), Verdict::accepted_with_warnings);
  ASSERT_TRUE(has_note(e, intake_note::late));
  EXPECT_EQ(e.notes[0].text.vi,
            "Nhận ngày 30/10/2025, sau hạn cuối 29/10/2025: nộp trễ (gói ghi ngày lập 29/10/2025, đúng hạn theo ngày "
            "của gói; ngày nhận của Văn phòng là căn cứ).");
  // Kept with the revision, and on every row of the table.
  EXPECT_EQ(r.revisions[0].notes.size(), 1u);
  const RegistryView v = view_of(r);
  for (const RegistryRow& row : v.rows) {
    EXPECT_TRUE(row.late);
    EXPECT_EQ(rule_count(row, registry_rule::late), 1);
  }

  // Made late and received late.
  const Lateness both = lateness(dl, made + kDay, got + kDay);
  EXPECT_TRUE(both.late && both.created_late);
  EXPECT_EQ(describe(both, dl).en, "Received on 31/10/2025, after the last day 29/10/2025: late (the package is dated 30/10/2025).");
  // Dated late by a wrong clock, received on time: on time, with a note.
  const BuiltPackage future = export_package(hop_tac(), made + 3 * kDay, 1);
  const IntakeReport clock = classify(lib(), testing::empty_registry(), std::vector<IncomingFile>{incoming(future, kReceived)});
  EXPECT_FALSE(clock.entries[0].lateness.late);
  EXPECT_TRUE(has_note(clock.entries[0], intake_note::clock));
  EXPECT_CONTAINS(clock.entries[0].notes[0].text.en, "on time (the sender's clock may be wrong)");
  // On time by both: nothing to say.
  EXPECT_TRUE(describe(lateness(dl, kSent, kReceived), dl).vi.empty());
}

TEST(Intake, SameNomineeFromTwoUnitsIsFlagged) {
  Workspace a = hop_tac();
  Workspace b = thanh_tra();
  Dossier copy = a.dossiers[0];
  copy.id = "dossier-copied-by-thanh-tra";
  b.dossiers.push_back(copy);
  b.minutes[0].votes.push_back({copy.id, copy.award_form, 12, 1});
  const BuiltPackage pa = export_package(a, kSent, 1), pb = export_package(b, kSent, 2);
  Registry r = testing::empty_registry();
  const IntakeReport rep = take_in(r, {incoming(pa), incoming(pb)});
  EXPECT_FALSE(has_note(rep.entries[0], intake_note::same_nominee));
  ASSERT_TRUE(has_note(rep.entries[1], intake_note::same_nominee));
  EXPECT_EQ(rep.entries[1].verdict(), Verdict::accepted_with_warnings);
  EXPECT_CONTAINS(rep.entries[1].notes[0].text.vi, "cũng được “Phòng Hợp tác quốc tế” đề nghị");

  RegistryView v = view_of(r);
  const std::size_t ia = v.find(a.dossiers[0].id), ib = v.find(copy.id);
  ASSERT_NE(ia, RegistryView::npos);
  ASSERT_NE(ib, RegistryView::npos);
  EXPECT_EQ(rule_count(v.rows[ia], registry_rule::same_nominee), 1);
  EXPECT_EQ(rule_count(v.rows[ib], registry_rule::same_nominee), 1);
  EXPECT_CONTAINS(v.rows[ib].findings.back().message.vi, "cũng được “Phòng Hợp tác quốc tế” đề nghị");
  // Neither can be eligible while both are live; returning one clears the other.
  auto refused = set_status(r, v, copy.id, Status::eligible, "", kSecretariat);
  ASSERT_FALSE(refused.ok());
  EXPECT_CONTAINS(refused.error().what.vi, "chưa thể đánh dấu hợp lệ");
  ASSERT_TRUE(set_status(r, v, copy.id, Status::returned, "Đã được Phòng Hợp tác quốc tế đề nghị.", kSecretariat).ok());
  v = view_of(r);
  EXPECT_EQ(rule_count(v.rows[ia], registry_rule::same_nominee), 0);
  EXPECT_TRUE(set_status(r, v, a.dossiers[0].id, Status::eligible, "", kSecretariat).ok());
}

TEST(Intake, ChangedDossierGoesBackToReceived) {
  const BuiltPackage r1 = export_package(hop_tac(), kSent, 1);
  Registry r = testing::empty_registry();
  take_in(r, {incoming(r1)});
  RegistryView v = view_of(r);
  const std::string changed = r1.workspace.dossiers[0].id, kept = r1.workspace.dossiers[1].id;
  ASSERT_TRUE(set_status(r, v, changed, Status::eligible, "", kSecretariat).ok());
  ASSERT_TRUE(set_status(r, v, kept, Status::eligible, "", kSecretariat).ok());

  Workspace later = r1.workspace;
  later.dossiers[0].summary += " Bổ sung số liệu.";
  const BuiltPackage r2 = export_package(later, kSent + kDay, 1);
  const IntakeReport rep = take_in(r, {incoming(r2, kReceived + kDay)});
  EXPECT_EQ(rep.entries[0].kind, IntakeKind::newer_revision);
  ASSERT_TRUE(has_note(rep.entries[0], intake_note::changed_after_decision));
  EXPECT_EQ(std::count_if(rep.entries[0].notes.begin(), rep.entries[0].notes.end(),
                          [](const IntakeNote& n) { return n.code == intake_note::changed_after_decision; }),
            1);
  EXPECT_EQ(status_of(r, changed), Status::received);
  EXPECT_EQ(status_of(r, kept), Status::eligible);  // the same content: the decision stands
  EXPECT_EQ(r.decision(changed)->audit.back().new_value, "received");
}

TEST(Intake, RemovalNeedsAReasonAndIsLogged) {
  const BuiltPackage r1 = export_package(hop_tac(), kSent, 1);
  const BuiltPackage r2 = export_package(r1.workspace, kSent + kDay, 1);
  Registry r = testing::empty_registry();
  take_in(r, {incoming(r1), incoming(r2)});
  const std::string key2 = r.revisions[1].key();
  EXPECT_FALSE(remove_revision(r, key2, "  ", kSecretariat).ok());
  EXPECT_FALSE(remove_revision(r, "nope", "x", kSecretariat).ok());
  auto removed = remove_revision(r, key2, "Gửi nhầm tệp.", kSecretariat);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(removed->removed_revisions, std::vector<std::string>{key2});
  ASSERT_EQ(r.revisions.size(), 1u);
  EXPECT_EQ(standing(r, r.revisions[0]), Standing::in_force);
  ASSERT_EQ(r.log.size(), 1u);
  EXPECT_EQ(r.log[0].reason, "Gửi nhầm tệp.");
  EXPECT_EQ(r.log[0].old_value["revision"], 2);
  EXPECT_TRUE(r.log[0].new_value.is_null());
}

// The hash proves the file unchanged, not who made it: the secretariat marks a revision whose
// check code it compared with the unit's signed cover list, once, with who and when, logged; the
// mark is kept in the revision's record, and records from before the mark read as unchecked.
TEST(Intake, CoverListCheckIsMarkedOnceLoggedAndKept) {
  const BuiltPackage r1 = export_package(hop_tac(), kSent, 1);
  Registry r = testing::empty_registry();
  take_in(r, {incoming(r1)});
  ASSERT_EQ(r.revisions.size(), 1u);
  const std::string key = r.revisions[0].key();
  EXPECT_EQ(r.revisions[0].cover_list_checked, 0);
  EXPECT_EQ(check_code(r1.content_hash).size(), 19u);  // "xxxx xxxx xxxx xxxx", as the cover list prints it
  EXPECT_EQ(check_code(r1.content_hash).substr(0, 4), r1.content_hash.substr(0, 4));
  EXPECT_FALSE(confirm_cover_list(r, "nope", kSecretariat).ok());

  auto checked = confirm_cover_list(r, key, kSecretariat);
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(checked->revisions, std::vector<std::string>{key});
  EXPECT_TRUE(checked->state);
  EXPECT_EQ(r.revisions[0].cover_list_checked, whole_seconds(kSecretariat.now));
  EXPECT_EQ(r.revisions[0].cover_list_checked_by, kSecretariat.author);
  ASSERT_EQ(r.log.size(), 1u);
  EXPECT_EQ(r.log[0].subject, "packages/" + key + ".cover_list_checked");
  EXPECT_EQ(r.log[0].new_value, check_code(r1.content_hash));

  auto again = confirm_cover_list(r, key, kSecretariat);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty()) << "a second confirmation changes nothing";
  EXPECT_EQ(r.log.size(), 1u);

  const nlohmann::json record = to_json(r.revisions[0]);
  auto back = revision_from_json(record);
  ASSERT_TRUE(back.ok()) << back.error().describe(Language::en);
  EXPECT_EQ(*back, r.revisions[0]);
  nlohmann::json older = record;
  older.erase("cover_list_checked");
  auto old = revision_from_json(older);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->cover_list_checked, 0);
}

// ---- the table ---------------------------------------------------------------------------------

TEST(RegistryView, CompletenessFindingsAndQuota) {
  Workspace a = hop_tac(11, 4);
  // One vote below the threshold (counted against the 15 members), one criterion not met.
  a.minutes[0].votes[0].votes_for = 7;
  a.minutes[0].votes[0].votes_against = 6;
  a.dossiers[1].criteria.begin()->second.met = false;
  Registry r = testing::empty_registry();
  take_in(r, {incoming(export_package(a, kSent, 1)), incoming(export_package(thanh_tra(), kSent, 2))});
  const RegistryView v = view_of(r);
  ASSERT_EQ(v.rows.size(), 7u);
  const RegistryRow& low = v.rows[v.find(a.dossiers[0].id)];
  EXPECT_EQ(low.completeness.votes_for, 7);
  EXPECT_EQ(low.completeness.members_total, 15);
  EXPECT_FALSE(low.completeness.meets_threshold);
  EXPECT_TRUE(low.completeness.minutes_vote);
  EXPECT_FALSE(low.completeness.complete());
  EXPECT_EQ(rule_count(low, rule::vote_threshold), 1);
  const RegistryRow& unmet = v.rows[v.find(a.dossiers[1].id)];
  EXPECT_FALSE(unmet.completeness.criteria);
  EXPECT_TRUE(unmet.completeness.summary && unmet.completeness.report);
  EXPECT_GT(unmet.errors, 0);
  // The units' own quota warnings are not repeated per row: the quota is the council's.
  for (const RegistryRow& row : v.rows) EXPECT_EQ(rule_count(row, rule::quota), 0);
  const auto q = std::find_if(v.quota.begin(), v.quota.end(), [](const QuotaUse& u) {
    return u.award_form == "giay-khen-gd-so" && u.kind == NomineeKind::individual;
  });
  ASSERT_NE(q, v.quota.end());
  EXPECT_EQ(q->quota, 3);
  int giay_khen = 0;
  for (const Dossier& d : v.dossiers) giay_khen += d.award_form == "giay-khen-gd-so" && d.nominee.kind == NomineeKind::individual;
  EXPECT_EQ(q->count, giay_khen);
  EXPECT_EQ(q->over(), giay_khen > 3);

  RegistryFilter f;
  f.incomplete = true;
  EXPECT_EQ(filter_and_sort(r, v, f).size(), 2u);
  f = {};
  f.with_errors = true;
  // Only the unmet criterion is an error: a unit meeting's share below the threshold is a warning
  // under this campaign (voting.unit_threshold_blocks is false), though the row stays incomplete.
  EXPECT_EQ(filter_and_sort(r, v, f).size(), 1u);
  EXPECT_EQ(low.errors, 0);
}

TEST(RegistryView, SearchWithoutDiacriticsAndVietnameseOrder) {
  Workspace a = hop_tac(11, 3);
  a.dossiers[0].nominee.full_name = "Đặng Thị Ánh";
  a.dossiers[1].nominee.full_name = "Nguyễn Văn Bình";
  a.dossiers[2].nominee.full_name = "Lê Văn An";
  for (Dossier& d : a.dossiers) {
    d.nominee.unit = "Phòng HTQT";  // so that only the sending unit's name says "Hợp tác quốc tế"
    d.nominee.position = "Chuyên viên";
  }
  Workspace b = unit_workspace("van-phong", "Văn phòng Sở", 33, 2, 1.0);  // collectives
  Registry r = testing::empty_registry();
  take_in(r, {incoming(export_package(a, kSent, 1)), incoming(export_package(b, kSent, 2))});
  const RegistryView v = view_of(r);
  auto names = [&](const std::vector<std::size_t>& idx) {
    std::vector<std::string> out;
    for (std::size_t i : idx) out.push_back(display_name(v.dossiers[i].nominee));
    return out;
  };
  // By name: collectives first, then people by given name: An < Ánh < Bình.
  EXPECT_EQ(names(filter_and_sort(r, v, {}, RegistrySort::name)),
            (std::vector<std::string>{"Tổ công tác số 2 thuộc Văn phòng Sở", "Văn phòng Sở", "Lê Văn An", "Đặng Thị Ánh",
                                      "Nguyễn Văn Bình"}));
  // By unit: Phòng Hợp tác quốc tế < Văn phòng Sở.
  EXPECT_EQ(names(filter_and_sort(r, v, {}, RegistrySort::unit)).front(), "Lê Văn An");
  RegistryFilter f;
  f.dossier.search = "dang thi anh";
  EXPECT_EQ(names(filter_and_sort(r, v, f)), std::vector<std::string>{"Đặng Thị Ánh"});
  f.dossier.search = "hop tac quoc te";  // the sending unit's name
  EXPECT_EQ(filter_and_sort(r, v, f).size(), 3u);
  f = {};
  f.unit_id = "phong-hop-tac-quoc-te";
  f.dossier.kind = NomineeKind::individual;
  EXPECT_EQ(filter_and_sort(r, v, f).size(), 3u);
}

TEST(RegistryView, StatusChangesFollowTheStatusMachine) {
  const BuiltPackage p = export_package(hop_tac(), kSent, 1);
  Registry r = testing::empty_registry();
  take_in(r, {incoming(p)});
  const RegistryView v = view_of(r);
  const std::string id = p.workspace.dossiers[0].id;
  auto no_reason = set_status(r, v, id, Status::returned, " ", kSecretariat);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().what.vi, "Cần ghi lý do trả lại hồ sơ.");
  auto jump = set_status(r, v, id, Status::awarded, "", kSecretariat);
  ASSERT_FALSE(jump.ok());
  EXPECT_CONTAINS(jump.error().what.en, "cannot go from “Received” to “Awarded”");
  EXPECT_FALSE(set_status(r, v, "unknown", Status::eligible, "", kSecretariat).ok());
  auto back = set_status(r, v, id, Status::returned, "Thiếu xác nhận của thủ trưởng đơn vị.", kSecretariat);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->decisions, std::vector<std::string>{id});
  EXPECT_EQ(status_of(r, id), Status::returned);
  EXPECT_EQ(r.decision(id)->return_reason, "Thiếu xác nhận của thủ trưởng đơn vị.");
  const RegistryView after = view_of(r);
  EXPECT_EQ(after.rows[after.find(id)].status, Status::returned);
  EXPECT_EQ(after.dossiers[after.find(id)].return_reason, "Thiếu xác nhận của thủ trưởng đơn vị.");
}

// ---- return notes ------------------------------------------------------------------------------

TEST(ReturnNote, RoundTripIntoTheUnitsWorkspace) {
  const BuiltPackage p = export_package(hop_tac(), kSent, 1);
  Registry r = testing::empty_registry();
  take_in(r, {incoming(p)});
  const Dossier& d = p.workspace.dossiers[2];
  EXPECT_FALSE(make_return_note(r, campaign(), d.id).ok());  // not returned
  ASSERT_TRUE(set_status(r, view_of(r), d.id, Status::returned, "Thiếu minh chứng, \"bản gốc\".\nBổ sung giúp.", kSecretariat).ok());
  auto note = make_return_note(r, campaign(), d.id);
  ASSERT_TRUE(note.ok()) << note.error().describe(Language::en);
  EXPECT_EQ(note->unit.unit_id, "phong-hop-tac-quoc-te");
  EXPECT_EQ(note->package_id, p.package_id);
  EXPECT_EQ(note->package_revision, 1);
  EXPECT_EQ(note->nominee_name, d.nominee.full_name);
  EXPECT_EQ(note->time, kSecretariat.now);
  EXPECT_EQ(note->returned_by, "Văn thư Sở");
  EXPECT_EQ(return_note_file_name(*note), "hoso_tra-lai_phong-hop-tac-quoc-te_" + text::slug(d.nominee.full_name) + ".json");

  const std::string bytes = return_note_text(*note);
  auto read = read_return_note("note.json", bytes);
  ASSERT_TRUE(read.ok()) << read.error().describe(Language::en);
  EXPECT_EQ(*read, *note);
  EXPECT_EQ(json::parse(bytes)["format"], "hoso-return-note");

  // The unit's app: the dossier (exported) goes back to draft with the reason.
  Workspace w = p.workspace;
  const EditContext unit{"Nguyễn Thị Hoa", kSecretariat.now + kDay};
  auto applied = apply_return_note(w, *read, unit);
  ASSERT_TRUE(applied.ok()) << applied.error().describe(Language::en);
  EXPECT_TRUE(*applied);
  const Dossier* back = w.dossier(d.id);
  EXPECT_EQ(back->status, Status::draft);
  EXPECT_EQ(back->return_reason, "Thiếu minh chứng, \"bản gốc\".\nBổ sung giúp.");
  EXPECT_EQ(back->audit.back().path, "return_reason");
  EXPECT_EQ(back->audit[back->audit.size() - 2].new_value, "draft");
  // Twice: nothing more.
  EXPECT_FALSE(*apply_return_note(w, *read, unit));
  // Another unit's workspace, or a dossier it does not have: refused.
  Workspace other = w;
  other.settings.unit_id = "thanh-tra";
  EXPECT_EQ(apply_return_note(other, *read, unit).error().path, "unit.unit_id");
  ReturnNote stray = *read;
  stray.dossier_id = "missing";
  EXPECT_EQ(apply_return_note(w, stray, unit).error().path, "dossier_id");
  // Untrusted files.
  EXPECT_FALSE(read_return_note("x.json", "{").ok());
  json wrong = json::parse(bytes);
  wrong["format_version"] = 2;
  EXPECT_EQ(read_return_note("x.json", wrong.dump()).error().path, "format_version");
  wrong = json::parse(bytes);
  wrong["reason"] = "";
  EXPECT_EQ(read_return_note("x.json", wrong.dump()).error().path, "reason");
}

TEST(ReturnNote, StaleNoteIsRefusedOnceTheDossierWasSentAgain) {
  const BuiltPackage p = export_package(hop_tac(), kSent, 1);
  Registry r = testing::empty_registry();
  take_in(r, {incoming(p)});
  const std::string id = p.workspace.dossiers[0].id;
  ASSERT_TRUE(set_status(r, view_of(r), id, Status::returned, "Sai ngày sinh.", kSecretariat).ok());
  const ReturnNote note = *make_return_note(r, campaign(), id);
  const BuiltPackage r2 = export_package(p.workspace, kSecretariat.now + kDay, 1);
  Workspace w = r2.workspace;
  auto refused = apply_return_note(w, note, {"Hoa", kSecretariat.now + 2 * kDay});
  ASSERT_FALSE(refused.ok());
  EXPECT_CONTAINS(refused.error().what.en, "sent again in revision 2");
}

// ---- records -----------------------------------------------------------------------------------

TEST(RegistryRecords, RoundTrip) {
  const BuiltPackage p = export_package(hop_tac(), kSent, 1);
  Registry r = testing::empty_registry();
  take_in(r, {incoming(p)});
  ASSERT_TRUE(set_status(r, view_of(r), p.workspace.dossiers[0].id, Status::returned, "Lý do.", kSecretariat).ok());
  const PackageRevision& rev = r.revisions[0];
  auto rev2 = revision_from_json(json::parse(to_json(rev).dump()), "r.json");
  ASSERT_TRUE(rev2.ok()) << rev2.error().describe(Language::en);
  EXPECT_EQ(*rev2, rev);
  for (const Decision& d : r.decisions) {
    auto d2 = decision_from_json(json::parse(to_json(d).dump()));
    ASSERT_TRUE(d2.ok());
    EXPECT_EQ(*d2, d);
  }
  r.log.push_back({kReceived, "A", "packages/x", json{{"a", 1}}, nullptr, "vì"});
  auto head = registry_state_from_json(registry_state_json(r));
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->log, r.log);
  EXPECT_EQ(head->campaign_id, r.campaign_id);
  // A damaged record names what is wrong.
  json bad = to_json(rev);
  bad["dossiers"][0]["nominee"]["headcount"] = "many";
  bad["dossiers"][0]["nominee"]["kind"] = "collective";
  auto broken = revision_from_json(bad, "r.json");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().path.rfind("dossiers[0].", 0), 0u) << broken.error().path;
  json d = to_json(r.decisions[0]);
  d["status"] = "ready";
  EXPECT_EQ(decision_from_json(d).error().path, "status");

  const json snap = registry_snapshot(r);
  EXPECT_EQ(snap["revisions"].size(), 1u);
  EXPECT_EQ(snap["revisions"][0]["standing"], "In force");
  EXPECT_EQ(snap["by_status"]["returned"], 1);
  EXPECT_EQ(snap["decisions"].size(), 4u);
}

}  // namespace
}  // namespace hoso
