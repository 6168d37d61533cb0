#pragma once
// Submission packages: one JSON file a unit sends to the secretariat with its review minutes, the
// dossiers it puts forward and their attachments, sealed by the SHA-256 of the canonical content.
// docs/PACKAGE.md describes the format; assets/schema/package.schema.json is its JSON Schema.
//
//   build_package   workspace -> file text, name and hash (checked by verify_package before it is
//                   returned), and the workspace as it is once the file is written
//   verify_package  untrusted bytes -> header, minutes, dossiers, attachments, or the first
//                   problem (file, JSON path, what is wrong, in Vietnamese and English)
//   plan_import / apply_import   what a verified package would change in a unit's workspace, and
//                   the new workspace on request (pure; the caller stores it)
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/attachments.hpp"
#include "core/bilingual.hpp"
#include "core/date.hpp"
#include "core/dossier.hpp"
#include "core/minutes.hpp"
#include "core/report_template.hpp"
#include "core/workspace.hpp"

namespace hoso {

class Library;

inline constexpr std::string_view kPackageFormat = "hoso-package";
// Version 2 added "workspace_id"; this app reads versions 1 and 2 and writes 2.
inline constexpr int kPackageFormatVersion = 2;
inline constexpr int kPackageOldestFormatVersion = 1;
// Per file, on import and export alike: a package over this size is refused before it is parsed.
inline constexpr std::size_t kPackageMaxBytes = std::size_t{100} << 20;  // 100 MB

struct Contact {  // the person the secretariat calls about this submission
  std::string name, phone, email;
  bool operator==(const Contact&) const = default;
};

struct Sender {
  std::string unit_id, unit_name;
  bool operator==(const Sender&) const = default;
};

// The SHA-256 (lower-case hex) of a package's content: canonical_dump (canonical_json.hpp) of the
// package's top-level object without its "manifest" member. Used to seal and to check.
std::string package_content_hash(const nlohmann::json& package);

// "hoso_<unit slug>_<campaign id>_<yyyy-mm-dd>_r<revision>.json": the date is the Vietnam date of
// `created`, the campaign id keeps [A-Za-z0-9-] and turns anything else into '-'.
std::string package_file_name(std::string_view unit_name, std::string_view campaign_id,
                              Millis created, int revision);

// ---- export ------------------------------------------------------------------------------------

struct PackageInput {
  const Workspace& workspace;            // its campaign, unit (settings) and export history
  std::vector<std::string> dossier_ids;  // in the package's order; each ready or exported
  Contact contact;
  // A fresh random UUID v4 from the platform. Only revision 1 uses it: later revisions keep the
  // id of the first (workspace.exports.last_package_id), so they form one chain.
  std::string new_package_id;
  // A fresh random UUID v4 too: the workspace's own id, if it has none yet (its first export).
  std::string new_workspace_id;
  Millis now = 0;
  // The bytes of an attachment by its SHA-256 (the store's blobs); nullopt when missing.
  std::function<std::optional<std::string>(std::string_view sha256)> attachment_bytes;
};

struct BuiltPackage {
  std::string file_name;
  std::string text;          // the file: compact canonical JSON, byte-identical on every platform
  std::string content_hash;  // what manifest.content_sha256 says
  std::string package_id;
  int revision = 0;
  Millis created = 0;
  // The workspace once the file is written: the dossiers marked exported with this package's
  // time and hash (edit.hpp mark_exported), and the export history advanced to this revision.
  Workspace workspace;
};

Outcome<BuiltPackage> build_package(const Library& lib, const PackageInput& in);

// A package's check code as people compare it: the first 16 hex digits of its content hash, in
// groups of four ("3f2a 9c01 77be 04d5"), as the unit's cover list prints it and the secretariat's
// screens show it. "…" when there is no hash.
std::string check_code(std::string_view sha256_hex);

// ---- verification of an untrusted file ---------------------------------------------------------

// The longest string a package holds: an attachment's base64, at most 10 MB decoded
// (kMaxAttachmentBytes: a unit cannot attach more, so a package cannot carry more either).
inline constexpr std::size_t kPackageMaxStringBytes = (static_cast<std::size_t>(kMaxAttachmentBytes) + 2) / 3 * 4;

struct VerifyLimits {
  std::size_t max_bytes = kPackageMaxBytes;
  int max_depth = 32;  // the app writes 7: package, dossiers, dossier, audit, entry, rows, row
  std::size_t max_string_bytes = kPackageMaxStringBytes;
};

struct PackageHeader {
  std::string id;  // UUID, the same for every revision of one unit's submission
  int revision = 0;
  std::string previous_hash;  // content hash of revision - 1; empty for revision 1
  // The workspace that made this revision (a random UUID it draws at its first export); empty in
  // packages of format version 1. Revisions of one package from two workspaces are worth a look:
  // someone holding a unit's file can carry its chain on in another browser (docs/PACKAGE.md).
  std::string workspace_id;
  Millis created = 0;
  std::string app_version;
  ContentRef campaign;
  Sender sender;
  Contact contact;
  std::string content_hash;
  bool operator==(const PackageHeader&) const = default;
};

struct PackageAttachment {
  std::string sha256;  // lower-case hex; dossiers' Attachment::sha256 refer to it
  std::string name;
  std::string mime_type;
  std::string bytes;   // decoded and checked against sha256
  bool operator==(const PackageAttachment&) const = default;
};

struct VerifiedPackage {
  std::string file_name;  // as given to verify_package; labels later messages
  PackageHeader header;
  std::vector<Minutes> minutes;
  // As the unit exported them. A dossier's last_export names this package: in the file its
  // package_hash is empty (a file cannot hold its own hash); here it is the content hash.
  std::vector<Dossier> dossiers;
  std::vector<PackageAttachment> attachments;
  // Accepted, but worth telling: another version or content of the campaign than this app's.
  std::vector<DataError> warnings;

