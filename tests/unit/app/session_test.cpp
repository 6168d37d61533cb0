// The one door: every change the unit's screens make goes through a Session method. A read-only
// tab (another tab owns the workspace) refuses each one, says why, and leaves the workspace and its
// files as they were; a writable tab applies each one, audits it and saves it.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <set>

#include "app/backup_actions.hpp"
#include "app/file_routing.hpp"
#include "app/secretariat_session.hpp"
#include "app/session.hpp"
#include "app/strings.hpp"
#include "core/paths.hpp"
#include "core/synthetic.hpp"
#include "store/workspace_store.hpp"
#include "fake_platform.hpp"

namespace hoso::app {
namespace {

using testing::DownloadedFile;
using testing::FakePlatform;
using testing::files_under;

class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    load_catalogues();
    dir_ = testing::scratch_dir();
    platform_ = std::make_unique<FakePlatform>(dir_);
    session_ = std::make_unique<Session>(*platform_);
    ASSERT_TRUE(session_->start());
  }
  void TearDown() override {
    session_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  Session& s() { return *session_; }

  // Three generated dossiers (valid, in draft) and minutes voting on each, saved.
  void seed() {
    SyntheticOptions o;
    o.dossiers = 3;
    o.now = testing::kT0;
    Workspace w = generate_workspace(s().library(), s().campaign(), o);
    w.settings.author = "Cán bộ thi đua";
    ASSERT_TRUE(s().replace_workspace(std::move(w)));
    s().flush();
  }
  std::string dossier_id(size_t i) { return s().workspace().dossiers.at(i).id; }

  // A change refused with `refused`, said once as a toast (where the change was tried).
  template <class Result>
  void expect_refused(const char* change, const Result& r, const DataError& refused) {
    SCOPED_TRACE(change);
    ++refusals_;
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(), refused);
    ASSERT_EQ(s().toasts.size(), 1u);
    EXPECT_EQ(s().toasts.back().message, Message::text(refused.what));
    s().toasts.clear();
  }
  // Every change to a dossier's content (it holds at least one attachment and one target row).
  void expect_content_changes_refused(const Dossier& shown, const DataError& refused) {
    Session& ss = s();
    expect_refused("set", ss.set(shown, "nominee.full_name", "Người khác"), refused);
    expect_refused("set_kind", ss.set_kind(shown, NomineeKind::collective), refused);
    expect_refused("add_row", ss.add_row(shown, "report.targets"), refused);
    expect_refused("move_row", ss.move_row(shown, "report.targets", 0, 1), refused);
    expect_refused("remove_row", ss.remove_row(shown, "report.targets", 0), refused);
    expect_refused("add_attachment", ss.add_attachment(shown, "khac.pdf", "application/pdf", "%PDF-1.4 khac"), refused);
    expect_refused("remove_attachment", ss.remove_attachment(shown, shown.attachments.at(0).id), refused);
  }
  int refusals_ = 0;

  std::filesystem::path dir_;
  std::unique_ptr<FakePlatform> platform_;
  std::unique_ptr<Session> session_;
};

