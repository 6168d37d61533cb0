// The secretariat's intake (issue 7): 100 units' packages holding 1,000 dossiers (no attachments,
// so this measures verification, placing and the register, not SHA-256 of scans), classified and
// applied to an empty register; then the register's table over those 1,000 rows (validation of
// every package, cross-unit checks) and a filter with search and Vietnamese sort.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/library.hpp"
#include "core/package.hpp"
#include "core/registry.hpp"
#include "core/sha256.hpp"
#include "core/synthetic.hpp"
#include "core/intake.hpp"
#include "core/registry_view.hpp"

namespace {

using namespace hoso;

constexpr int kPackages = 100;
constexpr int kDossiersPerPackage = 10;
constexpr Millis kSent = 1760948100000;  // 2025-10-20T08:15:00Z

struct Packages {
  Library lib;
  std::vector<BuiltPackage> built;
  std::vector<IncomingFile> files;
  std::size_t bytes = 0;
};

std::string uuid(uint64_t seed) {
  std::array<uint8_t, 16> b{};
  for (auto& x : b) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    x = static_cast<uint8_t>(seed >> 56);
  }
  return format_uuid_v4(b);
}

const Packages& packages() {
  static const Packages instance = [] {
    Packages p;
    auto lib = load_builtin_library();
    if (!lib) std::abort();
    p.lib = std::move(lib).value();
    const Campaign& c = *p.lib.campaign(kDefaultCampaignId);
    for (int u = 0; u < kPackages; ++u) {
      SyntheticOptions o;
      o.seed = 1000 + static_cast<uint64_t>(u);
      o.dossiers = kDossiersPerPackage;
      o.collective_share = 0.0;  // the generator names collectives after the campaign's few units
      Workspace w = generate_workspace(p.lib, c, o);
      w.settings.unit_id = "don-vi-" + std::to_string(u);
      w.settings.unit_name = "Đơn vị số " + std::to_string(u);
      std::vector<std::string> ids;
      for (Dossier& d : w.dossiers) {
        d.status = Status::ready;
        ids.push_back(d.id);
      }
      auto built = build_package(p.lib, PackageInput{w, ids, Contact{"Lê Thị Cúc", "", ""}, uuid(static_cast<uint64_t>(u) + 1),
                                                     uuid(static_cast<uint64_t>(u) + 100001), kSent,
                                                     [](std::string_view) { return std::optional<std::string>{}; }});
      if (!built) std::abort();
      p.bytes += built->text.size();
      p.built.push_back(std::move(built).value());
    }
    for (const BuiltPackage& b : p.built) p.files.push_back({b.file_name, b.text, kSent + 3600000});
    return p;
  }();
  return instance;
}

void BM_IntakeOf100Packages(benchmark::State& state) {
  const Packages& p = packages();
  const EditContext ctx{"Văn thư Sở", kSent + 7200000};
  std::size_t rows = 0;
  for (auto _ : state) {
    Registry r;
    IntakeReport report = classify(p.lib, r, p.files);
    const IntakeApplied applied = apply_intake(r, std::move(report), ctx);
    if (applied.added != kPackages) {
      state.SkipWithError("a package was not accepted");
      return;
    }
    rows = r.decisions.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["dossiers"] = static_cast<double>(rows);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(p.bytes));
}
BENCHMARK(BM_IntakeOf100Packages)->Unit(benchmark::kMillisecond);

void BM_RegistryViewOf1000Rows(benchmark::State& state) {
  const Packages& p = packages();
  Registry r;
  apply_intake(r, classify(p.lib, r, p.files), {"Văn thư Sở", kSent + 7200000});
  const Campaign& c = *p.lib.campaign(kDefaultCampaignId);
  for (auto _ : state) {
    RegistryView v = make_view(p.lib, c, r, {2025, 10, 31});
    benchmark::DoNotOptimize(v);
  }
  state.counters["rows"] = static_cast<double>(make_view(p.lib, c, r, {2025, 10, 31}).rows.size());
}
BENCHMARK(BM_RegistryViewOf1000Rows)->Unit(benchmark::kMillisecond);

void BM_RegistryFilterAndSort(benchmark::State& state) {
  const Packages& p = packages();
  Registry r;
  apply_intake(r, classify(p.lib, r, p.files), {"Văn thư Sở", kSent + 7200000});
  const RegistryView v = make_view(p.lib, *p.lib.campaign(kDefaultCampaignId), r, {2025, 10, 31});
  RegistryFilter f;
  f.dossier.search = "nguyen thi";
  for (auto _ : state) {
    auto idx = filter_and_sort(r, v, f, RegistrySort::unit);
    benchmark::DoNotOptimize(idx);
  }
}
BENCHMARK(BM_RegistryFilterAndSort)->Unit(benchmark::kMicrosecond);

}  // namespace
