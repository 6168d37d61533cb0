// The secretariat's register on the RecordStore (store/registry_store.hpp): a round trip of a
// register with packages, attachments, decisions and a closed meeting; small records per change; a
// broken record reported while the rest loads; removal to the trash; living beside a workspace.
#include "store/registry_store.hpp"

#include "store/record_readers.hpp"

#include "../core/registry_fixtures.hpp"
#include "core/assets.hpp"
#include "core/award.hpp"
#include "core/campaign_draft.hpp"
#include "core/council.hpp"
#include "store/workspace_store.hpp"
#include "store_test_util.hpp"
#include "core/intake.hpp"
#include "core/registry_view.hpp"

namespace hoso::store::testing {
namespace {

namespace core = ::hoso::testing;

class RegistryStoreTest : public StoreTest {
 protected:
  // Two units' packages (one with an attachment), a returned and an eligible dossier, a closed
  // meeting, and a removed revision in the log: everything the register holds.
  Registry filled(RegistryStore& store, Millis now) {
    Workspace a = core::unit_workspace("phong-hop-tac-quoc-te", "Phòng Hợp tác quốc tế", 11, 3);
    core::Blobs blobs;
    const std::string pdf = "%PDF-1.4 bằng khen";
    Attachment att{"att-1", "bằng khen.pdf", "application/pdf", static_cast<int64_t>(pdf.size()), sha256_hex(pdf), core::kSent};
    a.dossiers[0].attachments.push_back(att);
    blobs[att.sha256] = pdf;
    pdf_sha_ = att.sha256;
    const BuiltPackage pa = core::export_package(a, core::kSent, 1, blobs);
    const BuiltPackage pb = core::export_package(core::unit_workspace("thanh-tra", "Thanh tra Sở", 22, 2), core::kSent, 2);
    const BuiltPackage pb2 = core::export_package(pb.workspace, core::kSent + core::kDay, 2);
    Registry r = core::empty_registry();
    IntakeApplied applied = apply_intake(
        r, classify(core::lib(), r, std::vector<IncomingFile>{core::incoming(pa), core::incoming(pb), core::incoming(pb2)}),
        core::kSecretariat);
    EXPECT_EQ(applied.added, 3);
    for (const PackageAttachment& x : applied.attachments) EXPECT_TRUE(store.put_attachment(x.sha256, x.bytes).ok());
    store.mark(applied.changes);
    const RegistryView v = core::view_of(r);
    auto mark = [&](const Outcome<RegistryChanges>& c) {
      EXPECT_TRUE(c.ok()) << (c ? "" : c.error().describe(Language::en));
      if (c) store.mark(*c);
    };
    mark(set_status(r, v, a.dossiers[1].id, hoso::Status::returned, "Thiếu chữ ký.", core::kSecretariat));
    mark(set_status(r, v, a.dossiers[0].id, hoso::Status::eligible, "", core::kSecretariat));
    CouncilMeeting m = new_meeting(core::campaign(), r, core::view_of(r), "hd-2025-11", {2025, 11, 5}, now);
    m.members_total = 9;
    m.members_present = 8;
    m.absent = {{"Hà Thị Én", "Đi công tác", "Đồng ý"}};
    m.votes[0].votes_for = 8;
    mark(save_meeting(r, core::campaign(), m, "", core::kSecretariat));
    mark(close_meeting(r, core::campaign(), m.id, core::kSecretariat));
    key_b1_ = pb.package_id + "_r1_" + pb.content_hash.substr(0, 12);
    key_b2_ = pb2.package_id + "_r2_" + pb2.content_hash.substr(0, 12);
    mark(remove_revision(r, key_b1_, "Đã có lần gửi 2.", core::kSecretariat));
    return r;
  }
  std::string pdf_sha_, key_b1_, key_b2_;
};

TEST_F(RegistryStoreTest, RoundTrip) {
  RecordStore records(dir_);
  RegistryStore store(records);
  ASSERT_TRUE(store.load(kT0).ok());
  const Registry r = filled(store, kT0);
  EXPECT_TRUE(store.dirty());
  const FlushResult flushed = store.flush(r, kT0);
  EXPECT_TRUE(flushed.errors.empty());
  EXPECT_FALSE(store.dirty());
  // state, two revisions, five decisions, one meeting
  EXPECT_EQ(flushed.written, 1 + 2 + 5 + 1);
  EXPECT_TRUE(exists("registry/state.json"));
  EXPECT_TRUE(exists(revision_record(r.revisions[0].key())));
  EXPECT_TRUE(exists("registry/sessions/hd-2025-11.json"));
  EXPECT_TRUE(exists(decision_record(r.decisions[0].dossier_id)));

  RecordStore again(dir_);
  RegistryStore fresh(again);
  auto loaded = fresh.load(kT0 + 1000);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->broken.empty());
  EXPECT_EQ(loaded->reg, r);
  EXPECT_EQ(*fresh.attachment(pdf_sha_), "%PDF-1.4 bằng khen");
  EXPECT_EQ(registry_snapshot(loaded->reg), registry_snapshot(r));

