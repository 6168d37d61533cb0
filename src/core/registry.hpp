#pragma once
// The secretariat's register (sổ đăng ký hồ sơ): every package revision the units sent, the
// secretariat's decision on each dossier, and the council's meetings. docs/ARCHITECTURE.md places
// it among the layers; this header is the API the secretariat's screens build on.
//
//   classify / apply_intake   many package files -> an intake report (accepted, with warnings,
//                             kept aside, skipped, refused, and why) -> the register
//   make_view                 one table of every nominee of every unit, with completeness,
//                             findings (validate() per package plus cross-unit checks) and quotas
//   set_status                eligible / returned (with a reason) through the status machine
//   make_return_note / apply_return_note   the reason, carried back to the unit's app
//   remove_revision / choose_revision      explicit, with a reason, logged
//
// The council's meetings are data here (CouncilMeeting); their result, closing and corrections
// are in council.hpp, the exports in proposal_export.hpp.
//
// Pure like the rest of the core: time, author and receipt times come from the caller. Functions
// that change the register return the records they touched (RegisterChanges), which the store
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
#include "core/minutes.hpp"
#include "core/package.hpp"
#include "core/validation.hpp"
#include "core/workspace.hpp"

namespace hoso {

class Library;

// The register's own records (store/registry_store.hpp) carry this format and version.
inline constexpr std::string_view kRegisterFormat = "hoso-register";
inline constexpr int kRegisterFormatVersion = 1;

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
struct RegisterChange {
  Millis time = 0;
  std::string author;
  std::string subject;  // "packages/<key>", "meetings/<id>.votes.<dossier id>", "meetings/<id>.place"
  nlohmann::json old_value;  // null when there was none
  nlohmann::json new_value;
  std::string reason;
  bool operator==(const RegisterChange&) const = default;
};

// ---- the council's meetings (data; council.hpp computes and changes them) ------------------------

struct CouncilAbsence {
  std::string name;
  std::string reason;
  // Their written opinion. Non-empty: the member sent one, and it is counted in the ballots (the
  // law counts the share on all members, so absent members vote in writing).
  std::string opinion;
  bool operator==(const CouncilAbsence&) const = default;
};

struct CouncilVote {  // one nominee's ballots, written opinions included
  std::string dossier_id;
  int votes_for = 0;
  int votes_against = 0;
  bool operator==(const CouncilVote&) const = default;
};

struct CouncilMeeting {
  std::string id;
  std::string council = "Hội đồng Thi đua - Khen thưởng";
  Date date;
  std::string time, closing_time;  // "HH:MM"
  std::string place, chair, secretary;
  int members_total = 0;  // shares and the threshold count against this
  int members_present = 0;
  std::vector<CouncilAbsence> absent;
  Threshold quorum{2, 3, false};    // members present against the total (campaign Voting.quorum)
  Threshold threshold{1, 2, true};  // votes for against the total (campaign Voting.threshold)
  std::vector<CouncilVote> votes;   // one per nominee, in the order the council took them
  bool closed = false;
  Millis closed_at = 0;
  // Changes made after closing, each with its reason (save_meeting in council.hpp).
  std::vector<RegisterChange> corrections;
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

struct Register {
  std::string campaign_id{kDefaultCampaignId};  // one register per campaign
  // Every revision kept, in the order received (one batch, received at once: by key()).
  std::vector<PackageRevision> revisions;
  std::vector<Decision> decisions;  // one per dossier id ever received, in id order
  std::vector<CouncilMeeting> meetings;
  std::vector<AwardDecision> awards;             // in the order recorded
  std::vector<RegisterChange> log;               // removals, conflict choices, withdrawn decisions
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
  bool operator==(const Register&) const = default;
};

// Puts revisions (by receipt, then key) and decisions (by dossier id) in the register's order;
// apply_intake keeps it, the store restores it after loading records that come by name.
void sort_register(Register& r);

// Where a revision stands among the revisions of its package id: the highest revision number not
// set aside is in force; lower ones are superseded history; conflicts wait, set aside.
enum class Standing { in_force, superseded, set_aside };
Standing standing(const Register& r, const PackageRevision& p);
Bilingual standing_label(Standing s);  // "Đang dùng" / "In force", ...

// The secretariat's status of a dossier: its decision, else "received".
Status status_of(const Register& r, std::string_view dossier_id);

// Which records a change touched, so the store writes only those.
struct RegisterChanges {
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
  void merge(const RegisterChanges& other);
};

// ---- lateness ----------------------------------------------------------------------------------

// The campaign's deadline says "before 30/10/2025". A device's clock can be wrong, so both dates
// are kept: the secretariat's receipt time decides, the package's own date is shown beside it.
struct Lateness {
  Date created_day;   // the package's "created", as a Vietnam date (the unit's clock)
  Date received_day;  // the receipt, as a Vietnam date (the secretariat's clock)
  bool late = false;          // received after the deadline's last day: this is what counts
  bool created_late = false;  // the package's own date is after the last day
  // Made on time by its own date, received late: flagged as such ("lập đúng hạn, nhận trễ").
  bool made_on_time_received_late() const { return late && !created_late; }
  bool operator==(const Lateness&) const = default;
};
Lateness lateness(const Deadline& d, Millis created, Millis received);
// "Nhận ngày 31/10/2025, sau hạn cuối 29/10/2025 (gói lập ngày 28/10/2025, đúng hạn theo đồng hồ
// của đơn vị)." Empty when on time by both dates.
Bilingual describe(const Lateness& l, const Deadline& d);

// ---- intake ------------------------------------------------------------------------------------

struct IncomingFile {
  std::string name;        // the file's name, for messages
  std::string_view bytes;  // the caller keeps them alive until classify() returns
  Millis received = 0;     // when the secretariat read the file (its own clock)
};

enum class IntakeKind {
  refused,         // not a valid package for this register: refusal says why (schema, hash, ...)
  new_package,     // a package id the register does not hold
  newer_revision,  // a later revision of a package held, chained by previous_hash: supersedes it
  older_revision,  // an earlier revision, arriving after a later one that chains to it: history
  duplicate,       // the same package id and content hash as one held (or earlier in the batch)
  conflict,        // the same id with other content, not chained: kept aside for a person
};
std::string_view to_string(IntakeKind k);

// What the intake report says of a file, at a glance.
enum class Verdict { accepted, accepted_with_warnings, kept_aside, skipped, refused };
std::string_view to_string(Verdict v);
Bilingual verdict_label(Verdict v);  // "Đã nhận" / "Accepted", ...

// Why an accepted file deserves a look. Stable codes for tests and the UI.
namespace intake_note {
inline constexpr std::string_view late = "late";                  // received after the deadline
inline constexpr std::string_view clock = "clock";                // dated late, received on time
inline constexpr std::string_view campaign = "campaign";          // other campaign version/content
inline constexpr std::string_view revision_gap = "revision_gap";  // r3 after r1: r2 never arrived
inline constexpr std::string_view same_nominee = "same_nominee";  // also proposed by another unit
inline constexpr std::string_view same_dossier = "same_dossier";  // dossier id in another package
inline constexpr std::string_view other_sender = "other_sender";  // same package id, other unit
inline constexpr std::string_view changed_after_decision = "changed_after_decision";
}  // namespace intake_note

struct IntakeNote {
  std::string_view code;  // one of intake_note::
  Bilingual text;
  bool operator==(const IntakeNote&) const = default;
};

struct IntakeEntry {
  std::string file_name;
  Millis received = 0;
  IntakeKind kind = IntakeKind::refused;
  std::optional<DataError> refusal;        // refused: the file, JSON path and what is wrong
  std::optional<VerifiedPackage> package;  // every kind but refused
  // The revision this one is compared with: newer_revision -> the one it supersedes;
  // older_revision -> the one that supersedes it; duplicate -> the same one; conflict -> the one
  // it disagrees with. Empty file / 0 revision when there is none.
  int other_revision = 0;
  std::string other_file;
  Millis other_received = 0;
  Lateness lateness;
  std::vector<IntakeNote> notes;  // warnings; also why a conflict is one

