#pragma once
// Shared by the store tests: a fresh temporary directory per test, and raw file access that
// bypasses the store (to break files, simulate crashes and compare bytes).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "store/record_store.hpp"

namespace hoso::store::testing {

namespace fs = std::filesystem;
using nlohmann::json;

// 2025-10-20T08:15:00Z; tests add seconds to it.
inline constexpr Millis kT0 = 1760948100000;

// A memory-backed folder when there is one: like MEMFS in the browser, and fsync costs nothing
// there, so the tests stay fast (on a disk each write waits for the device). The code path is
// the same either way; bench_store measures a real disk.
inline fs::path scratch_root() {
  std::error_code ec;
  if (fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0) return "/dev/shm";
  return fs::temp_directory_path();
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "hoso_store_" + std::string(info->test_suite_name()) + "_" + info->name();
    for (char& c : name) {
      if (c == '/') c = '_';  // parameterised tests are named "Suite/Test/0"
    }
    dir_ = scratch_root() / (name + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  fs::path path(const std::string& rel) const { return dir_ / rel; }
  bool exists(const std::string& rel) const { return fs::exists(path(rel)); }

  std::string read_raw(const std::string& rel) const {
    std::ifstream in(path(rel), std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  void write_raw(const std::string& rel, const std::string& bytes) const {
    fs::create_directories(path(rel).parent_path());
    std::ofstream(path(rel), std::ios::binary | std::ios::trunc) << bytes;
  }
  json read_json(const std::string& rel) const { return json::parse(read_raw(rel)); }

  // Every regular file under the directory with its bytes: "nothing changed" is this, unchanged.
  std::map<std::string, std::string> snapshot() const {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir_)) {
      if (e.is_regular_file()) {
        const std::string rel = e.path().lexically_relative(dir_).generic_string();
        files[rel] = read_raw(rel);
      }
    }
    return files;
  }

  fs::path dir_;
};

// A dossier-like object: nested, with Vietnamese text.
inline json sample(int n) {
  std::string id = "d";  // not "d" + to_string(n): g++ 12 -O2 warns falsely (-Wrestrict) on that
  id += std::to_string(n);
  return json{{"id", id},
              {"nominee", {{"full_name", "Trần Thị Bình"}, {"unit", "Phòng Hợp tác quốc tế"}}},
              {"criteria", json::array({{{"id", "gk_cn_1"}, {"evidence", "Hoàn thành xuất sắc"}}})},
              {"revision", n}};
}

}  // namespace hoso::store::testing
