#include "core/json_in.hpp"

#include <limits>

#include "core/text.hpp"

namespace hoso::json_in {

std::string member_path(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  std::string p(parent);
  p += '.';
  p += key;
  return p;
}

std::string index_path(std::string_view parent, std::size_t i) {
  return std::string(parent) + "[" + std::to_string(i) + "]";
}

std::string in_quotes(std::string_view s) { return "\u201C" + std::string(s) + "\u201D"; }

Bilingual msg_missing(std::string_view key) {
  return {"Thiếu mục bắt buộc " + in_quotes(key) + ".",
          "The required member " + in_quotes(key) + " is missing."};
}

Bilingual msg_type(std::string_view expected_vi, std::string_view expected_en) {
  return {"Phải là " + std::string(expected_vi) + ".", "Must be " + std::string(expected_en) + "."};
}

Bilingual msg_invalid_value(std::string_view value, std::string_view allowed) {
  return {"Giá trị " + in_quotes(value) + " không hợp lệ; dùng một trong: " + std::string(allowed) + ".",
          "Invalid value " + in_quotes(value) + "; use one of: " + std::string(allowed) + "."};
}

Bilingual msg_duplicate_id(std::string_view id) {
  return {"Mã " + in_quotes(id) + " bị trùng.", "The id " + in_quotes(id) + " is used twice."};
}

bool Reader::fail(std::string path, Bilingual what) {
  if (!error_) error_ = DataError{file_, std::move(path), std::move(what)};
  return false;
}

bool Reader::expect_object(const json& j, std::string_view path) {
  if (j.is_object()) return true;
  return fail(std::string(path), msg_type("một đối tượng JSON", "a JSON object"));
}

bool Reader::expect_array(const json& j, std::string_view path) {
  if (j.is_array()) return true;
  return fail(std::string(path), msg_type("một mảng JSON", "a JSON array"));
}

const json* Reader::member(const json& obj, std::string_view path, std::string_view key,
                           bool required) {
  if (!ok() || !obj.is_object()) return nullptr;
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) fail(member_path(path, key), msg_missing(key));
    return nullptr;
  }
  return &*it;
}

bool Reader::string_value(const json& v, std::string_view path, std::string& out) {
  if (!ok()) return false;
  if (!v.is_string()) return fail(std::string(path), msg_type("chuỗi ký tự", "a string"));
  out = text::nfc(v.get_ref<const std::string&>());
  return true;
}

bool Reader::str(const json& obj, std::string_view path, std::string_view key, std::string& out,
                 bool required) {
  const json* v = member(obj, path, key, required);
  if (!v) return ok();
  return string_value(*v, member_path(path, key), out);
}

bool Reader::int64(const json& obj, std::string_view path, std::string_view key, int64_t& out,
                   bool required) {
  const json* v = member(obj, path, key, required);
  if (!v) return ok();
  if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
    return fail(member_path(path, key), {"Số quá lớn.", "The number is too large."});
  if (v->is_number_integer()) {
    out = v->get<int64_t>();
    return true;
  }
  // 3.0 is a whole number too (some tools write integers that way), 3.5 is not.
  if (v->is_number_float()) {
    double d = v->get<double>();
    if (d == static_cast<double>(static_cast<int64_t>(d)) && d > -9.2e18 && d < 9.2e18) {
      out = static_cast<int64_t>(d);
      return true;
    }
  }
  return fail(member_path(path, key), msg_type("một số nguyên", "a whole number"));
}

bool Reader::integer(const json& obj, std::string_view path, std::string_view key, int& out,
                     bool required) {
  int64_t v = out;
  if (!int64(obj, path, key, v, required)) return false;
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
    return fail(member_path(path, key), {"Số quá lớn.", "The number is too large."});
  out = static_cast<int>(v);
  return true;
}

