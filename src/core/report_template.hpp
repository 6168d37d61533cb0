#pragma once
// Document templates as data (assets/templates/*.json): the Form 08 achievement report, the
// summary and the unit review minutes. The UI renders fields generically from these; validation
// checks values against their limits. Wording that turns out wrong is a data fix.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bilingual.hpp"
#include "core/campaign.hpp"

namespace hoso {

inline constexpr int kTemplateFormatVersion = 1;

enum class FieldType {
  text,       // one line
  multiline,  // paragraphs
  date,       // stored ISO "2025-10-30" when valid, else kept as typed
  time,       // "HH:MM", 24 hours
  number,     // a JSON number; text that is not a number is kept as typed and flagged
  choice,     // one option id
  yesno,      // a JSON bool
  rows,       // an array of row objects whose members are the columns
};
std::string_view to_string(FieldType type);
std::optional<FieldType> field_type_from_string(std::string_view s);

enum class DateRule {
  none,
  within_campaign_period,  // an achievement: inside the campaign's period
  past,                    // not after today (decisions, past awards)
};
std::string_view to_string(DateRule rule);

struct ChoiceOption {
  std::string id;
  Bilingual label;
  bool operator==(const ChoiceOption&) const = default;
};

struct FieldLimits {
  std::optional<int> min_length, max_length;  // in characters (code points of NFC text)
  std::optional<double> min, max;             // numbers
  bool integer = false;                       // numbers: whole numbers only
  std::optional<int> min_rows, max_rows;      // rows
  std::vector<ChoiceOption> options;          // choice
  DateRule date_rule = DateRule::none;        // date
  bool operator==(const FieldLimits&) const = default;
};

struct Field {
  std::string id;
  FieldType type = FieldType::text;
  Bilingual label;
  Bilingual help;
  bool required = false;
  FieldLimits limits;
  std::vector<Field> columns;  // rows: the columns, themselves fields (not rows)
  // rows: the column whose value names a row in paths ("votes.<dossier id>.for") instead of its
  // index ("targets[2].result"). Empty for ordinary rows.
  std::string key_column;
  // The value lives elsewhere in the dossier, e.g. "nominee.full_name": Form 08's general
  // information repeats the nominee's identity, entered once. Empty for the template's own fields.
  std::string bind;
  // Only for this nominee kind (a template for both kinds with a kind-specific field).
  std::optional<NomineeKind> only_kind;

  const Field* column(std::string_view column_id) const;
  bool applies_to(NomineeKind k) const { return !only_kind || *only_kind == k; }
  bool operator==(const Field&) const = default;
};

struct Section {
  std::string id;
  std::string number;  // "I", "II" as printed; may be empty
  Bilingual title;
  Bilingual help;
  std::vector<Field> fields;
  bool operator==(const Section&) const = default;
};

// Who the template is for: one nominee kind, or both.
enum class TemplateKind { collective, individual, any };
std::string_view to_string(TemplateKind kind);

struct ReportTemplate {
  std::string id;         // "form08-individual-nd98"
  int version = 0;
  std::string hash;       // SHA-256 of the file's canonical JSON (set by the loader)
  DocumentKind document = DocumentKind::report;
  TemplateKind kind = TemplateKind::any;
  std::string decree;     // "98/2023/NĐ-CP"; empty when no form is prescribed
  std::string form_number;  // "08"; may be empty
  bool unverified = false;  // wording reconstructed, to check before printing it as official
  Bilingual title;
  Bilingual description;
  std::vector<Section> sections;

  bool accepts(NomineeKind k) const;
  // A top-level field by id (not a column), searching every section; nullptr if none.
  const Field* field(std::string_view field_id) const;
  const Section* section_of_field(std::string_view field_id) const;
  bool operator==(const ReportTemplate&) const = default;
};

// What a dossier or minutes records of the campaign or template it was written against.
struct ContentRef {
  std::string id;
  int version = 0;
  std::string hash;
  bool operator==(const ContentRef&) const = default;
};
ContentRef ref_of(const Campaign& c);
ContentRef ref_of(const ReportTemplate& t);

}  // namespace hoso
