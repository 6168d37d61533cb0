#pragma once
// The secretariat's side of the session (role "secretariat"): the register (core/registry.hpp)
// with its store (store/registry_store.hpp, on the workspace's RecordStore), the intake batch
// waiting for the person's word, and every change the intake, register and council screens make.
// Like the unit's workspace: each change marks its records, bumps the revision and schedules a
// save (platform().save_soon()); Session::flush() writes them. Nothing here draws.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/award.hpp"
#include "core/campaign_draft.hpp"
#include "core/council.hpp"
#include "core/registry.hpp"
#include "store/registry_store.hpp"
#include "core/intake.hpp"
#include "core/registry_view.hpp"
#include "core/return_note.hpp"

namespace hoso::app {

class Session;

// A batch of package files: read one by one, classified together, then added on the person's word.
struct Intake {
  enum class State { reading, waiting, applied, discarded };
  State state = State::reading;
  int expected = 0;            // files announced by the picker or the drop
  IntakeReport report;         // classify()'s; entries in the files' order
  int added = 0;               // revisions added when applied
  Millis applied_at = 0;
  std::uint64_t batch = 0;     // 1, 2, ... per batch in this session
};

class Secretariat {
 public:
  explicit Secretariat(Session& s);

  // Reads the register from the store (first use, or after the workspace was reloaded).
  void load();
  const Registry& reg() const { return reg_; }
  const Campaign& campaign() const;
  // The table of every nominee, recomputed when the register (or the day) changed.
  const RegistryView& view();
  std::uint64_t revision() const { return revision_; }
  // Registry records that did not load (the workspace's notices already list quarantined ones).
  const std::vector<store::BrokenRecord>& broken() const { return broken_; }
  // The tab may not write (another tab holds the workspace), or the campaign is closed.
  bool read_only() const;

  // ---- intake ----
  // A package file picked or dropped (`index` of `count`), between frames.
  void receive(std::string_view name, std::string_view bytes, int index, int count);
  // Classifies what has been read when the last file never came (a file the browser failed to
  // read); called by the intake screen.
  void settle_reading();
  const std::optional<Intake>& intake() const { return intake_; }
  bool apply_intake();
  void discard_intake();
  bool remove_revision(std::string_view key, std::string_view reason);
  bool choose_revision(std::string_view key, std::string_view reason);
  // The person compared the revision's check code with the unit's signed cover list: equal.
  bool confirm_cover_list(std::string_view key);

  // ---- decisions ----
  bool set_status(std::string_view dossier_id, Status to, std::string_view reason);
  void download_return_note(std::string_view dossier_id);

  // ---- the council ----
  std::string new_meeting(Date date);  // its id
  CouncilMeeting* meeting(std::string_view id) { return reg_.meeting(id); }
  // The edited copy of a meeting (a closed one needs the reason); toasts what went wrong.
  bool save_meeting(const CouncilMeeting& edited, std::string_view reason = {});
  bool close_meeting(std::string_view id);
  // Appends a 0/0 ballot for every eligible dossier the meeting does not list yet; how many.
  int add_eligible(CouncilMeeting& edited);
  const MeetingResult& result(const CouncilMeeting& m);
  void export_proposals(const CouncilMeeting& m, bool csv);

  // ---- the authority's decisions (core/award.hpp) ----
  // Records a signed decision on a closed meeting's proposals; toasts what is missing or wrong.
  bool record_award(const AwardDecision& d);
  // What record_award would refuse (a missing number, a date after today, ...), without changing
  // anything; nullopt when it would be recorded.
  std::optional<Bilingual> award_problem(const AwardDecision& d) const;
  bool withdraw_award(std::string_view award_id, std::string_view reason);
  // The award money of a recorded decision as CSV (Excel).
  void export_payments(std::string_view award_id);

  // Keeps where the certificates' lines print (allowed in a closed campaign: it only prints).
  bool set_certificate_layout(const doc::CertificateLayout& l);

  // ---- campaigns the secretariat writes and publishes (core/campaign_draft.hpp) ----
  // Drafts keep working in a closed register: a campaign's close is not the next one's.
  const std::vector<CampaignDraft>& drafts() const { return reg_.drafts; }
  const CampaignDraft* draft(std::string_view key) const { return reg_.draft(key); }
  // The JSON of a campaign the workspace knows (built-in or held), or null.
  nlohmann::json campaign_source(std::string_view id) const;
  // A new draft from campaign `id` (next year's, a new id; `blank`: only what belongs to its
  // issuer, core blank_campaign) or a correction of it (its next version); the draft's key, or
  // empty (toasted) when there is no such campaign.
  std::string duplicate_campaign(std::string_view id, bool blank = false);
  std::string correct_campaign(std::string_view id);
  bool edit_draft(std::string_view key, std::string_view path, const nlohmann::json& value);
  bool edit_draft_deadline(std::string_view key, const nlohmann::json& date, bool stated_before);
  // A criterion, a decision basis or a nominee kind (core add_draft_item); the new item's path.
  std::string add_draft_item(std::string_view key, std::string_view list_path, std::string_view kind = {});
  bool remove_draft_item(std::string_view key, std::string_view path);
  bool move_draft_item(std::string_view key, std::string_view path, int by);
  bool set_draft_units(std::string_view key, std::string_view lines);
  bool delete_draft(std::string_view key);
  // Its findings (check_campaign_draft), recomputed when it or the day changed.
  const std::vector<Finding>& draft_findings(std::string_view key);
  // Publishes: the sealed file is downloaded (shared on a phone when `share`); toasts why not.
  bool publish_draft(std::string_view key, bool share = false);
  // The last file published this session, for a second download.
  const std::optional<PublishedCampaign>& last_published() const { return last_published_; }

  // ---- the campaign's close ----
  // A closed register changes no more (read_only() is true) until reopened with a reason.
  bool close_campaign();
  bool reopen_campaign(std::string_view reason);

  void flush();
  bool dirty() const { return store_.dirty(); }
  // For hoso.state(): the register's snapshot, the intake report, the table's rows and quotas,
  // and each meeting's result (Vietnamese text, as the screens show it).
  nlohmann::json snapshot();

 private:
  bool apply(const Outcome<RegistryChanges>& r);
  void changed(const RegistryChanges& c);
  void classify_pending();

  Session& s_;
  store::RegistryStore store_;
  Registry reg_;
  std::vector<store::BrokenRecord> broken_;
  std::uint64_t revision_ = 1;

  struct Pending {
    std::string name, bytes;
    Millis received = 0;
  };
  std::vector<Pending> pending_;
  Millis last_arrival_ = 0;
  std::optional<Intake> intake_;
  std::uint64_t batches_ = 0;

  RegistryView view_;
  std::uint64_t view_revision_ = 0;
  Date view_day_;

  // Every change of a draft goes through here: refused in a tab that may not write, toasted when
  // the change is refused, else marked, saved soon and the findings made again.
  bool change_draft(std::string_view key, const std::function<Outcome<Done>(CampaignDraft&)>& change);
  std::string add_draft(CampaignDraft d);  // its key
  std::vector<Finding> draft_findings_;
  std::string draft_findings_key_;
  std::uint64_t draft_findings_revision_ = 0;
  Date draft_findings_day_;
  std::optional<PublishedCampaign> last_published_;

  MeetingResult result_;
  std::uint64_t result_revision_ = 0;
  std::string result_meeting_;
  CouncilMeeting result_of_;
};

}  // namespace hoso::app
