#pragma once
// Internal to the register's sources (registry.cpp, intake.cpp, council.cpp, proposal_export.cpp):
// small helpers they share. Not part of the API.
#include <string>
#include <string_view>
#include <vector>

#include "core/json_in.hpp"
#include "core/registry.hpp"

namespace hoso::registry_detail {

DataError refusal(std::string path, std::string vi, std::string en);

// The award form's name, or its id when the campaign lacks it.
Bilingual form_name(const Campaign& c, std::string_view award_form);

// in_force[i]: standing(r, r.revisions[i]) == in_force, for every revision at once.
std::vector<bool> in_force(const Registry& r);

// The dossier's decision, created ("received", audited as exported -> received) when missing, in
// dossier id order.
// `created` says whether it was.
Decision& decision_for(Registry& r, std::string_view dossier_id, const EditContext& ctx, bool& created);

// A secretariat status change on a decision through edit.hpp's change_status (the status machine,
// the reason for "returned", the audit entries), so the register records changes exactly as a
// dossier does.
Outcome<bool> move_status(Decision& d, Status to, std::string_view reason, const EditContext& ctx);

// Two copies of one dossier say the same, whatever their export records and statuses say.
bool same_content(const Dossier& a, const Dossier& b);

// RegistryChange lists in records: written, and read from the member `key` of `j`.
nlohmann::json changes_json(const std::vector<RegistryChange>& list);
std::vector<RegistryChange> read_changes(json_in::Reader& r, const nlohmann::json& j, std::string_view key);

// A share as people check it: "88,9%" / "88.9%", one decimal rounded half up, in integers
// (the same text on every platform). 0 when total is not positive.
Bilingual percent(int part, int total);

// "28/10/2025"
inline std::string day(Date d) { return to_display(d); }

}  // namespace hoso::registry_detail
