// File helpers for the store: limits on reads, flushed writes, moving aside, scanning.
#include "store/store_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <memory>

namespace hoso::store {

namespace fs = std::filesystem;

bool is_store_folder(std::string_view name) {
  return name == "blobs" || name == "trash" || name == "quarantine" || name == "restore";
}

std::string relative_name(const fs::path& root, const fs::path& file) {
  return file.lexically_relative(root).generic_string();
}

Error io_error(std::string file, std::string_view doing_vi, std::string_view doing_en,
               const std::error_code& ec) {
  const std::string why = ec ? ec.message() : std::string("?");
  return make_error(ErrorKind::io, std::move(file),
                    "Lỗi hệ thống tệp khi " + std::string(doing_vi) + ": " + why + ".",
                    "File system error while " + std::string(doing_en) + ": " + why + ".");
}

Result<std::string> read_file(const fs::path& path, const std::string& shown, std::uintmax_t limit) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) {
    if (ec && ec != std::errc::no_such_file_or_directory) {
      return io_error(shown, "đọc tệp", "reading the file", ec);
    }
    return make_error(ErrorKind::not_found, shown, "Không tìm thấy tệp.", "No such file.");
  }
  if (!fs::is_regular_file(status)) {
    return make_error(ErrorKind::io, shown, "Ở đây là một thư mục hoặc thứ khác, không phải tệp.",
                      "A folder or something else is here, not a file.");
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return io_error(shown, "đọc tệp", "reading the file", ec);
  if (size > limit) {
    const std::string mb = std::to_string(limit >> 20);
    return make_error(ErrorKind::damaged, shown,
                      "Tệp lớn hơn giới hạn " + mb + " MB (" + std::to_string(size) + " byte).",
                      "The file is larger than the " + mb + " MB limit (" + std::to_string(size) +
                          " bytes).");
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    return io_error(shown, "mở tệp", "opening the file", std::error_code(errno, std::generic_category()));
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  const std::size_t got = std::fread(bytes.data(), 1, bytes.size(), f.get());
  if (std::ferror(f.get())) {
    return io_error(shown, "đọc tệp", "reading the file", std::make_error_code(std::errc::io_error));
  }
  bytes.resize(got);  // the file may have shrunk since its size was read
  return bytes;
}

Completed write_file_synced(const fs::path& path, std::string_view bytes, const std::string& shown) {
  // POSIX calls rather than streams: ofstream cannot fsync, and a flushed stream buffer is not
  // yet on the device. On MEMFS (the browser) fsync is a no-op; the platform's syncfs persists.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return io_error(shown, "tạo tệp", "creating the file", std::error_code(errno, std::generic_category()));
  }
  int err = 0;
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      err = n < 0 ? errno : ENOSPC;
      break;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err != 0) {
    std::error_code ignored;
    fs::remove(path, ignored);  // an incomplete temp is of no use to anyone
    return io_error(shown, "ghi tệp", "writing the file", std::error_code(err, std::generic_category()));
  }
  return Done{};
}

std::string file_stamp(Millis t) {
  constexpr Millis kDay = 86'400'000;
  Millis days = t / kDay, ms = t % kDay;
  if (ms < 0) {
    ms += kDay;
    days -= 1;
  }
  const Date d = civil_from_days(days);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02d%03dZ", d.year, d.month, d.day,
                static_cast<int>(ms / 3'600'000), static_cast<int>(ms / 60'000 % 60),
                static_cast<int>(ms / 1000 % 60), static_cast<int>(ms % 1000));
  return buf;
}

Result<std::string> move_aside(const fs::path& root, const fs::path& file, const std::string& destination,
                               Millis now) {
  const std::string shown = relative_name(root, file);
  std::string rel = destination + "." + file_stamp(now);
  std::error_code ec;
  // Two moves of one name within a millisecond (or a clock that went back) must not overwrite.
  for (int n = 1; fs::exists(fs::symlink_status(root / rel, ec)); ++n) {
    rel = destination + "." + file_stamp(now) + "." + std::to_string(n);
  }
  const fs::path to = root / rel;
  fs::create_directories(to.parent_path(), ec);
  if (ec) return io_error(shown, "tạo thư mục " + rel, "creating the folder for " + rel, ec);
  fs::rename(file, to, ec);
  if (ec) return io_error(shown, "chuyển tệp sang " + rel, "moving the file to " + rel, ec);
  return rel;
}

Result<nlohmann::json> parse_json_text(std::string_view text, const std::string& shown,
                                       const ParseLimits& limits) {
  ParseResult parsed = parse_untrusted_json(text, limits);
  if (parsed.ok()) return std::move(parsed.value);
  const JsonError& e = *parsed.error;
  // Text-level problems are placed by byte offset, already named in the message; others by path.
  const bool offset = e.json_path_or_offset.starts_with("byte ");
  return make_error(ErrorKind::damaged, shown, e.message_vi, e.message_en,
                    offset ? std::string() : e.json_path_or_offset);
}

ParseLimits record_limits() {
  ParseLimits limits;
  limits.max_bytes = kMaxRecordBytes;
  limits.max_depth = kMaxRecordDepth;
  limits.max_string_bytes = kMaxRecordBytes;
  return limits;
}

Result<RecordScan> scan_records(const fs::path& root) {
  RecordScan out;
  std::error_code ec;
  if (!fs::exists(root, ec)) return out;  // nothing saved yet
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& path = it->path();
    const std::string rel = relative_name(root, path);
    std::error_code status_ec;
    const auto status = it->symlink_status(status_ec);
    if (fs::is_directory(status)) {
      const bool own = it.depth() == 0 && is_store_folder(rel);
      // A record name has at most kMaxNameSegments segments: deeper folders cannot hold one.
      if (own || it.depth() >= kMaxNameSegments - 1) {
        it.disable_recursion_pending();
        if (!own) out.ignored.push_back(rel + "/");
      }
      continue;
    }
    if (!fs::is_regular_file(status)) {
      out.ignored.push_back(rel);  // symbolic links, devices, sockets: not ours
      continue;
    }
    const auto base_of = [&](std::string_view suffix) -> std::string {
      if (!rel.ends_with(suffix)) return {};
      std::string base = rel.substr(0, rel.size() - suffix.size());
      return is_valid_record_name(base) ? base : std::string();
    };
    if (std::string base = base_of(kTempSuffix); !base.empty()) {
      out.groups[base].temp = true;
    } else if (std::string prev = base_of(kPreviousSuffix); !prev.empty()) {
      out.groups[prev].previous = true;
    } else if (is_valid_record_name(rel)) {
      out.groups[rel].current = true;
    } else {
      out.ignored.push_back(rel);
    }
  }
  if (ec) return io_error(relative_name(root, root), "đọc thư mục", "reading the folder", ec);
  return out;
}

}  // namespace hoso::store
