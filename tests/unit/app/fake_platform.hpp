#pragma once
// A Platform for the app's native tests: a clock the test moves, a fresh storage directory per
// test (the store writes real files there), the files the app offers for download, the pickers it
// opens, and a storage state the test sets (read_only: another tab owns the workspace).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "app/platform.hpp"

namespace hoso::app::testing {

namespace fs = std::filesystem;

// 2025-10-01T06:26:40Z, inside the campaign (core/synthetic.hpp's default).
inline constexpr Millis kT0 = 1759300000000;

struct DownloadedFile {
  std::string name, mime, bytes;
};

class FakePlatform : public Platform {
 public:
  explicit FakePlatform(fs::path dir) : dir_(std::move(dir)) {}

  Millis clock = kT0;
  StorageStatus status;
  std::vector<DownloadedFile> downloads, opened;
  std::vector<FilePurpose> picks;
  int saves_soon = 0, saves_now = 0;

  Millis now() override { return clock; }
  int utc_offset_minutes() override { return 7 * 60; }
  std::array<uint8_t, 16> random16() override {
    std::array<uint8_t, 16> r{};
    ++counter_;
    for (size_t i = 0; i < r.size(); ++i) r[i] = static_cast<uint8_t>((counter_ >> (8 * (i % 8))) + i * 37);
    return r;
  }
  void request_frame() override {}
  void wake_after(int) override {}
  std::string data_dir() override { return dir_.string(); }
  void save_soon() override { ++saves_soon; }
  void save_now() override { ++saves_now; }
  const StorageStatus& storage() const override { return status; }
  void take_over() override { status.state = SaveState::saved; }
  void download(std::string_view file_name, std::string_view mime, std::string_view bytes) override {
    downloads.push_back({std::string(file_name), std::string(mime), std::string(bytes)});
  }
  bool can_share_files() override { return false; }
  void share(std::string_view file_name, std::string_view mime, std::string_view bytes) override {
    download(file_name, mime, bytes);
  }
  void pick_files(FilePurpose purpose, std::string_view, bool) override { picks.push_back(purpose); }
  void open_file(std::string_view file_name, std::string_view mime, std::string_view bytes) override {
    opened.push_back({std::string(file_name), std::string(mime), std::string(bytes)});
  }
  void copy_text(std::string_view) override {}
  void reload() override {}
  std::string app_base_url() override { return "https://hoso.test/"; }
  bool use_edition(bool, bool) override { return true; }

 private:
  fs::path dir_;
  uint64_t counter_ = 0;
};

// A fresh directory per test, in memory when the machine has one (as the store tests do).
inline fs::path scratch_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = "hoso_app_" + std::string(info->test_suite_name()) + "_" + info->name();
  for (char& c : name)
    if (c == '/') c = '_';
  std::error_code ec;
  fs::path root = fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0 ? fs::path("/dev/shm")
                                                                                       : fs::temp_directory_path();
  fs::path dir = root / (name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir, ec);
  fs::create_directories(dir);
  return dir;
}

// Every file under `dir` with its bytes: what a change wrote, compared before and after.
inline std::map<std::string, std::string> files_under(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    out[fs::relative(e.path(), dir).string()] = std::string(std::istreambuf_iterator<char>(in), {});
  }
  return out;
}

}  // namespace hoso::app::testing