  const PackageAttachment* attachment(std::string_view sha256) const;
};

// Checks, in this order, and refuses at the first problem: the size; UTF-8, nesting depth, string
// length, duplicate keys and syntax (parse_untrusted_json); format name and version (a newer
// version says so); the schema's rules (members, types, values); every attachment's base64, size
// and SHA-256; the manifest's hash over the canonical content; the campaign (known to `lib`);
// the minutes and dossiers (minutes_from_json, dossier_from_json) and their references. Text is
// NFC on the way out. `file_name` labels the messages. Never throws.
Outcome<VerifiedPackage> verify_package(const Library& lib, std::string_view file_name,
                                        std::string_view bytes, const VerifyLimits& limits = {});

// ---- import into a unit's workspace -----------------------------------------------------------

enum class ImportKind {
  new_package,       // the workspace has no export of this package id
  newer_revision,    // a later revision of the package the workspace last exported or imported
  already_imported,  // the same id and content hash: nothing to do
  conflict,          // the same id with other content at the same or an earlier revision
};

enum class ItemAction { add, replace, unchanged };

struct ItemImport {  // one dossier or minutes of the package
  std::string id;
  std::string label;  // the nominee's name, or the minutes' date
  ItemAction action = ItemAction::add;
  // The workspace's copy was changed after the package was made: replacing it loses that work.
  bool local_changed_after = false;
};

struct ImportPlan {
  ImportKind kind = ImportKind::new_package;
  // Both sides' revision and date, to show a conflict (local_time empty: never exported).
  int local_revision = 0;
  std::optional<Millis> local_time;
  int package_revision = 0;
  Millis package_time = 0;
  std::vector<ItemImport> dossiers, minutes;
};

// Refuses a package of another campaign or unit than the workspace's (an empty workspace takes
// the package's campaign, a workspace with no unit set takes the sender).
Outcome<ImportPlan> plan_import(const Workspace& w, const VerifiedPackage& p);

struct ImportResult {
  Workspace workspace;
  bool changed = false;
  // SHA-256 of the attachments the added or replaced dossiers use: store these bytes
  // (VerifiedPackage::attachment) before saving the workspace.
  std::vector<std::string> attachments_to_store;
};

// Adds and replaces the package's dossiers and minutes; others are kept. The export history
// follows the package when the workspace had none or this is a newer revision. A conflict is
// refused, with both revisions' dates, unless `overwrite_conflict` (the person chose the file's
// content; the history then stays, so the next export still follows the local revision).
Outcome<ImportResult> apply_import(const Workspace& w, const VerifiedPackage& p,
                                   bool overwrite_conflict = false);

}  // namespace hoso