TEST_F(SessionTest, ReadOnlyTabRefusesEveryChangeAndKeepsTheWorkspace) {
  seed();
  Session& ss = s();
  const std::string id = dossier_id(0);
  ASSERT_TRUE(ss.add_attachment(*ss.dossier(id), "giay-khen.pdf", "application/pdf", "%PDF-1.4 giay khen"));
  ASSERT_TRUE(ss.add_minutes_row("minutes.absent"));
  ASSERT_TRUE(ss.delete_dossier(dossier_id(2)));  // its undo is on offer
  ss.flush();

  platform_->status.state = SaveState::read_only;
  const nlohmann::json before = to_json(ss.workspace());
  const auto files = files_under(dir_);
  const uint64_t revision = ss.revision();
  const Dossier shown = *ss.dossier(id);  // what the screen shows
  const DataError refused{{}, {}, both("save.read_only_refused")};
  ASSERT_NE(refused.what.vi, "save.read_only_refused");  // the catalogue has it, in both languages
  ASSERT_NE(refused.what.en, refused.what.vi);

  ss.toasts.clear();
  auto expect_refused = [&](const char* change, const auto& r) { SessionTest::expect_refused(change, r, refused); };
  expect_content_changes_refused(shown, refused);
  expect_refused("change_status", ss.change_status(shown, Status::ready));
  expect_refused("create_dossier", ss.create_dossier(NomineeKind::individual, ""));
  expect_refused("duplicate", ss.duplicate(shown));
  expect_refused("delete_dossier", ss.delete_dossier(id));
  expect_refused("undo_delete", ss.undo_delete());
  expect_refused("set_minutes", ss.set_minutes("minutes.place", "Nơi khác"));
  expect_refused("add_minutes_row", ss.add_minutes_row("minutes.absent"));
  expect_refused("remove_minutes_row", ss.remove_minutes_row("minutes.absent", 0));
  expect_refused("remove_vote", ss.remove_vote(id));
  Settings settings = ss.settings();
  settings.author = "Người khác";
  settings.language = Language::en;
  expect_refused("change_settings", ss.change_settings(settings));
  Dossier returned = shown;
  returned.return_reason = "Thiếu minh chứng";
  expect_refused("replace_dossier", ss.replace_dossier(returned));
  Workspace smaller = ss.workspace();
  smaller.dossiers.pop_back();
  expect_refused("update_workspace", ss.update_workspace(smaller));
  expect_refused("replace_workspace", ss.replace_workspace(Workspace{}));
  expect_refused("restore_previous", ss.restore_previous("settings"));
  const auto downloads = platform_->downloads.size();
  expect_refused("export_package", ss.export_package({id}, Contact{"Người gửi", "", ""}));
  EXPECT_EQ(platform_->downloads.size(), downloads) << "nothing is built or offered";
  EXPECT_EQ(refusals_, 22);

  EXPECT_EQ(to_json(ss.workspace()), before);
  EXPECT_EQ(ss.revision(), revision);
  EXPECT_TRUE(ss.can_undo_delete());
  ss.flush();
  EXPECT_EQ(files_under(dir_), files);

  // English when the person reads English (the tab that owns the workspace chose it).
  platform_->status.state = SaveState::saved;
  settings = ss.settings();
  settings.language = Language::en;
  ASSERT_TRUE(ss.change_settings(settings));
  platform_->status.state = SaveState::read_only;
  EXPECT_FALSE(ss.set(shown, "nominee.full_name", "X"));
  EXPECT_EQ(ss.toasts.back().message, Message::text(refused.what));
}

