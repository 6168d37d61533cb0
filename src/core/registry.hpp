#pragma once
// The secretariat's register (sổ đăng ký hồ sơ): every package revision the units sent, the
// secretariat's decision on each dossier, and the council's meetings. docs/ARCHITECTURE.md places
// it among the layers; this header is the API the secretariat's screens build on.
//
//   intake.hpp         classify / apply_intake: many package files -> an intake report (accepted,
//                      with warnings, kept aside, skipped, refused, and why) -> the register;
//                      remove_revision / choose_revision, explicit, with a reason, logged
//   registry_view.hpp  make_view: one table of every nominee of every unit, with completeness,
//                      findings (validate() per package plus cross-unit checks) and quotas;
//                      set_status: eligible / returned (with a reason) through the status machine
//   return_note.hpp    make_return_note / apply_return_note: the reason, carried back to the unit
//
// This header holds the register's data, its order and standing, and its records.
//
// The council's meetings are data here (CouncilMeeting); their result, closing and corrections
// are in council.hpp, the exports in proposal_export.hpp.
//
// Pure like the rest of the core: time, author and receipt times come from the caller. Functions
// that change the register return the records they touched (RegistryChanges), which the store
// (store/registry_store.hpp) writes.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/campaign.hpp"
#include "core/campaign_draft.hpp"
#include "core/date.hpp"
#include "core/dossier.hpp"
#include "core/documents/certificates.hpp"
#include "core/dossier_views.hpp"
#include "core/edit.hpp"
#include "core/meeting.hpp"
#include "core/minutes.hpp"
#include "core/package.hpp"
#include "core/validation.hpp"
#include "core/workspace.hpp"

namespace hoso {

class Library;

// The register's own records (store/registry_store.hpp) carry this format and version.
inline constexpr std::string_view kRegistryFormat = "hoso-register";
inline constexpr int kRegistryFormatVersion = 1;

// ---- the register ------------------------------------------------------------------------------

// One package revision as received and verified. Attachments' bytes are not here: the store keeps
// them as blobs by SHA-256 (the dossiers' attachment metadata names them).
struct PackageRevision {
  PackageHeader header;       // id, revision, previous hash, created, sender, contact, hash...
  std::string file_name;      // as the file was called when it was received
  Millis received = 0;        // the secretariat's clock when the file was read: what counts
  // A conflict (same package id, other content, not chained) waiting for a person: it takes no
  // part in the register's table until choose_revision() puts it in force.
  bool set_aside = false;
  std::vector<Bilingual> notes;  // what intake warned about, kept with the revision
  // The secretariat compared this file's check code (package.hpp: check_code) with the one printed
  // on the unit's signed and stamped cover list and found them equal. The hash proves the file is
  // unchanged, not who made it; the paper binds it to the unit (docs/PACKAGE.md). 0: not yet.
  Millis cover_list_checked = 0;
  std::string cover_list_checked_by;
  std::vector<Minutes> minutes;
  std::vector<Dossier> dossiers;  // as the unit exported them (status "exported")

  // "<package id>_r<revision>_<first 12 hex of the content hash>": unique even for two revisions
  // with the same number (a conflict), and the stem of its record name.
  std::string key() const;
  bool operator==(const PackageRevision&) const = default;
};

// The secretariat's status of one dossier (by dossier id; it survives new revisions).
struct Decision {
  std::string dossier_id;
  Status status = Status::received;
  std::string return_reason;      // when returned: what the unit reads
  std::vector<AuditEntry> audit;  // status and reason changes, recorded as edit.hpp records them
  std::string award_id;           // awarded / not awarded: the AwardDecision that said so
  bool operator==(const Decision&) const = default;
};

// An act that needed a reason: removing a revision, choosing one in a conflict, correcting a
// closed council meeting. Like AuditEntry, with the reason a person gave.
struct RegistryChange {
  Millis time = 0;
  std::string author;
  std::string subject;  // "packages/<key>", "meetings/<id>.votes.<dossier id>", "meetings/<id>.place"
  nlohmann::json old_value;  // null when there was none
  nlohmann::json new_value;
  std::string reason;
  bool operator==(const RegistryChange&) const = default;
};

// ---- the council's meetings (data; council.hpp computes and changes them) ------------------------

struct CouncilVote {  // one nominee's ballots, written opinions included
  std::string dossier_id;
  int votes_for = 0;
  int votes_against = 0;
  bool operator==(const CouncilVote&) const = default;
};

struct CouncilMeeting : Meeting {  // who met, who was absent, the counts: meeting.hpp
  std::string id;
  std::string council = "Hội đồng Thi đua - Khen thưởng";
  Date date;
  Threshold quorum{2, 3, false};    // members present against the total (campaign Voting.quorum)
  Threshold threshold{1, 2, true};  // votes for against the total (campaign Voting.threshold)
  std::vector<CouncilVote> votes;   // one per nominee, in the order the council took them
  bool closed = false;
  Millis closed_at = 0;
  // Changes made after closing, each with its reason (save_meeting in council.hpp).
  std::vector<RegistryChange> corrections;
  Millis created = 0;
  Millis updated = 0;

