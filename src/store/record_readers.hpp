#pragma once
// The model's readers by record name: what load() makes of a record's data (a dossier, minutes,
// the settings, a register revision, decision, meeting or head). A backup's records are checked by
// these before anything is restored, so a restore never brings in what the next start would
// report as broken.
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/bilingual.hpp"

namespace hoso::store {

// A reader's refusal as a problem, or nothing when it read.
template <class T>
std::optional<DataError> problem_of(const Outcome<T>& read) {
  if (read) return std::nullopt;
  return read.error();
}

// The first problem the loader would report for `data` under `name`, or nothing when it reads.
// Names the workspace does not map to a type (other records) are accepted as they are.
std::optional<DataError> model_problem(std::string_view name, const nlohmann::json& data);

// The register's records (registry/…, history/…) are the secretariat's: their readers live in the
// full edition, which installs their check at start (registry_store.hpp: registry_record_problem).
// Without it — the unit's edition, which never writes them and stays small — they pass here like
// other records, and the full edition reports any that do not read when it loads them.
using RecordCheck = std::optional<DataError> (*)(std::string_view name, const nlohmann::json& data);
void set_registry_record_check(RecordCheck check);

}  // namespace hoso::store