  // A change writes its own small record, nothing else.
  Registry changed = loaded->reg;
  const RegistryView v = core::view_of(changed);
  const std::string id = changed.revisions[0].dossiers[2].id;
  auto c = set_status(changed, v, id, hoso::Status::eligible, "", core::kSecretariat);
  ASSERT_TRUE(c.ok());
  fresh.mark(*c);
  const FlushResult one = fresh.flush(changed, kT0 + 2000);
  EXPECT_EQ(one.written, 1);
  EXPECT_EQ(read_json(decision_record(id))["data"]["status"], "eligible");
}

TEST_F(RegistryStoreTest, RemovedRevisionGoesToTheTrash) {
  RecordStore records(dir_);
  RegistryStore store(records);
  ASSERT_TRUE(store.load(kT0).ok());
  Registry r = filled(store, kT0);
  ASSERT_TRUE(store.flush(r, kT0).errors.empty());
  const std::string key = key_b2_;
  auto removed = remove_revision(r, key, "Gửi nhầm.", core::kSecretariat);
  ASSERT_TRUE(removed.ok());
  store.mark(*removed);
  EXPECT_TRUE(store.flush(r, kT0 + 1000).errors.empty());
  EXPECT_FALSE(exists(revision_record(key)));
  bool in_trash = false;
  for (const auto& [name, bytes] : snapshot()) in_trash = in_trash || (name.rfind("trash/", 0) == 0 && name.find(key) != std::string::npos);
  EXPECT_TRUE(in_trash);
  auto loaded = RegistryStore(records).load(kT0 + 2000);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->reg.revisions.size(), 1u);
  EXPECT_EQ(loaded->reg.log.size(), 2u);
}

// The authority's decision is a record of its own; withdrawn, it goes to the trash and the
// dossiers' records say "proposed" again.
TEST_F(RegistryStoreTest, AwardDecisionsRoundTripAndWithdrawnOnesGoToTheTrash) {
  RecordStore records(dir_);
  RegistryStore store(records);
  ASSERT_TRUE(store.load(kT0).ok());
  Registry r = filled(store, kT0);
  const std::string proposed = r.meetings[0].votes[0].dossier_id;
  ASSERT_EQ(status_of(r, proposed), hoso::Status::proposed);
  AwardDecision d;
  d.number = "120/QĐ-SNgV";
  d.date = {2025, 11, 20};
  d.signer = "Hoàng Văn Sơn";
  d.meeting_id = r.meetings[0].id;
  d.awarded = {proposed};
  auto recorded = record_award(r, core::campaign(), d, {2025, 11, 25}, core::kSecretariat);
  ASSERT_TRUE(recorded.ok()) << recorded.error().describe(Language::en);
  store.mark(*recorded);
  ASSERT_TRUE(store.flush(r, kT0).errors.empty());
  EXPECT_TRUE(exists("registry/awards/qd-1.json"));
  EXPECT_TRUE(exists("history/awards.json"));
  auto loaded = RegistryStore(records).load(kT0 + 1000);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->broken.empty());
  EXPECT_EQ(loaded->reg, r);
  EXPECT_EQ(loaded->reg.award_of(proposed)->number, "120/QĐ-SNgV");
  EXPECT_EQ(loaded->reg.history.size(), 1u);

  // A backup's register records are checked once the full edition installs the check.
  nlohmann::json bad = to_json(r.awards.front());
  bad["decider"] = "king";
  EXPECT_FALSE(model_problem("registry/awards/qd-1.json", bad).has_value());  // the unit's edition: not its records
  set_registry_record_check(registry_record_problem);
  EXPECT_EQ(model_problem("registry/awards/qd-1.json", bad)->path, "decider");
  EXPECT_FALSE(model_problem("registry/awards/qd-1.json", to_json(r.awards.front())).has_value());
  EXPECT_EQ(model_problem("history/awards.json", nlohmann::json::object())->path, "format");
  set_registry_record_check(nullptr);

  auto withdrawn = withdraw_award(r, "qd-1", "Nhập nhầm số.", core::kSecretariat);
  ASSERT_TRUE(withdrawn.ok());
  store.mark(*withdrawn);
  ASSERT_TRUE(store.flush(r, kT0 + 2000).errors.empty());
  EXPECT_FALSE(exists("registry/awards/qd-1.json"));
  auto again = RegistryStore(records).load(kT0 + 3000);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->reg, r);
  EXPECT_TRUE(again->reg.awards.empty());
  EXPECT_TRUE(again->reg.history.empty());
  EXPECT_EQ(status_of(again->reg, proposed), hoso::Status::proposed);
}

