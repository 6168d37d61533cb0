// Submission packages: build and verify one of 100 dossiers with 20 MB of attachments (issue 6).
// Building includes the verification the builder runs on its own output, so it costs about one
// verification more than writing alone. SHA-256 throughput is measured in bench_text.cpp.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>
#include <random>
#include <string>

#include "core/library.hpp"
#include "core/package.hpp"
#include "core/sha256.hpp"
#include "core/synthetic.hpp"

namespace {

using namespace hoso;

constexpr int kDossiers = 100;
constexpr int kAttachmentsPerDossier = 2;
constexpr std::size_t kAttachmentBytes = (std::size_t{20} << 20) / (kDossiers * kAttachmentsPerDossier);
constexpr Millis kNow = 1760948100000;  // 2025-10-20T08:15:00Z

struct BigWorkspace {
  Library lib;
  Workspace w;
  std::map<std::string, std::string, std::less<>> blobs;
  std::size_t attachment_bytes = 0;

  PackageInput input() const {
    std::vector<std::string> ids;
    for (const Dossier& d : w.dossiers) ids.push_back(d.id);
    return PackageInput{w, std::move(ids), Contact{"Lê Thị Cúc", "0205 3812 345", "cuc@langson.gov.vn"},
                        "3f2b8c1e-9d4a-4e6b-8a2f-1c5d7e9b0a42",
                        "0b9e6a52-7c1d-4f3e-8a2b-5d6c7e8f9a01", kNow,
                        [this](std::string_view sha) -> std::optional<std::string> {
                          auto it = blobs.find(sha);
                          return it == blobs.end() ? std::nullopt : std::optional<std::string>(it->second);
                        }};
  }
};

const BigWorkspace& big() {
  static const BigWorkspace instance = [] {
    BigWorkspace b;
    auto lib = load_builtin_library();
    if (!lib) std::abort();
    b.lib = std::move(lib).value();
    SyntheticOptions opts;
    opts.dossiers = kDossiers;
    b.w = generate_workspace(b.lib, *b.lib.campaign(kDefaultCampaignId), opts);
    std::mt19937_64 rng(6);
    for (Dossier& d : b.w.dossiers) {
      for (int k = 0; k < kAttachmentsPerDossier; ++k) {
        std::string bytes(kAttachmentBytes, '\0');
        for (char& c : bytes) c = static_cast<char>(rng());
        const std::string sha = sha256_hex(bytes);
        d.attachments.push_back({"a" + std::to_string(k), "minh-chung-" + std::to_string(k) + ".pdf", "application/pdf",
                                 static_cast<int64_t>(bytes.size()), sha, kNow});
        b.attachment_bytes += bytes.size();
        b.blobs[sha] = std::move(bytes);
      }
      d.status = Status::ready;
    }
    return b;
  }();
  return instance;
}

void BM_BuildPackage(benchmark::State& state) {
  const BigWorkspace& b = big();
  const PackageInput in = b.input();
  std::size_t size = 0;
  for (auto _ : state) {
    auto p = build_package(b.lib, in);
    if (!p) {
      state.SkipWithError(p.error().describe(Language::en).c_str());
      return;
    }
    size = p->text.size();
    benchmark::DoNotOptimize(p);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * b.attachment_bytes));
  state.counters["package_MB"] = static_cast<double>(size) / (1 << 20);
}
BENCHMARK(BM_BuildPackage)->Unit(benchmark::kMillisecond);

void BM_VerifyPackage(benchmark::State& state) {
  const BigWorkspace& b = big();
  auto p = build_package(b.lib, b.input());
  if (!p) {
    state.SkipWithError(p.error().describe(Language::en).c_str());
    return;
  }
  for (auto _ : state) {
    auto v = verify_package(b.lib, p->file_name, p->text);
    if (!v) {
      state.SkipWithError(v.error().describe(Language::en).c_str());
      return;
    }
    benchmark::DoNotOptimize(v);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * p->text.size()));
  state.counters["package_MB"] = static_cast<double>(p->text.size()) / (1 << 20);
}
BENCHMARK(BM_VerifyPackage)->Unit(benchmark::kMillisecond);

}  // namespace
