#pragma once
// A campaign (phong trào thi đua) as data: the plan that launches it, its period and deadline, the
// award forms with their criteria and quotas, the documents a dossier needs and the templates they
// use, the council's voting rules and example units. Loaded from assets/campaigns/*.json (see
// assets/schema/campaign.schema.json and docs/DOMAIN.md).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/bilingual.hpp"
#include "core/date.hpp"

namespace hoso {

// The format of campaign files this build reads ("format_version" in the file).
inline constexpr int kCampaignFormatVersion = 1;
// The campaign shipped for Plan 32/KH-SNgV.
inline constexpr std::string_view kDefaultCampaignId = "32-KH-SNgV";

enum class NomineeKind { collective, individual };
std::string_view to_string(NomineeKind kind);  // "collective", "individual"
std::optional<NomineeKind> nominee_kind_from_string(std::string_view s);

// A share rule in integers, so 2/3 of 9 is decided exactly: count/total > n/d (strict) or >= n/d.
struct Threshold {
  int numerator = 1;
  int denominator = 2;
  bool strict = true;  // true: "more than", false: "at least"
  bool met(int count, int total) const;  // false when total <= 0
  // "quá nửa (trên 1/2) tổng số thành viên" / "more than 1/2 of all members"
  Bilingual describe() const;
  bool operator==(const Threshold&) const = default;
};

// The council's rules, defaults a workspace may override (the law sets none for these awards).
struct Voting {
  Threshold threshold{1, 2, true};  // votes for, counted against the TOTAL members
  Threshold quorum{2, 3, false};    // members present, against the total
  Bilingual note;                   // why these values, as the campaign file explains
  // The units' own review meetings: the law sets no share for Giấy khen or Bằng khen, so the
  // campaign says which (nullopt: the council's `threshold`) and whether a miss blocks the
  // dossier (an error) or only warns (the default).
  std::optional<Threshold> unit_threshold;
  bool unit_threshold_blocks = false;
  const Threshold& unit() const { return unit_threshold ? *unit_threshold : threshold; }
  bool operator==(const Voting&) const = default;
};

struct DocumentRef {  // a plan or decree cited by number and date
  std::string number;  // "134/KH-UBND"
  Date date;
  Bilingual issuer;  // "UBND tỉnh Lạng Sơn"
  Bilingual title;   // may be empty
  bool operator==(const DocumentRef&) const = default;
};

struct Period {
  Date start, end;  // both inclusive
  bool contains(Date d) const { return start <= d && d <= end; }
  Bilingual describe() const;  // "từ 01/05/2025 đến 31/10/2025" / "from 01/05/2025 to 31/10/2025"
  bool operator==(const Period&) const = default;
};

// The submission deadline. Plans say "trước ngày X" (before X: X itself is late) or "chậm nhất
// ngày X" (X is the last day). Both become the last on-time day, so every screen, document and
// check agrees through these functions.
struct Deadline {
  Date last_day;             // the last day a submission is on time
  bool stated_before = true; // how the plan words it: "before last_day + 1" or "by last_day"
  // The date as the plan writes it: "before" 2025-10-30, or "by" 2025-10-29.
  Date stated_date() const;
  bool is_late(Date d) const { return d > last_day; }
  // Days from `today` to the last day: 0 on the last day, negative once late.
  int days_left(Date today) const;
  // "trước ngày 30/10/2025 (hạn cuối: 29/10/2025)" / "before 30/10/2025 (last day: 29/10/2025)";
  // "chậm nhất ngày 29/10/2025" / "by 29/10/2025 at the latest".
  Bilingual describe() const;
  bool operator==(const Deadline&) const = default;
};

struct Criterion {
  std::string id;  // stable: findings and dossiers use it ("gk_cn_1")
  Bilingual text;  // verbatim from the plan
  bool placeholder = false;  // the plan refers elsewhere; the campaign administrator fills it in
  bool operator==(const Criterion&) const = default;
};

// What an award form asks of one nominee kind.
struct AwardRule {
  NomineeKind kind = NomineeKind::individual;
  Bilingual preamble;  // the sentence before the criteria, verbatim; may be empty
  std::vector<Criterion> criteria;
  std::optional<int> quota;  // how many the council may propose; nullopt when not known
  Bilingual quota_note;      // the plan's own words on the number; may be empty
  std::optional<long long> prize;  // award money for one awardee of this kind, in dong; nullopt: none set
  bool operator==(const AwardRule&) const = default;
};

// Who decides an award form (Law 06/2022/QH15, Chapter V), and so to whom it is submitted: the
// head of the issuing body (the Director: the Office's Tờ trình to him) or the head of its parent
// (the Chairman of the Provincial People's Committee: the Department's Tờ trình, through the
// provincial emulation office).
enum class Decider { issuer_head, parent_head };
std::string_view to_string(Decider d);  // "issuer_head", "parent_head"

struct Authority {
  Decider decider = Decider::issuer_head;
  Bilingual title;  // "Giám đốc Sở Ngoại vụ"; empty: the campaign's issuer head and issuer
  Bilingual basis;  // the provision that gives the power; may be empty
  bool unverified = false;  // the basis was not read in the law's text
  bool operator==(const Authority&) const = default;
};

struct AwardForm {
  std::string id;  // "giay-khen-gd-so"
  Bilingual name;  // "Giấy khen của Giám đốc Sở"
  Bilingual full_name;  // written out for document titles: "Giấy khen của Giám đốc Sở Ngoại vụ"; may be empty
  Authority authority;
  Bilingual prize_basis;          // the decree and base salary the rules' prize amounts come from
  bool prize_unverified = false;  // the amounts were not checked against the decree's text
  const Bilingual& title() const { return full_name.vi.empty() ? name : full_name; }
  std::vector<AwardRule> rules;  // one per nominee kind it accepts
  const AwardRule* rule_for(NomineeKind kind) const;  // nullptr: the form does not take that kind
  bool accepts(NomineeKind kind) const { return rule_for(kind) != nullptr; }
  bool operator==(const AwardForm&) const = default;
};

// The three documents of a dossier: review minutes, achievement summary, Form 08 report.
enum class DocumentKind { minutes, summary, report };
std::string_view to_string(DocumentKind kind);
std::optional<DocumentKind> document_kind_from_string(std::string_view s);

struct DocumentSpec {
  DocumentKind kind = DocumentKind::report;
  Bilingual name;  // "Báo cáo thành tích theo mẫu số 08 ..."
  std::string template_collective;  // template ids, per nominee kind
  std::string template_individual;
  const std::string& template_for(NomineeKind k) const {
    return k == NomineeKind::collective ? template_collective : template_individual;
  }
  bool operator==(const DocumentSpec&) const = default;
};

struct Category {  // of an individual: công chức, viên chức, người lao động
  std::string id;
  Bilingual name;
  bool operator==(const Category&) const = default;
};

struct NomineeKindSpec {
  NomineeKind kind = NomineeKind::individual;
  Bilingual name;         // "Tập thể"
  Bilingual description;  // "Các phòng, đơn vị trực thuộc"
  std::vector<Category> categories;  // individuals only
  bool operator==(const NomineeKindSpec&) const = default;
};

struct Unit {
  std::string id;
  Bilingual name;
  // Whether the unit has its own seal (a centre, a public service unit). A division (phòng) has
  // none: its head signs without "đóng dấu".
  bool has_seal = false;
  bool operator==(const Unit&) const = default;
};

// A "Căn cứ …;" line of a decision, verbatim; unverified when its text was not read in the source.
struct LegalBasis {
  Bilingual text;
  bool unverified = false;
  bool operator==(const LegalBasis&) const = default;
};

// How the campaign is organised (Law 06/2022/QH15 names regular and thematic emulation); a
// special campaign is the thematic kind a plan calls "đợt thi đua đặc biệt" (Plan 32/KH-SNgV).
// Files of the first releases name none.
enum class CampaignKind { unspecified, regular, thematic, special };
std::string_view to_string(CampaignKind k);  // "", "regular", "thematic", "special"
Bilingual describe(CampaignKind k);            // "Thi đua thường xuyên" …; empty for unspecified

struct Campaign {
  std::string id;      // "32-KH-SNgV"
  int version = 0;     // of this campaign's content; a higher version replaces a lower one
  std::string hash;    // SHA-256 of the file's canonical JSON (set by the loader)
  Bilingual description;
  Bilingual issuer_parent;  // "UBND tỉnh Lạng Sơn"
  Bilingual issuer;         // "Sở Ngoại vụ"
  std::string issuer_abbreviation;  // "SNgV", as in "32/KH-SNgV"; empty: not known
  Bilingual issuer_head{"Giám đốc", "Director"};  // the head's title, who signs for the issuer
  DocumentRef plan;         // 32/KH-SNgV, 30/5/2025
  std::string place;        // "Lạng Sơn"
  Bilingual plan_title;     // the plan's title, verbatim
  DocumentRef parent_plan;  // 134/KH-UBND, 15/5/2025
  Bilingual name;           // the movement, verbatim
  Bilingual theme;          // verbatim
  CampaignKind kind = CampaignKind::unspecified;
  Period period;
  Deadline deadline;
  Bilingual receiving_office;
  // The issuer's office that receives dossiers and submits them: its name in headers, its
  // abbreviation in number lines ("…/TTr-VP"), its head's title above the signature.
  struct Secretariat {
    Bilingual name{"Văn phòng", "Office"};
    std::string abbreviation = "VP";
    Bilingual head{"Chánh Văn phòng", "Chief of Office"};
    bool unverified = false;  // the abbreviation or title was not read in a document of the issuer
    bool operator==(const Secretariat&) const = default;
  } secretariat;
  // The parent body's office for emulation and commendation, through which a submission to the
  // parent's head goes; empty: the submission names none.
  Bilingual provincial_office;
  bool provincial_office_unverified = false;
  // The bases a decision of the issuer's head cites, in order (editable data; empty: none).
  std::vector<LegalBasis> decision_bases;
  DocumentRef report_decree;  // the decree whose forms the plan requires (98/2023/NĐ-CP)
  std::vector<NomineeKindSpec> nominee_kinds;
  std::vector<AwardForm> award_forms;
  std::vector<DocumentSpec> documents;
  Voting voting;
  std::vector<Unit> units;
  bool units_are_examples = true;  // the shipped list is illustrative and editable

