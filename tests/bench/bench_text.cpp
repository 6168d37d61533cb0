// Benchmarks of the core's text and hashing foundations.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/canonical_json.hpp"
#include "core/sha256.hpp"
#include "core/text.hpp"

namespace {

std::string random_bytes(std::size_t n) {
  std::mt19937_64 rng(1);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(rng());
  return s;
}

void BM_Sha256(benchmark::State& state) {
  const std::string data = random_bytes(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(hoso::sha256_hex(data));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_Sha256)->Arg(1 << 20)->Arg(16 << 20)->Unit(benchmark::kMillisecond);

// About 20,000 characters of Vietnamese prose (NFC).
std::string vietnamese_text() {
  const std::string sentence =
      "Ông Nguyễn Văn Bình, Trưởng phòng Hợp tác quốc tế, đã hoàn thành xuất sắc nhiệm vụ năm "
      "2025; đề nghị tặng Bằng khen của Ủy ban nhân dân Thành phố. ";
  std::string s;
  while (hoso::text::length(s) < 20000) s += sentence;
  return s;
}

void BM_Nfc(benchmark::State& state) {
  std::string text = vietnamese_text();
  if (state.range(0)) {  // decomposed input: "e" + U+0302 + U+0303 for "ễ", and so on
    std::string nfd;
    for (char32_t cp : hoso::text::decode_utf8(text)) {
      if (cp == U'ễ') nfd += "e\xcc\x82\xcc\x83";
      else if (cp == U'ă') nfd += "a\xcc\x86";
      else if (cp == U'ợ') nfd += "o\xcc\x9b\xcc\xa3";
      else if (cp == U'ố') nfd += "o\xcc\x82\xcc\x81";
      else if (cp == U'á') nfd += "a\xcc\x81";
      else if (cp == U'ư') nfd += "u\xcc\x9b";
      else hoso::text::append_utf8(nfd, cp);
    }
    text = nfd;
  }
  for (auto _ : state) benchmark::DoNotOptimize(hoso::text::nfc(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Nfc)->Arg(0)->Arg(1)->ArgNames({"decomposed"})->Unit(benchmark::kMicrosecond);

void BM_Fold(benchmark::State& state) {
  const std::string text = vietnamese_text();
  for (auto _ : state) benchmark::DoNotOptimize(hoso::text::fold(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Fold)->Unit(benchmark::kMicrosecond);

std::vector<std::string> names(std::size_t n) {
  const char* family[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
  const char* middle[] = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Xuân"};
  const char* given[] = {"An", "Anh", "Ánh", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hằng", "Hùng", "Lan", "Linh", "Mai", "Nam", "Ngọc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Yến"};
  std::mt19937 rng(4);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i)
    out.push_back(std::string(family[rng() % std::size(family)]) + " " + middle[rng() % std::size(middle)] + " " + given[rng() % std::size(given)]);
  return out;
}

void BM_SortNames(benchmark::State& state) {
  const std::vector<std::string> input = names(1000);
  for (auto _ : state) {
    std::vector<std::string> v = input;
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return hoso::text::compare_person_names(a, b) < 0; });
    benchmark::DoNotOptimize(v.data());
  }
}
BENCHMARK(BM_SortNames)->Unit(benchmark::kMicrosecond);

void BM_SortNamesByKey(benchmark::State& state) {
  const std::vector<std::string> input = names(1000);
  for (auto _ : state) {
    std::vector<std::pair<std::string, const std::string*>> v;
    v.reserve(input.size());
    for (const auto& n : input) v.emplace_back(hoso::text::collation_key_person(n), &n);
    std::sort(v.begin(), v.end());
    benchmark::DoNotOptimize(v.data());
  }
}
BENCHMARK(BM_SortNamesByKey)->Unit(benchmark::kMicrosecond);

void BM_CanonicalDump(benchmark::State& state) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& n : names(1000)) j.push_back({{"full_name", n}, {"unit", "Phòng Hợp tác quốc tế"}, {"year", 2025}});
  for (auto _ : state) benchmark::DoNotOptimize(hoso::canonical_dump(j));
}
BENCHMARK(BM_CanonicalDump)->Unit(benchmark::kMicrosecond);

}  // namespace