TEST_F(SessionTest, WritableTabAppliesEachChangeAuditsAndSavesIt) {
  seed();
  Session& ss = s();
  const std::string id = dossier_id(0), other = dossier_id(1), third = dossier_id(2);
  auto revision = ss.revision();
  auto grew = [&] {
    const bool g = ss.revision() > revision;
    revision = ss.revision();
    return g;
  };

  ASSERT_TRUE(*ss.set(*ss.dossier(id), "nominee.full_name", "Nguyễn Thị Mới"));
  EXPECT_TRUE(grew());
  EXPECT_EQ(ss.dossier(id)->nominee.full_name, "Nguyễn Thị Mới");
  EXPECT_EQ(ss.dossier(id)->audit.back().path, "nominee.full_name");
  EXPECT_EQ(ss.dossier(id)->audit.back().author, "Cán bộ thi đua");
  EXPECT_FALSE(*ss.set(*ss.dossier(id), "nominee.full_name", "Nguyễn Thị Mới"));  // already so
  EXPECT_FALSE(grew());

  const size_t rows = ss.dossier(id)->report["targets"].size();
  auto row = ss.add_row(*ss.dossier(id), "report.targets");
  ASSERT_TRUE(row);
  EXPECT_EQ(*row, rows);
  ASSERT_TRUE(*ss.set(*ss.dossier(id), cell_path("report.targets", *row, "target"), "Mục tiêu mới"));
  ASSERT_TRUE(*ss.move_row(*ss.dossier(id), "report.targets", *row, 0));
  EXPECT_EQ(ss.dossier(id)->report["targets"][0]["target"], "Mục tiêu mới");
  ASSERT_TRUE(*ss.remove_row(*ss.dossier(id), "report.targets", 0));
  EXPECT_EQ(ss.dossier(id)->report["targets"].size(), rows);
  EXPECT_TRUE(grew());

  ASSERT_TRUE(*ss.change_status(*ss.dossier(other), Status::ready));
  EXPECT_EQ(ss.dossier(other)->status, Status::ready);
  ASSERT_TRUE(*ss.change_status(*ss.dossier(other), Status::draft));
  ASSERT_TRUE(*ss.change_status(*ss.dossier(other), Status::ready));
  // A dossier with an error is not ready.
  ASSERT_TRUE(*ss.set(*ss.dossier(third), "nominee.full_name", ""));
  EXPECT_FALSE(ss.change_status(*ss.dossier(third), Status::ready));
  EXPECT_EQ(ss.dossier(third)->status, Status::draft);

  // The export: the ready dossier goes out in revision 1, offered as a download and saved.
  const auto downloads = platform_->downloads.size();
  auto exported = ss.export_package({other}, Contact{"Cán bộ thi đua", "0900000000", ""});
  ASSERT_TRUE(exported) << exported.error().describe(Language::en);
  EXPECT_EQ(exported->revision, 1);
  ASSERT_EQ(platform_->downloads.size(), downloads + 1);
  EXPECT_EQ(platform_->downloads.back().name, exported->file_name);
  EXPECT_EQ(platform_->downloads.back().bytes, exported->text);
  EXPECT_EQ(ss.dossier(other)->status, Status::exported);
  EXPECT_EQ(ss.workspace().exports.last_revision, 1);
  // The workspace's id, drawn at its first export, is in the package and kept across a start:
  // the next revision names the same workspace (else the secretariat would flag it as made
  // elsewhere).
  const std::string workspace_id = ss.workspace().workspace_id;
  EXPECT_EQ(nlohmann::json::parse(exported->text)["workspace_id"], workspace_id);
  ss.flush();
  {
    Session reopened(*platform_);
    ASSERT_TRUE(reopened.start());
    EXPECT_EQ(reopened.workspace().workspace_id, workspace_id);
  }
  EXPECT_FALSE(ss.export_package({third}, Contact{"Cán bộ thi đua", "", ""})) << "a draft is not sent";
  ASSERT_TRUE(*ss.change_status(*ss.dossier(other), Status::draft));  // reopened, as the editor does
  ASSERT_TRUE(*ss.change_status(*ss.dossier(other), Status::ready));

  auto kept = ss.add_attachment(*ss.dossier(id), "giay-khen.pdf", "application/pdf", "%PDF-1.4 giay khen");
  ASSERT_TRUE(kept);
  EXPECT_EQ(*kept, "giay-khen.pdf");
  const Attachment a = ss.dossier(id)->attachments.back();
  auto bytes = ss.attachment_bytes(a.sha256);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, "%PDF-1.4 giay khen");
  ASSERT_TRUE(ss.add_attachment(*ss.dossier(id), "anh.png", "image/png", "\x89PNG\r\n\x1a\n"));
  ASSERT_TRUE(*ss.remove_attachment(*ss.dossier(id), ss.dossier(id)->attachments.back().id));
  EXPECT_EQ(ss.dossier(id)->attachments.size(), 1u);

  auto created = ss.create_dossier(NomineeKind::collective, "");
  ASSERT_TRUE(created);
  ASSERT_NE(ss.dossier(*created), nullptr);
  EXPECT_EQ(ss.dossier(*created)->nominee.kind, NomineeKind::collective);
  auto copy = ss.duplicate(*ss.dossier(id));
  ASSERT_TRUE(copy);
  ASSERT_NE(ss.dossier(*copy), nullptr);
  EXPECT_TRUE(ss.dossier(*copy)->attachments.empty());  // the other nominee's papers stay behind
  ASSERT_TRUE(ss.delete_dossier(*copy));
  EXPECT_EQ(ss.dossier(*copy), nullptr);
  ASSERT_TRUE(ss.can_undo_delete());
  ASSERT_TRUE(ss.undo_delete());
  EXPECT_NE(ss.dossier(*copy), nullptr);
  ASSERT_TRUE(ss.set_kind(*ss.dossier(*copy), NomineeKind::collective));
  EXPECT_EQ(ss.dossier(*copy)->nominee.kind, NomineeKind::collective);

  ASSERT_NE(ss.unit_minutes(), nullptr);
  ASSERT_TRUE(*ss.set_minutes("minutes.place", "Hội trường B"));
  auto absent = ss.add_minutes_row("minutes.absent");
  ASSERT_TRUE(absent);
  ASSERT_TRUE(*ss.set_minutes(cell_path("minutes.absent", *absent, "name"), "Lộc Văn Giang"));
  ASSERT_TRUE(*ss.remove_minutes_row("minutes.absent", *absent));
  ASSERT_NE(ss.unit_minutes()->vote_for(third), nullptr);
  ASSERT_TRUE(*ss.remove_vote(third));
  EXPECT_EQ(ss.unit_minutes()->vote_for(third), nullptr);

  Settings st = ss.settings();
  st.unit_name = "Phòng Giáo dục";
  ASSERT_TRUE(*ss.change_settings(st));
  EXPECT_FALSE(*ss.change_settings(st));
  EXPECT_EQ(ss.settings().unit_name, "Phòng Giáo dục");

  Dossier returned = *ss.dossier(other);
  returned.return_reason = "Thiếu minh chứng";
  ASSERT_TRUE(ss.replace_dossier(returned));
  EXPECT_EQ(ss.dossier(other)->return_reason, "Thiếu minh chứng");
  EXPECT_TRUE(ss.toasts.empty());  // nothing refused, nothing to say

  // A new tab on the same storage reads every change back.
  ss.flush();
  Session again(*platform_);
  ASSERT_TRUE(again.start());
  EXPECT_EQ(again.workspace().dossiers.size(), ss.workspace().dossiers.size());
  for (const Dossier& d : ss.workspace().dossiers) {
    ASSERT_NE(again.dossier(d.id), nullptr) << d.id;
    EXPECT_EQ(*again.dossier(d.id), d) << d.id;
  }
  ASSERT_NE(again.unit_minutes(), nullptr);
  EXPECT_EQ(*again.unit_minutes(), *ss.unit_minutes());
  EXPECT_EQ(again.settings(), ss.settings());
}

