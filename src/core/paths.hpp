#pragma once
// Paths name every editable value of a dossier or minutes, e.g. "nominee.birth_date",
// "criteria.gk_cn_1.evidence", "report.targets[2].result", "minutes.votes.<dossier id>.for".
// A finding carries one; the UI uses the same string as the widget's ImGui ID (after "##") and
// opens the section that path_section() names.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hoso {

// One step of a path: a member name, optionally followed by an index ("targets[2]").
struct PathStep {
  std::string key;
  std::optional<std::size_t> index;
  bool operator==(const PathStep&) const = default;
};

// "report.targets[2].result" -> {report}, {targets, 2}, {result}. nullopt when malformed (empty
// steps, unbalanced brackets, a non-numeric index).
std::optional<std::vector<PathStep>> parse_path(std::string_view path);

// Builders, so no caller formats paths by hand.
std::string nominee_path(std::string_view field_id);          // "nominee.full_name"
std::string criterion_met_path(std::string_view criterion_id);       // "criteria.<id>.met"
std::string criterion_evidence_path(std::string_view criterion_id);  // "criteria.<id>.evidence"
std::string report_path(std::string_view field_id);            // "report.<id>"
std::string row_path(std::string_view rows_path, std::size_t index);  // "<rows>[<i>]"
std::string cell_path(std::string_view rows_path, std::size_t index, std::string_view column);
std::string minutes_path(std::string_view field_id);           // "minutes.<id>"
// "minutes.votes.<dossier id>.for" / ".against" / ".award_form"
std::string vote_path(std::string_view dossier_id, std::string_view member);
inline constexpr std::string_view kAwardFormPath = "award_form";
inline constexpr std::string_view kSummaryPath = "summary.text";
inline constexpr std::string_view kAttachmentsPath = "attachments";
inline constexpr std::string_view kStatusPath = "status";
inline constexpr std::string_view kKindPath = "nominee.kind";

// The section of the dossier screen that shows a path: "nominee", "award", "criteria", "summary",
// "report", "attachments", "flags", "status", or "minutes" (the unit's minutes screen). Empty for
// a path of none of these.
std::string_view path_section(std::string_view path);

}  // namespace hoso
