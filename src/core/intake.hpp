#pragma once
// The secretariat's intake (intake.cpp): package files checked and placed against the register,
// the report of what became of each, and the two explicit acts on revisions. Pure: receipt times
// come from the caller.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/registry.hpp"

namespace hoso {

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
// Revisions of this package were made in another workspace (another browser or computer).
inline constexpr std::string_view other_workspace = "other_workspace";
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
IntakeReport classify(const Library& lib, const Registry& r, std::span<const IncomingFile> files,
                      const VerifyLimits& limits = {});

struct IntakeApplied {
  RegistryChanges changes;
  // The bytes of every attachment the added revisions use, once each: write them as blobs
  // (store: put_attachment) before flushing the records.
  std::vector<PackageAttachment> attachments;
  int added = 0;  // revisions added (accepted and kept aside)
};

// Adds the accepted and kept-aside packages of `report` to the register (placing them again, so a
// register changed since classify() is still right). Skipped and refused files change nothing.
// New dossiers get the status "received"; a dossier that changed in a newer revision goes back
// from eligible or returned to received (audited), since it must be checked again.
IntakeApplied apply_intake(Registry& r, IntakeReport report, const EditContext& ctx);

// Removes one revision from the register: explicit, with a reason, logged in Registry::log. The
// store moves its record to the trash; nothing is destroyed. Refused without a reason or when a
// council meeting voted on a dossier only this revision holds.
Outcome<RegistryChanges> remove_revision(Registry& r, std::string_view key, std::string_view reason,
                                         const EditContext& ctx);

// The secretariat's word that the revision's check code equals the one on the unit's signed cover
// list (PackageRevision::cover_list_checked), with who and when, logged. Given once: a second time
// changes nothing.
Outcome<RegistryChanges> confirm_cover_list(Registry& r, std::string_view key, const EditContext& ctx);

// A person's choice in a conflict: this revision goes in force; every other revision of its
// package with the same or a higher number is set aside (kept, not lost). Logged with the reason.
Outcome<RegistryChanges> choose_revision(Registry& r, std::string_view key, std::string_view reason,
                                         const EditContext& ctx);

}  // namespace hoso