// A dossier sent to the secretariat is kept as sent: each change to its content is refused with a
// reason (a stray keystroke no longer turns it back into a draft); reopened on purpose (back to
// draft), it takes changes again.
TEST_F(SessionTest, SentDossierRefusesChangesUntilReopened) {
  seed();
  Session& ss = s();
  const std::string id = dossier_id(0);
  ASSERT_TRUE(ss.add_attachment(*ss.dossier(id), "giay-khen.pdf", "application/pdf", "%PDF-1.4 giay khen"));
  {
    Workspace w = ss.workspace();
    w.dossier(id)->status = Status::exported;
    ASSERT_TRUE(ss.replace_workspace(std::move(w)));
  }
  const Dossier shown = *ss.dossier(id);
  const nlohmann::json before = to_json(shown);
  const DataError refused{{}, {}, both("dossier.sent_refused")};
  ASSERT_NE(refused.what.vi, "dossier.sent_refused");
  ss.toasts.clear();
  expect_content_changes_refused(shown, refused);
  EXPECT_EQ(to_json(*ss.dossier(id)), before);

  // Reopened on purpose: a draft, audited, and editable again.
  ASSERT_TRUE(ss.change_status(shown, Status::draft));
  EXPECT_EQ(ss.dossier(id)->status, Status::draft);
  EXPECT_EQ(ss.dossier(id)->audit.back().path, "status");
  ASSERT_TRUE(*ss.set(*ss.dossier(id), "nominee.full_name", "Người khác"));
  EXPECT_EQ(ss.dossier(id)->nominee.full_name, "Người khác");
}

