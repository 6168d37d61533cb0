#include "store/record_readers.hpp"

#include "core/workspace.hpp"
#include "store/workspace_store.hpp"

namespace hoso::store {
namespace {

RecordCheck register_check = nullptr;  // set by the full edition

}  // namespace

std::optional<DataError> model_problem(std::string_view name, const nlohmann::json& data) {
  const std::string file(name);
  if (name == kWorkspaceRecord) return problem_of(workspace_from_json(data, file));
  if (name.starts_with("dossiers/")) return problem_of(dossier_from_json(data, file));
  if (name.starts_with("minutes/")) return problem_of(minutes_from_json(data, file));
  if (register_check) return register_check(name, data);
  return std::nullopt;
}

void set_register_record_check(RecordCheck check) { register_check = check; }

}  // namespace hoso::store