  Verdict verdict() const;
  // One line for the report: "Lần gửi 2 của Phòng Hợp tác quốc tế, thay lần gửi 1." / "...".
  Bilingual summary() const;
};

struct IntakeReport {
  std::vector<IntakeEntry> entries;  // one per file, in the order given
  Deadline deadline;                 // the register's campaign's, for apply_intake's placing
  int count(Verdict v) const;
};

// Verifies every file (verify_package) and places it against the register and the files before it
// in the batch. Revisions of one package are placed in revision order whatever the files' order,
// so r1 and r2 dropped together read as "new" and "newer revision". Nothing is changed.
IntakeReport classify(const Library& lib, const Register& r, std::span<const IncomingFile> files,
                      const VerifyLimits& limits = {});

struct IntakeApplied {
  RegisterChanges changes;
  // The bytes of every attachment the added revisions use, once each: write them as blobs
  // (store: put_attachment) before flushing the records.
  std::vector<PackageAttachment> attachments;
  int added = 0;  // revisions added (accepted and kept aside)
};

// Adds the accepted and kept-aside packages of `report` to the register (placing them again, so a
// register changed since classify() is still right). Skipped and refused files change nothing.
// New dossiers get the status "received"; a dossier that changed in a newer revision goes back
// from eligible or returned to received (audited), since it must be checked again.
IntakeApplied apply_intake(Register& r, IntakeReport report, const EditContext& ctx);

// Removes one revision from the register: explicit, with a reason, logged in Register::log. The
// store moves its record to the trash; nothing is destroyed. Refused without a reason or when a
// council meeting voted on a dossier only this revision holds.
Outcome<RegisterChanges> remove_revision(Register& r, std::string_view key, std::string_view reason,
                                         const EditContext& ctx);

// A person's choice in a conflict: this revision goes in force; every other revision of its
// package with the same or a higher number is set aside (kept, not lost). Logged with the reason.
Outcome<RegisterChanges> choose_revision(Register& r, std::string_view key, std::string_view reason,
                                         const EditContext& ctx);

// ---- the register's table ----------------------------------------------------------------------

// The three documents and the checks that make a dossier complete, read from its findings.
struct Completeness {
  bool minutes_vote = false;  // the unit's minutes record a vote on it
  bool summary = false;       // the achievement summary has no error
  bool report = false;        // the Form 08 report is filled (no error)
  bool criteria = false;      // an award form it may seek, every criterion met with evidence
  // The unit's vote, counted against the unit's TOTAL members, and the campaign's threshold.
  int votes_for = 0;
  int members_total = 0;
  bool meets_threshold = false;
  bool complete() const { return minutes_vote && summary && report && criteria && meets_threshold; }
  bool operator==(const Completeness&) const = default;
};

// Rule ids of the register's own findings (beside validation.hpp's rule::).
namespace registry_rule {
inline constexpr std::string_view same_nominee = "same_nominee";  // the same nominee_key in two units
inline constexpr std::string_view same_dossier = "same_dossier";  // one dossier id in two packages
inline constexpr std::string_view late = "late";                  // its package was received late
}  // namespace registry_rule

struct RegisterRow {
  std::size_t revision = 0;  // index into Register::revisions: the revision in force holding it
  Status status = Status::received;
  Completeness completeness;
  std::vector<Finding> findings;  // validate() of its package, then the register's own checks
  int errors = 0;
  int warnings = 0;
  bool late = false;
  std::string name_key;  // collectives first, then people by given name, in Vietnamese order
  std::string unit_key;  // the sending unit's name in Vietnamese order
};

struct RegisterView {
  // Every dossier of every revision in force, in register order, with the register's status and
  // return reason (so dossier_views' functions apply), and its row at the same index.
  std::vector<Dossier> dossiers;
  std::vector<RegisterRow> rows;
  std::vector<Finding> minutes_findings;  // the units' own minutes (quorum, counts), by minutes id
  // Per award form and kind: live nominations (not returned, not not-awarded) against the quota.
  std::vector<QuotaUse> quota;

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  // Index of a dossier's row, or npos.
  std::size_t find(std::string_view dossier_id) const;
  const PackageRevision& revision_of(const Register& r, std::size_t row) const {
    return r.revisions[rows[row].revision];
  }
};

// Validates each revision in force as a unit workspace (validate() with the campaign's threshold,
// `today` the Vietnam date), then checks across units: the same nominee_key in two units' live
// dossiers, one dossier id in two packages, late packages.
RegisterView make_view(const Library& lib, const Campaign& c, const Register& r, Date today);

struct RegisterFilter {
  DossierFilter dossier;       // search (without diacritics), status, kind, award form
  std::string unit_id;         // the sending unit; empty: every unit
  bool with_errors = false;    // only rows with an error
  bool incomplete = false;     // only rows whose Completeness is not complete()
};
enum class RegisterSort {
  unit,    // by sending unit, then collectives first, people by given name (Vietnamese order)
  name,    // by nominee, Vietnamese order
  status,  // in Status order, then by name
};
// Row indices that pass, in the order asked for (ties keep register order). Search also looks at
// the sending unit's name.
std::vector<std::size_t> filter_and_sort(const Register& r, const RegisterView& v,
                                         const RegisterFilter& f, RegisterSort order = RegisterSort::unit);

// The secretariat's status change for a dossier, through refuse_transition() with
// Role::secretariat: "returned" needs a reason a unit can read; "eligible" needs no error among
// the row's findings (a cross-unit duplicate is an error: return one of the two first).
Outcome<RegisterChanges> set_status(Register& r, const RegisterView& v, std::string_view dossier_id,
                                    Status to, std::string_view reason, const EditContext& ctx);

// ---- return notes ------------------------------------------------------------------------------

inline constexpr std::string_view kReturnNoteFormat = "hoso-return-note";
inline constexpr int kReturnNoteFormatVersion = 1;

// The reason a dossier was returned, as a small JSON file for the unit's app
// (assets/schema/return-note.schema.json).
struct ReturnNote {
  ContentRef campaign;
  Sender unit;
  std::string package_id;
  int package_revision = 0;
  std::string dossier_id;
  std::string nominee_name;
  std::string reason;
  Millis time = 0;          // when it was returned
  std::string returned_by;  // the secretariat's author; may be empty
  bool operator==(const ReturnNote&) const = default;
};

// For a returned dossier (its decision's reason and time); refused for any other status.
Outcome<ReturnNote> make_return_note(const Register& r, const Campaign& c, std::string_view dossier_id);
nlohmann::json to_json(const ReturnNote& n);
std::string return_note_text(const ReturnNote& n);  // canonical JSON, the file's bytes
// "hoso_tra-lai_<unit slug>_<nominee slug>.json"
std::string return_note_file_name(const ReturnNote& n);
// An untrusted file: parse_untrusted_json, format and version, members and types.
inline constexpr std::size_t kReturnNoteMaxBytes = std::size_t{1} << 20;  // a note is a few hundred bytes
Outcome<ReturnNote> read_return_note(std::string_view file_name, std::string_view bytes);

// The unit's side. Its status machine has no "returned" (draft, ready, exported): the dossier
// goes back to draft (ready/exported -> draft, audited) so it can be corrected and sent again, and
// the reason is stored in return_reason (audited) for the dossier screen to show. Refused when the
// note is for another campaign or unit, or names a dossier the workspace does not have. Returns
// whether anything changed (applying the same note twice changes nothing).
Outcome<bool> apply_return_note(Workspace& w, const ReturnNote& n, const EditContext& ctx);

// ---- records and snapshot ----------------------------------------------------------------------

// The records the store writes. Readers take untrusted JSON (a file on disk may be damaged) and
// report the first problem with its path.
nlohmann::json to_json(const PackageRevision& p);
Outcome<PackageRevision> revision_from_json(const nlohmann::json& j, std::string_view file_name = {});
nlohmann::json to_json(const Decision& d);
Outcome<Decision> decision_from_json(const nlohmann::json& j, std::string_view file_name = {});
// The register's head: campaign id and log (revisions, decisions and meetings are records of
// their own).
nlohmann::json register_state_json(const Register& r);
Outcome<Register> register_state_from_json(const nlohmann::json& j, std::string_view file_name = {});

// For hoso.state(): counts and one line per revision, dossier and meeting (no content).
nlohmann::json register_snapshot(const Register& r);

}  // namespace hoso
