#pragma once
// Shared by the secretariat's tests (register, council, exports, registry store): units'
// workspaces made by the generator, exported with build_package exactly as a unit's app does, and
// taken into a register through classify / apply_intake.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/package.hpp"
#include "core/registry.hpp"
#include "core/sha256.hpp"
#include "core/synthetic.hpp"
#include "domain_fixtures.hpp"
#include "core/intake.hpp"
#include "core/registry_view.hpp"

namespace hoso::testing {

inline constexpr Millis kSent = 1760948100000;      // 2025-10-20T08:15:00Z, 15:15 in Vietnam
inline constexpr Millis kReceived = 1760950800000;  // 2025-10-20T09:00:00Z
inline constexpr Millis kDay = 86400000;
inline constexpr Date kRegistryToday{2025, 10, 31};
inline const EditContext kSecretariat{"Văn thư Sở", kReceived + 3600000};

using Blobs = std::map<std::string, std::string, std::less<>>;

// The unit's workspace (PackageHeader::workspace_id) when the workspace exported has none yet.
inline constexpr const char* kUnitWorkspaceId = "0b9e6a52-7c1d-4f3e-8a2b-5d6c7e8f9a01";

inline std::string uuid_for(uint64_t seed) {
  std::array<uint8_t, 16> b{};
  for (auto& x : b) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    x = static_cast<uint8_t>(seed >> 56);
  }
  return format_uuid_v4(b);
}

// A unit's workspace, every dossier ready to send: generated people (distinct per seed), the
// unit's own identity, and collectives named after the unit (the generator names them after the
// campaign's example units, which would make every unit nominate the same collectives).
inline Workspace unit_workspace(const std::string& unit_id, const std::string& unit_name, uint64_t seed, int dossiers,
                                double collective_share = 0.0) {
  SyntheticOptions o;
  o.seed = seed;
  o.dossiers = dossiers;
  o.collective_share = collective_share;
  Workspace w = generate_workspace(lib(), campaign(), o);
  w.settings.unit_id = unit_id;
  w.settings.unit_name = unit_name;
  for (Minutes& m : w.minutes) {
    m.unit_id = unit_id;
    m.unit_name = unit_name;
  }
  int k = 0;
  for (Dossier& d : w.dossiers) {
    d.status = Status::ready;
    if (d.nominee.kind == NomineeKind::collective)
      d.nominee.name = k++ == 0 ? unit_name : "Tổ công tác số " + std::to_string(k) + " thuộc " + unit_name;
  }
  return w;
}

// The unit's export, as its app makes it. The package id comes from `id_seed` at revision 1.
inline BuiltPackage export_package(const Workspace& w, Millis now, uint64_t id_seed, const Blobs& blobs = {}) {
  std::vector<std::string> ids;
  for (const Dossier& d : w.dossiers) ids.push_back(d.id);
  PackageInput in{w, ids, Contact{"Lê Thị Cúc", "0205 3812 345", "cuc.sngv@langson.gov.vn"}, uuid_for(id_seed),
                  kUnitWorkspaceId, now,
                  [&blobs](std::string_view sha) -> std::optional<std::string> {
                    auto it = blobs.find(sha);
                    if (it == blobs.end()) return std::nullopt;
                    return it->second;
                  }};
  auto b = build_package(lib(), in);
  EXPECT_TRUE(b.ok()) << (b ? "" : b.error().describe(Language::en));
  return b ? std::move(b).value() : BuiltPackage{};
}

inline IncomingFile incoming(const BuiltPackage& p, Millis received = kReceived) {
  return IncomingFile{p.file_name, p.text, received};
}

inline Registry empty_registry() {
  Registry r;
  r.campaign_id = campaign().id;
  return r;
}

// classify + apply_intake in one step; the report is returned for its checks.
inline IntakeReport take_in(Registry& r, const std::vector<IncomingFile>& files, const EditContext& ctx = kSecretariat) {
  IntakeReport report = classify(lib(), r, files);
  IntakeReport copy = report;
  apply_intake(r, std::move(copy), ctx);
  return report;
}

inline RegistryView view_of(const Registry& r) { return make_view(lib(), campaign(), r, kRegistryToday); }

}  // namespace hoso::testing