TEST_F(RegistryStoreTest, BrokenRecordsAreReportedAndTheRestLoads) {
  RecordStore records(dir_);
  RegistryStore store(records);
  ASSERT_TRUE(store.load(kT0).ok());
  const Registry r = filled(store, kT0);
  ASSERT_TRUE(store.flush(r, kT0).errors.empty());
  // One decision damaged on disk; one meeting that parses but is not a meeting.
  const std::string damaged = decision_record(r.decisions[0].dossier_id);
  write_raw(damaged, "{garbage");
  json meeting = read_json("registry/sessions/hd-2025-11.json");
  meeting["data"]["members_total"] = "nine";
  write_raw("registry/sessions/hd-2025-11.json", meeting.dump());

  RecordStore again(dir_);
  auto loaded = RegistryStore(again).load(kT0 + 1000);
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->broken.size(), 2u);
  EXPECT_EQ(loaded->broken[0].name, damaged);
  EXPECT_EQ(loaded->broken[0].kind, BrokenRecord::Kind::damaged);
  EXPECT_EQ(loaded->broken[1].name, "registry/sessions/hd-2025-11.json");
  EXPECT_NE(loaded->broken[1].problem_en.find("members_total"), std::string::npos) << loaded->broken[1].problem_en;
  EXPECT_TRUE(exists("registry/sessions/hd-2025-11.json"));  // left where it is, never deleted
  EXPECT_EQ(loaded->reg.decisions.size(), r.decisions.size() - 1);
  EXPECT_TRUE(loaded->reg.meetings.empty());
  EXPECT_EQ(loaded->reg.revisions, r.revisions);
}

// The campaigns the secretariat writes: each draft its own record outside registry/, written when
// it changed, read back whole; one that does not read is reported and the others load.
TEST_F(RegistryStoreTest, CampaignDraftsRoundTripAndABrokenOneIsReported) {
  RecordStore records(dir_);
  RegistryStore store(records);
  ASSERT_TRUE(store.load(kT0).ok());
  Registry r = core::empty_registry();
  const auto plan32 = nlohmann::json::parse(*assets::find("campaigns/32-KH-SNgV.json"));
  const std::vector<std::string> taken{"32-KH-SNgV"};
  r.drafts.push_back(duplicate_campaign(plan32, taken, kT0));
  r.drafts.push_back(duplicate_campaign(plan32, taken, kT0 + 1));
  ASSERT_TRUE(set_draft_value(r.drafts[0], "plan.number", "15/KH-SNgV"));
  RegistryChanges c;
  c.drafts = {r.drafts[0].key, r.drafts[1].key};
  store.mark(c);
  const FlushResult flushed = store.flush(r, kT0);
  EXPECT_TRUE(flushed.errors.empty());
  EXPECT_EQ(flushed.written, 2);
  EXPECT_TRUE(exists(draft_record(r.drafts[0].key)));
  EXPECT_EQ(draft_record(r.drafts[0].key).rfind("campaign-drafts/", 0), 0u);

  RecordStore again(dir_);
  auto loaded = RegistryStore(again).load(kT0 + 1000);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->broken.empty());
  ASSERT_EQ(loaded->reg.drafts.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {  // instants are kept to the second
    EXPECT_EQ(loaded->reg.drafts[i].key, r.drafts[i].key);
    EXPECT_EQ(loaded->reg.drafts[i].content, r.drafts[i].content);
    EXPECT_EQ(loaded->reg.drafts[i].created / 1000, r.drafts[i].created / 1000);
  }
  EXPECT_FALSE(registry_record_problem(draft_record(r.drafts[0].key), draft_to_json(r.drafts[0])));

  json broken = read_json(draft_record(r.drafts[1].key));
  broken["data"]["format"] = "hoso-campaign";
  write_raw(draft_record(r.drafts[1].key), broken.dump());
  RecordStore third(dir_);
  auto partial = RegistryStore(third).load(kT0 + 2000);
  ASSERT_TRUE(partial.ok());
  ASSERT_EQ(partial->broken.size(), 1u);
  EXPECT_EQ(partial->broken[0].name, draft_record(r.drafts[1].key));
  ASSERT_EQ(partial->reg.drafts.size(), 1u);
  EXPECT_EQ(partial->reg.drafts[0].plan_number(), "15/KH-SNgV");
  EXPECT_TRUE(registry_record_problem(draft_record(r.drafts[1].key), broken["data"]));
}

