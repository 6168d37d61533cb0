#include "store/record_readers.hpp"

#include "core/workspace.hpp"
#include "store/workspace_store.hpp"

namespace hoso::store {
namespace {

RecordCheck registry_check = nullptr;  // set by the full edition

}  // namespace

std::optional<DataError> model_problem(std::string_view name, const nlohmann::json& data) {
  const std::string file(name);
  if (name == kWorkspaceRecord) return problem_of(workspace_from_json(data, file));
  if (name.starts_with("dossiers/")) return problem_of(dossier_from_json(data, file));
  if (name.starts_with("minutes/")) return problem_of(minutes_from_json(data, file));
  if (registry_check) return registry_check(name, data);
  return std::nullopt;
}

void set_registry_record_check(RecordCheck check) { registry_check = check; }

}  // namespace hoso::store
