#pragma once
// A dossier (hồ sơ đề nghị khen thưởng): one nominee for one award form, with its criteria
// assessment, summary, Form 08 report content, attachments, declared flags, status and audit trail.
// Every editable value has a stable path (see paths.hpp), the same string the UI uses as widget id.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"
#include "core/campaign.hpp"
#include "core/date.hpp"
#include "core/report_template.hpp"
#include "core/status.hpp"

namespace hoso {

inline constexpr int kDossierFormatVersion = 1;

// Who is nominated. One struct for both kinds, so paths stay flat ("nominee.full_name"); only the
// fields of `kind` are meaningful and serialised, and changing the kind clears the others
// (edit.hpp, audited).
struct Nominee {
  NomineeKind kind = NomineeKind::individual;
  // collective (a phòng or đơn vị trực thuộc)
  std::string name, parent_unit, address, phone, email;
  std::optional<int> headcount, women, party_members;
  std::string functions;
  // individual
  std::string full_name;
  std::string gender;      // "male" | "female"
  std::string birth_date;  // ISO "1985-03-14" when valid, else what the person typed
  std::string home_town, residence, unit, position;
  std::string category;    // a campaign category id: "cong_chuc" | "vien_chuc" | "nguoi_lao_dong"
  std::string qualifications, titles;

  bool operator==(const Nominee&) const = default;
};

// The identity fields, as the UI shows them and validation checks them. The table is the single
// source for paths ("nominee.<id>"), labels, types and whether a field is required.
struct IdentityField {
  std::string_view id;  // "full_name"
  NomineeKind kind;
  FieldType type;  // text, multiline, date, number or choice (gender, category)
  bool required;
  int max_length;  // text only
  Bilingual label;    // "Họ và tên"
  Bilingual missing;  // "Chưa nhập họ và tên." / "Full name is missing."
};
std::span<const IdentityField> identity_fields();  // both kinds, in form order
std::vector<const IdentityField*> identity_fields(NomineeKind kind);
const IdentityField* identity_field(std::string_view id);
// Where an identity field is stored: text, multiline, date and choice fields are strings, number
// fields optional ints. nullptr when `id` is not an identity field of that storage.
std::string* nominee_text(Nominee& n, std::string_view id);
const std::string* nominee_text(const Nominee& n, std::string_view id);
std::optional<int>* nominee_number(Nominee& n, std::string_view id);
const std::optional<int>* nominee_number(const Nominee& n, std::string_view id);
// The options of nominee.gender ("male" / "female"); categories come from the campaign.
const std::vector<ChoiceOption>& gender_options();

struct CriterionAssessment {
  bool met = false;
  std::string evidence;
  bool operator==(const CriterionAssessment&) const = default;
};

struct Attachment {  // metadata; the bytes live in the store and in packages
  std::string id;
  std::string name;       // "bang-khen-2024.pdf"
  std::string mime_type;  // "application/pdf"
  int64_t size = 0;       // bytes
  std::string sha256;     // lower-case hex of the bytes
  Millis added = 0;
  bool operator==(const Attachment&) const = default;
};

// Declared by the unit: any of these blocks the nomination (Decree 98/152 Art. 4).
struct Flags {
  bool under_discipline = false;
  bool under_inspection = false;
  bool under_investigation = false;
  // The unit's declaration that the nominee is not the subject of a complaint or denunciation
  // being verified (Decree 98/2023 and 152/2025, Art. 4). false: not declared yet (dossiers made
  // before it existed load so), which validation reports until it is declared.
  bool no_complaint_under_verification = false;
  bool operator==(const Flags&) const = default;
};

struct ExportInfo {
  Millis time = 0;
  std::string package_hash;
  bool operator==(const ExportInfo&) const = default;
};

struct AuditEntry {
  Millis time = 0;
  std::string author;
  std::string path;  // "nominee.full_name", "status", "report.targets[1]"
  nlohmann::json old_value;  // null when there was none
  nlohmann::json new_value;
  bool operator==(const AuditEntry&) const = default;
};

struct Dossier {
  std::string id;  // given by the caller (a UUID in the app)
  ContentRef campaign;         // id, version and hash of the campaign it was written against
  ContentRef report_template;  // Form 08 for the nominee's kind
  ContentRef summary_template;
  Nominee nominee;
  std::string award_form;  // award form id, "" until chosen
  std::map<std::string, CriterionAssessment> criteria;  // by criterion id
  std::string summary;  // path "summary.text"
  // Report content by template field id: strings, numbers, bools, and arrays of row objects for
  // rows fields. Always a JSON object.
  nlohmann::json report = nlohmann::json::object();
  std::vector<Attachment> attachments;
  Flags flags;
  Status status = Status::draft;
  std::string return_reason;  // when the secretariat returned it
  std::optional<ExportInfo> last_export;
  std::vector<AuditEntry> audit;
  Millis created = 0;
  Millis updated = 0;

  bool operator==(const Dossier&) const = default;
};

// A new, empty draft for `kind` under `c`, recording the campaign and the templates the campaign
// names for that kind (refs left empty for any the library lacks). Times are truncated to seconds,
// as files keep them.
class Library;
Dossier new_dossier(const Library& lib, const Campaign& c, std::string id, NomineeKind kind,
                    std::string_view award_form, std::string_view author, Millis now);

// The name people know the nominee by: the collective's name or the person's full name.
const std::string& display_name(const Nominee& n);

// JSON: to_json writes every field (times as ISO instants); dossier_from_json reads untrusted
// JSON and reports the first problem with its path instead of throwing. Text is NFC-normalised.
nlohmann::json to_json(const Dossier& d);
Outcome<Dossier> dossier_from_json(const nlohmann::json& j, std::string_view file_name = {});
nlohmann::json to_json(const Attachment& a);
nlohmann::json to_json(const AuditEntry& e);

// Dates people type: "14/3/1985" or "1985-03-14" become "1985-03-14"; anything else is kept as
// typed (trimmed), for validation to flag, so nothing a person entered is lost.
std::string normalize_date_input(std::string_view typed);
// Instants are kept to the second in files; everything the core stamps goes through this.
Millis whole_seconds(Millis t);

}  // namespace hoso
