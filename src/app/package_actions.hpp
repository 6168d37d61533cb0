#pragma once
// The unit's import of submission packages, behind the import screen: restoring the unit's own
// work from a package it sent (on a new device, say) or checking a package. Every file that
// arrives (picked, several at once, or dropped: on_package_file, from file_routing) is verified
// (verify_package) and planned against the workspace (plan_import); nothing is written until the
// person says so, and then apply_import, the attachments' bytes and the session's save do it. A
// conflict (same package, other content) is only taken on an explicit choice. Each file ends up
// in the report: imported, skipped or refused, and why. No ImGui here.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/package.hpp"

namespace hoso::app {

class Session;

struct ImportFile {
  enum class State { waiting, imported, skipped, refused };
  enum class Skip { already_imported, declined, kept_local };

  int seq = 0;  // names its items: "import.file.<seq>"
  std::string name;
  State state = State::waiting;
  Skip skip = Skip::already_imported;
  Bilingual why;  // refused: the file, the part and what is wrong (from the core or the store)
  const char* why_key = nullptr;  // or a catalogue key, "{}" the file's name

  // Verified, for as long as it waits for the person's word.
  std::optional<VerifiedPackage> package;
  ImportPlan plan;               // against the workspace at `planned_at` (the session's revision)
  std::uint64_t planned_at = 0;
  // What the import did, for the report.
  int added = 0, replaced = 0, minutes = 0;
};

const std::vector<ImportFile>& import_files();

// Submission packages picked or dropped (`index` of `count` files), between frames.
void on_package_file(Session& s, std::string_view name, std::string_view bytes, int index, int count);

// Opens the file picker for packages (several at once).
void choose_package_files(Session& s);
// Plans again the files still waiting when the workspace changed since they were planned.
void refresh_import_plans(Session& s);
// The person's answers for a waiting file: take it (a conflict only with overwrite_conflict), or
// leave it (`skip`: declined, or kept_local for a conflict).
void accept_import(Session& s, int seq, bool overwrite_conflict = false);
void decline_import(int seq, ImportFile::Skip skip);
// Forgets the files that are done (imported, skipped, refused).
void clear_finished_imports();

}  // namespace hoso::app