  const CouncilVote* vote_for(std::string_view dossier_id) const;
  bool operator==(const CouncilMeeting&) const = default;
};

// The authority's signed decision on the council's proposals (award.hpp records it).
struct AwardDecision {
  std::string id;          // "qd-1", ...
  Decider decider = Decider::issuer_head;
  std::string number;      // as printed on it: "120/QĐ-SNgV"
  Date date;
  std::string signer;      // who signed: "Nguyễn Văn A"
  std::string signer_title;  // "Giám đốc" / "Phó Giám đốc"; may be empty
  std::string meeting_id;  // the council meeting whose proposals it answers
  std::vector<std::string> awarded;      // dossier ids, in the meeting's result order
  std::vector<std::string> not_awarded;  // proposed to this authority but not in the decision
  Millis recorded = 0;
  std::string recorded_by;
  bool operator==(const AwardDecision&) const = default;
};

// One award this secretariat recorded, kept across campaigns (award.hpp: award_history): who,
// what, by which decision, in which campaign. The register's other records belong to one
// campaign; this list outlives it.
struct AwardRecord {
  std::string nominee_key;  // validation.hpp: folded name and birth date (people), folded name (collectives)
  NomineeKind kind = NomineeKind::individual;
  std::string name;
  std::string birth_date;  // ISO, people; may be empty
  std::string unit;        // the person's unit, or the collective's parent unit
  std::string award_form;  // the form's name as the campaign called it ("Giấy khen của Giám đốc Sở")
  std::string campaign_id, campaign_name;
  std::string decision;    // "Quyết định số 120/QĐ-SNgV ngày 20/11/2025 của Giám đốc Sở Ngoại vụ"
  std::string decision_number;
  Date decision_date;
  std::string award_id, dossier_id;
  bool operator==(const AwardRecord&) const = default;
};

struct Registry {
  std::string campaign_id{kDefaultCampaignId};  // one register per campaign
  // Every revision kept, in the order received (one batch, received at once: by key()).
  std::vector<PackageRevision> revisions;
  std::vector<Decision> decisions;  // one per dossier id ever received, in id order
  std::vector<CouncilMeeting> meetings;
  std::vector<AwardDecision> awards;             // in the order recorded
  std::vector<RegistryChange> log;               // removals, conflict choices, withdrawn decisions
  // The campaign's close (award.hpp: close_campaign): nothing changes in a closed register until
  // it is reopened, with a reason.
  Millis closed_at = 0;
  std::string closed_by;
  bool closed() const { return closed_at != 0; }
  // Where the certificates' lines print (award.hpp: certificates), as the secretariat aligned them.
  doc::CertificateLayout certificate_layout = doc::CertificateLayout::defaults();
  // Every award recorded here, in every campaign (its own record: store/registry_store.hpp).
  std::vector<AwardRecord> history;
  // The campaigns the secretariat is writing (the Campaigns screen), each its own record; like
  // the history they outlive one campaign's register.
  std::vector<CampaignDraft> drafts;
  const CampaignDraft* draft(std::string_view key) const;
  CampaignDraft* draft(std::string_view key);

  const PackageRevision* revision(std::string_view key) const;
  const Decision* decision(std::string_view dossier_id) const;
  const CouncilMeeting* meeting(std::string_view id) const;
  CouncilMeeting* meeting(std::string_view id);
  const AwardDecision* award(std::string_view id) const;
  // The decision that awarded (or did not award) a dossier, or nullptr.
  const AwardDecision* award_of(std::string_view dossier_id) const;
  // The revision in force that holds this dossier (the latest received if two do), or nullptr.
  struct Found {
    const PackageRevision* revision = nullptr;
    const Dossier* dossier = nullptr;
  };
  Found find_dossier(std::string_view dossier_id) const;
  bool operator==(const Registry&) const = default;
};

// Puts revisions (by receipt, then key) and decisions (by dossier id) in the register's order;
// apply_intake keeps it, the store restores it after loading records that come by name.
void sort_registry(Registry& r);

// Where a revision stands among the revisions of its package id: the highest revision number not
// set aside is in force; lower ones are superseded history; conflicts wait, set aside.
enum class Standing { in_force, superseded, set_aside };
Standing standing(const Registry& r, const PackageRevision& p);
// Another revision of the same package held here was made in another workspace than this one
// (PackageHeader::workspace_id; packages of format version 1 name none and are never counted).
bool made_elsewhere(const Registry& r, const PackageRevision& p);
Bilingual standing_label(Standing s);  // "Đang dùng" / "In force", ...

// The secretariat's status of a dossier: its decision, else "received".
Status status_of(const Registry& r, std::string_view dossier_id);

// Which records a change touched, so the store writes only those.
struct RegistryChanges {
  bool state = false;                          // campaign id, log
  std::vector<std::string> revisions;          // PackageRevision::key() to (re)write
  std::vector<std::string> removed_revisions;  // keys whose record goes to the trash
  std::vector<std::string> decisions;          // dossier ids
  std::vector<std::string> meetings;           // meeting ids
  std::vector<std::string> awards;             // AwardDecision ids to (re)write
  std::vector<std::string> removed_awards;     // withdrawn: their record goes to the trash
  bool history = false;                        // the award history
  std::vector<std::string> drafts;             // CampaignDraft keys to (re)write
  bool empty() const;
  void merge(const RegistryChanges& other);
};

// ---- records and snapshot ----------------------------------------------------------------------

// The records the store writes. Readers take untrusted JSON (a file on disk may be damaged) and
// report the first problem with its path.
nlohmann::json to_json(const PackageRevision& p);
Outcome<PackageRevision> revision_from_json(const nlohmann::json& j, std::string_view file_name = {});
nlohmann::json to_json(const Decision& d);
Outcome<Decision> decision_from_json(const nlohmann::json& j, std::string_view file_name = {});
// The register's head: campaign id and log (revisions, decisions and meetings are records of
// their own).
nlohmann::json registry_state_json(const Registry& r);
Outcome<Registry> registry_state_from_json(const nlohmann::json& j, std::string_view file_name = {});

// For hoso.state(): counts and one line per revision, dossier and meeting (no content).
nlohmann::json registry_snapshot(const Registry& r);

}  // namespace hoso
