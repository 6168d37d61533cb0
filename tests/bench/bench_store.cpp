// Benchmarks of the store on a native directory, with realistic dossiers from the core's synthetic
// generator: saving one edited dossier among 10 or 1,000 (the store's share of "keystroke to
// committed"), loading them all (its share of start-up), the bytes stored per dossier, and the
// one-file backup. The browser adds IDBFS's syncfs on top; BENCHMARKS.md measures that end to end.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dossier.hpp"
#include "core/library.hpp"
#include "core/synthetic.hpp"
#include "store/backup.hpp"
#include "store/record_store.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using hoso::store::RecordStore;

constexpr hoso::Millis kNow = 1760948100000;  // 2025-10-20T08:15:00Z

// 1,000 synthetic dossiers as the app would save them (generated once).
const std::vector<json>& dossiers() {
  static const std::vector<json> all = [] {
    std::vector<json> out;
    auto lib = hoso::load_builtin_library();
    if (!lib) return out;
    const hoso::Campaign* campaign = lib->campaign(hoso::kDefaultCampaignId);
    if (!campaign) return out;
    hoso::SyntheticOptions opts;
    opts.dossiers = 1000;
    for (const auto& d : hoso::generate_workspace(*lib, *campaign, opts).dossiers) out.push_back(hoso::to_json(d));
    return out;
  }();
  return all;
}

std::string record_name(std::size_t i) { return "dossiers/" + std::to_string(i) + ".json"; }

// A directory holding the first n dossiers, removed when the benchmark ends.
class BenchDir {
 public:
  explicit BenchDir(std::size_t n)
      : dir_(fs::temp_directory_path() / ("hoso_bench_store_" + std::to_string(::getpid()) + "_" + std::to_string(n))) {
    fs::remove_all(dir_);
    RecordStore s(dir_);
    for (std::size_t i = 0; i < n; ++i) (void)s.save(record_name(i), dossiers()[i], kNow);
  }
  ~BenchDir() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  BenchDir(const BenchDir&) = delete;
  BenchDir& operator=(const BenchDir&) = delete;
  const fs::path& dir() const { return dir_; }

 private:
  fs::path dir_;
};

bool ready(benchmark::State& state) {
  if (dossiers().size() < 1000) {
    state.SkipWithError("the synthetic workspace could not be generated");
    return false;
  }
  return true;
}

// One edit saved: the data changes, so the full write path runs (guard read, dump, hash, parse
// back, temp, fsync, two renames).
void BM_StoreSaveEditedDossier(benchmark::State& state) {
  if (!ready(state)) return;
  const auto n = static_cast<std::size_t>(state.range(0));
  BenchDir w(n);
  RecordStore s(w.dir());
  (void)s.load_all(kNow);
  json d = dossiers()[n / 2];
  int64_t edit = 0;
  for (auto _ : state) {
    d["bench_edit"] = ++edit;
    auto out = s.save(record_name(n / 2), d, kNow + edit);
    if (!out || !out->written) state.SkipWithError("save failed");
  }
}
BENCHMARK(BM_StoreSaveEditedDossier)->Arg(10)->Arg(1000)->Unit(benchmark::kMicrosecond);

// A save with nothing changed: what every debounce tick costs for the dossiers not edited.
void BM_StoreSaveUnchangedDossier(benchmark::State& state) {
  if (!ready(state)) return;
  BenchDir w(10);
  RecordStore s(w.dir());
  (void)s.load_all(kNow);
  const json& d = dossiers()[3];
  for (auto _ : state) benchmark::DoNotOptimize(s.save(record_name(3), d, kNow));
}
BENCHMARK(BM_StoreSaveUnchangedDossier)->Unit(benchmark::kMicrosecond);

// Start-up: every record read, checked and remembered. Also reports bytes stored per dossier.
void BM_StoreLoadAll(benchmark::State& state) {
  if (!ready(state)) return;
  const auto n = static_cast<std::size_t>(state.range(0));
  BenchDir w(n);
  for (auto _ : state) {
    RecordStore s(w.dir());
    auto report = s.load_all(kNow);
    if (!report || report->records.size() != n) state.SkipWithError("load failed");
  }
  auto usage = RecordStore(w.dir()).usage();
  if (usage) {
    state.counters["bytes_per_dossier"] = static_cast<double>(usage->record_bytes) / static_cast<double>(n);
  }
}
BENCHMARK(BM_StoreLoadAll)->Arg(10)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_BackupMake(benchmark::State& state) {
  if (!ready(state)) return;
  BenchDir w(1000);
  RecordStore s(w.dir());
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto text = hoso::store::make_backup(s, kNow);
    if (!text) state.SkipWithError("backup failed");
    else bytes = text->size();
  }
  state.counters["backup_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_BackupMake)->Unit(benchmark::kMillisecond);

void BM_BackupVerify(benchmark::State& state) {
  if (!ready(state)) return;
  BenchDir w(1000);
  RecordStore s(w.dir());
  auto text = hoso::store::make_backup(s, kNow);
  if (!text) {
    state.SkipWithError("backup failed");
    return;
  }
  RecordStore empty(w.dir() / "empty");
  for (auto _ : state) {
    auto plan = hoso::store::verify_backup(*text, empty);
    if (!plan) state.SkipWithError("verify failed");
  }
}
BENCHMARK(BM_BackupVerify)->Unit(benchmark::kMillisecond);

}  // namespace