// Restoring a damaged record's previous version reads the workspace back from the store: an edit
// typed a moment before, not yet written, is kept (written first), not discarded.
TEST_F(SessionTest, RestoringAPreviousVersionKeepsEditsNotYetSaved) {
  seed();
  const std::string damaged = dossier_id(1), edited = dossier_id(0);
  ASSERT_TRUE(*s().set(*s().dossier(damaged), "nominee.position", "Phó Trưởng phòng"));
  s().flush();  // now the record has a previous version
  {
    std::ofstream(dir_ / store::dossier_record(damaged), std::ios::binary | std::ios::trunc) << "{garbage";
  }
  session_ = std::make_unique<Session>(*platform_);  // the app opened again
  ASSERT_TRUE(s().start());
  ASSERT_EQ(s().broken_records().size(), 1u);
  ASSERT_EQ(s().dossier(damaged), nullptr);

  ASSERT_TRUE(*s().set(*s().dossier(edited), "nominee.position", "Chuyên viên chính"));  // not yet saved
  ASSERT_TRUE(s().restore_previous(store::dossier_record(damaged)));
  EXPECT_TRUE(s().broken_records().empty());
  ASSERT_NE(s().dossier(damaged), nullptr);
  EXPECT_EQ(s().dossier(edited)->nominee.position, "Chuyên viên chính");
  session_ = std::make_unique<Session>(*platform_);  // and it was stored
  ASSERT_TRUE(s().start());
  EXPECT_EQ(s().dossier(edited)->nominee.position, "Chuyên viên chính");
}

TEST_F(SessionTest, FirstMinutesChangeCreatesThem) {
  Session& ss = s();
  EXPECT_EQ(ss.unit_minutes(), nullptr);
  platform_->status.state = SaveState::read_only;
  EXPECT_FALSE(ss.set_minutes("minutes.place", "Hội trường"));
  EXPECT_EQ(ss.unit_minutes(), nullptr);  // a refused change creates nothing either
  platform_->status.state = SaveState::saved;
  ASSERT_TRUE(*ss.set_minutes("minutes.place", "Hội trường"));
  ASSERT_NE(ss.unit_minutes(), nullptr);
  EXPECT_EQ(ss.unit_minutes()->place, "Hội trường");
}

// Files reach the app through on_file: an attachment goes to the dossier open in the editor, and
// a read-only tab refuses it with the file's name.
TEST_F(SessionTest, AttachmentFilesGoToTheOpenDossierUnlessReadOnly) {
  seed();
  Session& ss = s();
  const std::string id = dossier_id(0);
  ss.nav.screen = Screen::dossier;
  ss.nav.dossier_id = id;
  const size_t before = ss.dossier(id)->attachments.size();
  on_file(ss, FilePurpose::attachment, "bang-khen.pdf", "application/pdf", "%PDF-1.4 bang khen", 0, 2);
  on_file(ss, FilePurpose::dropped, "anh.png", "image/png", "\x89PNG\r\n\x1a\n anh", 1, 2);
  EXPECT_EQ(ss.dossier(id)->attachments.size(), before + 2);
  ASSERT_EQ(ss.toasts.size(), 1u);
  EXPECT_EQ(ss.toasts.back().kind, Toast::Kind::success);
  EXPECT_EQ(ss.nav.open_section, "attachments");

  platform_->status.state = SaveState::read_only;
  const nlohmann::json unchanged = to_json(ss.workspace());
  on_file(ss, FilePurpose::attachment, "giay-chung-nhan.pdf", "application/pdf", "%PDF-1.4 khac", 0, 1);
  EXPECT_EQ(to_json(ss.workspace()), unchanged);
  ASSERT_EQ(ss.toasts.size(), 1u);
  EXPECT_EQ(ss.toasts.back().kind, Toast::Kind::error);
  EXPECT_NE(say(ss.toasts.back().message).find("giay-chung-nhan.pdf"), std::string::npos);
}

