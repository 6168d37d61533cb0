// Benchmarks of the domain on a realistic workspace of 1,000 dossiers (the app's developer hook
// generates the same data): validation, JSON serialisation and parsing, and the list view.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "core/dossier_views.hpp"
#include "core/library.hpp"
#include "core/synthetic.hpp"
#include "core/validation.hpp"

namespace {

using namespace hoso;

const Library& library() {
  static const Library lib = [] {
    auto l = load_builtin_library();
    if (!l) std::abort();  // shipped data is tested elsewhere; a benchmark cannot go on without it
    return std::move(l).value();
  }();
  return lib;
}

const Campaign& campaign() { return *library().campaign(kDefaultCampaignId); }

Workspace workspace(int n) {
  SyntheticOptions o;
  o.dossiers = n;
  o.seed = 2025;
  o.collective_share = 0.1;
  return generate_workspace(library(), campaign(), o);
}

constexpr Date kToday{2025, 10, 1};

void BM_Validate(benchmark::State& state) {
  const Workspace w = workspace(static_cast<int>(state.range(0)));
  std::size_t findings = 0;
  for (auto _ : state) {
    auto fs = validate(library(), campaign(), w, kToday);
    findings = fs.size();
    benchmark::DoNotOptimize(fs.data());
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_Validate)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_SerialiseWorkspace(benchmark::State& state) {
  const Workspace w = workspace(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string text = to_json(w).dump();
    bytes = text.size();
    benchmark::DoNotOptimize(text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_SerialiseWorkspace)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_ParseWorkspace(benchmark::State& state) {
  const std::string text = to_json(workspace(static_cast<int>(state.range(0)))).dump();
  for (auto _ : state) {
    auto w = workspace_from_text(text);
    if (!w) state.SkipWithError("the workspace did not parse");
    benchmark::DoNotOptimize(w);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseWorkspace)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_FilterAndSortByName(benchmark::State& state) {
  const Workspace w = workspace(static_cast<int>(state.range(0)));
  DossierFilter f;
  f.search = "nguyen";
  for (auto _ : state) {
    auto all = filter_and_sort(w.dossiers, {});
    auto some = filter_and_sort(w.dossiers, f);
    benchmark::DoNotOptimize(all.data());
    benchmark::DoNotOptimize(some.data());
  }
}
BENCHMARK(BM_FilterAndSortByName)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_GenerateWorkspace(benchmark::State& state) {
  for (auto _ : state) {
    Workspace w = workspace(static_cast<int>(state.range(0)));
    benchmark::DoNotOptimize(w.dossiers.data());
  }
}
BENCHMARK(BM_GenerateWorkspace)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
