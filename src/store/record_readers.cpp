#include "store/record_readers.hpp"

#include "core/award.hpp"
#include "core/council.hpp"
#include "core/registry.hpp"
#include "core/workspace.hpp"
#include "store/registry_store.hpp"
#include "store/workspace_store.hpp"

namespace hoso::store {
namespace {

template <class T>
std::optional<DataError> problem_of(const Outcome<T>& read) {
  if (read) return std::nullopt;
  return read.error();
}

}  // namespace

std::optional<DataError> model_problem(std::string_view name, const nlohmann::json& data) {
  const std::string file(name);
  if (name == kWorkspaceRecord) return problem_of(workspace_from_json(data, file));
  if (name == kRegisterStateRecord) return problem_of(register_state_from_json(data, file));
  if (name.starts_with("dossiers/")) return problem_of(dossier_from_json(data, file));
  if (name.starts_with("minutes/")) return problem_of(minutes_from_json(data, file));
  if (name.starts_with("registry/packages/")) return problem_of(revision_from_json(data, file));
  if (name.starts_with("registry/decisions/")) return problem_of(decision_from_json(data, file));
  if (name.starts_with("registry/sessions/")) return problem_of(meeting_from_json(data, file));
  if (name.starts_with("registry/awards/")) return problem_of(award_from_json(data, file));
  if (name == kAwardHistoryRecord) return problem_of(history_from_json(data, file));
  return std::nullopt;
}

}  // namespace hoso::store