// The backup: written as a download, then restored after the person's word, which brings back
// what changed since; a read-only tab refuses to restore.
TEST_F(SessionTest, BackupIsWrittenThenRestoredOnThePersonsWord) {
  seed();
  Session& ss = s();
  const std::string id = dossier_id(0);
  const std::string name = ss.dossier(id)->nominee.full_name;
  export_backup(ss);
  ASSERT_EQ(platform_->downloads.size(), 1u);
  const DownloadedFile backup = platform_->downloads.back();
  EXPECT_EQ(backup.name, backup_file_name(ss));

  ASSERT_TRUE(*ss.set(*ss.dossier(id), "nominee.full_name", "Tên đổi sau khi sao lưu"));
  platform_->status.state = SaveState::read_only;
  on_file(ss, FilePurpose::backup, backup.name, backup.mime, backup.bytes, 0, 1);
  EXPECT_FALSE(pending_backup());
  EXPECT_EQ(ss.toasts.back().kind, Toast::Kind::warning);

  platform_->status.state = SaveState::saved;
  on_file(ss, FilePurpose::backup, backup.name, backup.mime, backup.bytes, 0, 1);
  ASSERT_TRUE(pending_backup());
  EXPECT_EQ(pending_backup()->replaced.size(), 1u);  // the one dossier changed since
  EXPECT_EQ(ss.dossier(id)->nominee.full_name, "Tên đổi sau khi sao lưu");  // nothing yet
  restore_pending_backup(ss);
  EXPECT_FALSE(pending_backup());
  EXPECT_EQ(ss.dossier(id)->nominee.full_name, name);
  EXPECT_EQ(ss.toasts.back().kind, Toast::Kind::success);
}