  const AwardForm* award_form(std::string_view id) const;
  const NomineeKindSpec* kind_spec(NomineeKind kind) const;
  const DocumentSpec* document(DocumentKind kind) const;
  const Category* category(std::string_view id) const;  // among the individual categories
  const Unit* unit(std::string_view id) const;
  // Whether a body signs with a seal: the issuer does; a unit by its `has_seal`, found by id or by
  // name (without diacritics, case-insensitive); a body the campaign does not know does not (most
  // nominating units are divisions).
  bool has_seal(std::string_view id_or_name) const;
  // Whether `body` is the issuer, as people write it: "Sở Ngoại vụ", "SỞ NGOẠI VỤ", "Sở Ngoại vụ
  // tỉnh Lạng Sơn" (the issuer's name, then optionally more words), without diacritics.
  bool is_issuer(std::string_view body) const;
  // The authority of an award form, its title filled from the issuer when the file leaves it out.
  Authority authority(std::string_view award_form_id) const;
  // The criterion and its 1-based number within its award rule ("Tiêu chuẩn 2"), or nullptr.
  struct FoundCriterion {
    const AwardForm* form = nullptr;
    const AwardRule* rule = nullptr;
    const Criterion* criterion = nullptr;
    int number = 0;
  };
  FoundCriterion find_criterion(std::string_view criterion_id) const;
  bool operator==(const Campaign&) const = default;
};

}  // namespace hoso
