#pragma once
// What is missing or wrong, as findings a unit can act on. Pure: the same library, workspace and
// day always give the same findings, in a stable order (dossiers in workspace order, then minutes).
// Errors keep a dossier from "ready"; warnings inform (late, over quota, an older form version).
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/bilingual.hpp"
#include "core/date.hpp"
#include "core/workspace.hpp"

namespace hoso {

class Library;

enum class Severity { error, warning };
std::string_view to_string(Severity s);

// Which rule produced a finding: stable ids for tests, filters and the UI.
namespace rule {
inline constexpr std::string_view campaign = "campaign";              // dossier of another campaign
inline constexpr std::string_view template_missing = "template_missing";  // its form is unknown
inline constexpr std::string_view template_changed = "template_changed";  // written on an older form
inline constexpr std::string_view campaign_version = "campaign_version";  // written on an older campaign version
inline constexpr std::string_view required = "required";              // a required value is empty
inline constexpr std::string_view length = "length";                  // text too long / too short
inline constexpr std::string_view number = "number";                  // not a number, out of range
inline constexpr std::string_view choice = "choice";                  // not one of the options
inline constexpr std::string_view rows = "rows";                      // too few / too many rows
inline constexpr std::string_view type = "type";                      // wrong kind of value
inline constexpr std::string_view date = "date";                      // not a real date
inline constexpr std::string_view time = "time";                      // not a time HH:MM
inline constexpr std::string_view date_period = "date_period";        // outside the campaign
inline constexpr std::string_view date_future = "date_future";        // after today
inline constexpr std::string_view birth_date = "birth_date";          // age not 18-70
inline constexpr std::string_view email = "email";
inline constexpr std::string_view headcount = "headcount";            // women/party > headcount
inline constexpr std::string_view award_form = "award_form";          // missing, unknown, wrong kind
inline constexpr std::string_view criterion_met = "criterion_met";
inline constexpr std::string_view criterion_evidence = "criterion_evidence";
inline constexpr std::string_view vote_missing = "vote_missing";      // no minutes vote
inline constexpr std::string_view vote_award_form = "vote_award_form";  // voted for another form
inline constexpr std::string_view vote_threshold = "vote_threshold";  // share below threshold
inline constexpr std::string_view vote_counts = "vote_counts";        // votes > present > total
inline constexpr std::string_view vote_unknown = "vote_unknown";      // vote on no such dossier
inline constexpr std::string_view quorum = "quorum";
inline constexpr std::string_view flag = "flag";                      // discipline etc. declared
inline constexpr std::string_view declaration = "declaration";        // a required declaration not made
inline constexpr std::string_view deadline = "deadline";
inline constexpr std::string_view duplicate = "duplicate";            // same nominee twice
inline constexpr std::string_view quota = "quota";
inline constexpr std::string_view attachment = "attachment";          // bad metadata
}  // namespace rule

struct Finding {
  enum class Owner { dossier, minutes, campaign };  // campaign: the secretariat's campaign editor
  Owner owner = Owner::dossier;
  std::string owner_id;  // the dossier's or the minutes' id
  // Where to fix it. Usually inside the owner; a dossier's missing vote points into the minutes
  // ("minutes.votes.<id>.for"), whose section is "minutes".
  std::string path;
  Severity severity = Severity::error;
  std::string_view rule;
  Bilingual message;  // "Chưa nhập ngày sinh." / "Date of birth is missing."
  bool operator==(const Finding&) const = default;
};

// Every finding for every dossier and minutes of the workspace. `today` is the Vietnam date.
std::vector<Finding> validate(const Library& lib, const Campaign& c, const Workspace& w,
                              Date today);

// The dossier's findings out of a full validation (in order), and whether it may be marked ready.
std::vector<const Finding*> findings_for(std::span<const Finding> all, std::string_view dossier_id);
bool can_mark_ready(std::span<const Finding> all, std::string_view dossier_id);
// What keeps it from ready: its errors' messages, in order.
std::vector<Bilingual> ready_blockers(std::span<const Finding> all, std::string_view dossier_id);

// The key that says two dossiers nominate the same person or collective: folded full name and
// birth date for people ("nguyen van a|1985-03-14"), folded name for collectives.
std::string nominee_key(const Nominee& n);

}  // namespace hoso