bool Reader::opt_integer(const json& obj, std::string_view path, std::string_view key,
                         std::optional<int>& out) {
  if (!member(obj, path, key, false)) {
    if (ok()) out.reset();
    return ok();
  }
  int v = 0;
  if (!integer(obj, path, key, v)) return false;
  out = v;
  return true;
}

bool Reader::number(const json& obj, std::string_view path, std::string_view key, double& out,
                    bool required) {
  const json* v = member(obj, path, key, required);
  if (!v) return ok();
  if (!v->is_number()) return fail(member_path(path, key), msg_type("một số", "a number"));
  out = v->get<double>();
  return true;
}

bool Reader::opt_number(const json& obj, std::string_view path, std::string_view key,
                        std::optional<double>& out) {
  if (!member(obj, path, key, false)) {
    if (ok()) out.reset();
    return ok();
  }
  double v = 0;
  if (!number(obj, path, key, v)) return false;
  out = v;
  return true;
}

bool Reader::boolean(const json& obj, std::string_view path, std::string_view key, bool& out,
                     bool required) {
  const json* v = member(obj, path, key, required);
  if (!v) return ok();
  if (!v->is_boolean())
    return fail(member_path(path, key), msg_type("true hoặc false", "true or false"));
  out = v->get<bool>();
  return true;
}

bool Reader::date(const json& obj, std::string_view path, std::string_view key, Date& out,
                  bool required) {
  std::string s;
  if (!str(obj, path, key, s, required)) return false;
  if (s.empty() && !member(obj, path, key, false)) return ok();
  auto d = parse_iso_date(s);
  if (!d)
    return fail(member_path(path, key),
                {"Không phải ngày hợp lệ dạng YYYY-MM-DD: " + in_quotes(s) + ".",
                 "Not a valid date of the form YYYY-MM-DD: " + in_quotes(s) + "."});
  out = *d;
  return true;
}

bool Reader::instant(const json& obj, std::string_view path, std::string_view key, Millis& out,
                     bool required) {
  std::string s;
  if (!str(obj, path, key, s, required)) return false;
  if (s.empty() && !member(obj, path, key, false)) return ok();
  auto t = parse_iso_instant(s);
  if (!t)
    return fail(member_path(path, key),
                {"Không phải thời điểm hợp lệ dạng ISO 8601: " + in_quotes(s) + ".",
                 "Not a valid ISO 8601 instant: " + in_quotes(s) + "."});
  out = *t;
  return true;
}

bool Reader::bilingual(const json& obj, std::string_view path, std::string_view stem,
                       Bilingual& out, bool required) {
  std::string vi_key = std::string(stem) + "_vi", en_key = std::string(stem) + "_en";
  if (!str(obj, path, vi_key, out.vi, required) || !str(obj, path, en_key, out.en, required))
    return false;
  if (required && text::trim(out.vi).empty())
    return fail(member_path(path, vi_key), {"Không được để trống.", "Must not be empty."});
  if (required && text::trim(out.en).empty())
    return fail(member_path(path, en_key), {"Không được để trống.", "Must not be empty."});
  return true;
}

bool Reader::format(const json& obj, std::string_view expected_format, int expected_version) {
  if (!expect_object(obj, "")) return false;
  std::string fmt;
  if (!str(obj, "", "format", fmt)) return false;
  if (fmt != expected_format)
    return fail("format", {"Tệp không phải loại " + in_quotes(expected_format) + " (ghi " +
                               in_quotes(fmt) + ").",
                           "The file is not of kind " + in_quotes(expected_format) + " (it says " +
                               in_quotes(fmt) + ")."});
  int version = 0;
  if (!integer(obj, "", "format_version", version)) return false;
  if (version != expected_version)
    return fail("format_version",
                {"Phiên bản định dạng " + std::to_string(version) +
                     " không được hỗ trợ; ứng dụng này đọc phiên bản " +
                     std::to_string(expected_version) + ".",
                 "Format version " + std::to_string(version) +
                     " is not supported; this app reads version " +
                     std::to_string(expected_version) + "."});
  return true;
}

}  // namespace hoso::json_in