TEST_F(RegistryStoreTest, LivesBesideTheWorkspace) {
  WorkspaceStore ws(dir_);
  ASSERT_TRUE(ws.load(kT0).ok());
  Workspace w;
  w.settings.role = Role::secretariat;
  w.settings.author = "Văn thư Sở";
  ws.mark_settings_dirty();
  ASSERT_TRUE(ws.flush(w, kT0).errors.empty());
  RegistryStore store(ws.records());
  const Registry r = filled(store, kT0);
  ASSERT_TRUE(store.flush(r, kT0).errors.empty());

  auto workspace = WorkspaceStore(dir_).load(kT0 + 1000);
  ASSERT_TRUE(workspace.ok());
  EXPECT_TRUE(workspace->broken.empty());
  EXPECT_TRUE(workspace->workspace.dossiers.empty());
  EXPECT_EQ(workspace->workspace.settings.role, Role::secretariat);
  // One pass over the disk serves both.
  RecordStore again(dir_);
  auto report = again.load_all(kT0 + 2000);
  ASSERT_TRUE(report.ok());
  RegistryStore both(again);
  EXPECT_EQ(both.read(*report).reg, r);
}

// The register's head (removals and choices) is damaged: the register loads without it, and
// no save writes an empty head over it (nor rotates its good ".prev" away) until the person
// restores the previous version or starts it over.
TEST_F(RegistryStoreTest, DamagedStateIsHeldNotOverwritten) {
  RecordStore records(dir_);
  RegistryStore store(records);
  ASSERT_TRUE(store.load(kT0).ok());
  Registry r = filled(store, kT0);
  ASSERT_TRUE(store.flush(r, kT0).errors.empty());
  r.log.pop_back();  // a second version of the head, so that it has a ".prev"
  store.mark_all_dirty(r);
  ASSERT_TRUE(store.flush(r, kT0 + 500).errors.empty());
  const std::string previous = read_raw("registry/state.json.prev");
  write_raw("registry/state.json", "{\"data\":");

  RecordStore again(dir_);
  RegistryStore fresh(again);
  auto loaded = fresh.load(kT0 + 1000);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(fresh.state_held());
  EXPECT_TRUE(loaded->reg.log.empty());
  for (int save = 0; save < 2; ++save) {
    fresh.mark_all_dirty(loaded->reg);
    const FlushResult f = fresh.flush(loaded->reg, kT0 + 2000 + save);
    ASSERT_EQ(f.errors.size(), 1u);
    EXPECT_EQ(f.errors[0].kind, ErrorKind::held_unreadable);
  }
  EXPECT_FALSE(exists("registry/state.json"));
  EXPECT_EQ(read_raw("registry/state.json.prev"), previous);

  ASSERT_TRUE(fresh.restore_previous("registry/state.json", kT0 + 3000).ok());
  RecordStore third(dir_);
  RegistryStore restored(third);
  auto back = restored.load(kT0 + 4000);
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(restored.state_held());
  EXPECT_EQ(back->reg.log.size(), r.log.size() + 1);
}

}  // namespace
}  // namespace hoso::store::testing