// The secretariat writes next year's campaign and publishes it: the file is offered for download,
// the workspace holds it (the list shows it; a correction is its next version) without leaving the
// campaign it works on, and the draft is still there after the workspace is read again.
TEST_F(SessionTest, SecretariatPublishesACampaignItThenHolds) {
  Settings st = s().settings();
  st.role = Role::secretariat;
  ASSERT_TRUE(s().change_settings(st));
  Secretariat& sec = s().secretariat();
  const std::string key = sec.duplicate_campaign("32-KH-SNgV");
  ASSERT_FALSE(key.empty());
  EXPECT_FALSE(sec.publish_draft(key)) << "last year's plan number and the placeholders block it";
  EXPECT_TRUE(platform_->downloads.empty());
  ASSERT_TRUE(sec.edit_draft(key, "plan.number", "15/KH-SNgV"));
  ASSERT_TRUE(sec.edit_draft(key, "plan.date", "02/03/2026"));
  ASSERT_TRUE(sec.remove_draft_item(key, "award_forms[1]"));
  for (const Finding& f : sec.draft_findings(key)) EXPECT_NE(f.severity, Severity::error) << f.path << ": " << f.message.en;
  ASSERT_TRUE(sec.publish_draft(key));
  ASSERT_EQ(platform_->downloads.size(), 1u);
  EXPECT_EQ(platform_->downloads[0].name, "15-KH-SNgV-2026_v1.json");
  EXPECT_TRUE(read_campaign_file(platform_->downloads[0].name, platform_->downloads[0].bytes));
  EXPECT_EQ(s().workspace().campaign_id, "32-KH-SNgV") << "the campaign worked on stays active";
  ASSERT_NE(s().library().campaign("15-KH-SNgV-2026"), nullptr);
  EXPECT_EQ(sec.correct_campaign("15-KH-SNgV-2026"), key) << "its correction goes on in the same draft";
  // A corrected criterion is version 2, and the workspace holds it.
  ASSERT_TRUE(sec.edit_draft(key, "award_forms[0].rules[0].criteria[0].text_vi", "Gương mẫu chấp hành chủ trương, chính sách."));
  ASSERT_TRUE(sec.publish_draft(key));
  EXPECT_EQ(platform_->downloads.back().name, "15-KH-SNgV-2026_v2.json");
  EXPECT_EQ(s().library().campaign("15-KH-SNgV-2026")->version, 2);
  s().flush();
  Session again(*platform_);
  ASSERT_TRUE(again.start());
  const CampaignDraft* d = again.secretariat().draft(key);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->published_version, 2);
  EXPECT_TRUE(d->published_as_is());
  EXPECT_EQ(again.library().campaign("15-KH-SNgV-2026")->version, 2);

  // Each campaign has its own register: opening the new campaign's starts an empty one under
  // registers/, and Plan 32's is where it was when the secretariat comes back to it.
  Secretariat& office = again.secretariat();
  EXPECT_EQ(office.reg().campaign_id, "32-KH-SNgV");
  office.new_meeting(Date{2026, 3, 10});
  again.flush();
  ASSERT_EQ(office.reg().meetings.size(), 1u);
  ASSERT_TRUE(again.switch_campaign("15-KH-SNgV-2026"));
  EXPECT_EQ(office.reg().campaign_id, "15-KH-SNgV-2026");
  EXPECT_TRUE(office.reg().meetings.empty());
  EXPECT_EQ(office.drafts().size(), 1u) << "drafts are the Office's, not one register's";
  const std::string meeting = office.new_meeting(Date{2026, 12, 10});
  ASSERT_FALSE(meeting.empty());
  again.flush();
  EXPECT_TRUE(std::filesystem::exists(dir_ / ("registers/15-KH-SNgV-2026/sessions/" + meeting + ".json")));
  ASSERT_TRUE(again.switch_campaign("32-KH-SNgV"));
  EXPECT_EQ(office.reg().campaign_id, "32-KH-SNgV");
  ASSERT_EQ(office.reg().meetings.size(), 1u);
  EXPECT_EQ(office.reg().meetings[0].date, (Date{2026, 3, 10}));
  ASSERT_TRUE(again.switch_campaign("15-KH-SNgV-2026"));
  ASSERT_EQ(office.reg().meetings.size(), 1u);
  EXPECT_EQ(office.reg().meetings[0].date, (Date{2026, 12, 10}));

  // The register's close is the campaign's close in the workspace; reopening undoes both.
  const Campaign& next = *again.library().campaign("15-KH-SNgV-2026");
  ASSERT_TRUE(office.close_campaign());
  EXPECT_EQ(again.campaign_state(next), CampaignState::closed);
  EXPECT_TRUE(again.campaign_closed("15-KH-SNgV-2026"));
  ASSERT_TRUE(office.reopen_campaign("Còn một quyết định chưa ghi"));
  EXPECT_FALSE(again.campaign_closed("15-KH-SNgV-2026"));
  // Plan 32 archived while another is chosen; kept across a start.
  ASSERT_TRUE(again.mark_campaign("32-KH-SNgV", CampaignMark::archived));
  EXPECT_FALSE(again.switch_campaign("32-KH-SNgV"));
  again.flush();
  Session third(*platform_);
  ASSERT_TRUE(third.start());
  EXPECT_EQ(third.workspace().campaign_marks.at("32-KH-SNgV"), CampaignMark::archived);
}

TEST(ScreenName, EveryScreenHasItsOwnName) {
  std::set<std::string> names;
  for (int i = 0; i <= static_cast<int>(Screen::campaigns); ++i) names.insert(screen_name(static_cast<Screen>(i)));
  EXPECT_EQ(names.size(), static_cast<size_t>(Screen::campaigns) + 1);
  EXPECT_EQ(names.count("unknown"), 0u);
  EXPECT_STREQ(screen_name(Screen::dossier), "dossier");
}

}  // namespace
}  // namespace hoso::app
