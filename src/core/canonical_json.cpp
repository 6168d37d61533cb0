// Canonical JSON and the careful parser. See canonical_json.hpp.
#include "core/canonical_json.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "core/text.hpp"

namespace hoso {
namespace {

using json = nlohmann::json;

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
  }
  out.append(s.substr(run));
  out += '"';
}

void append_scalar(std::string& out, const json& v) {
  switch (v.type()) {
    case json::value_t::string:
      append_json_string(out, text::nfc(v.get_ref<const std::string&>()));
      break;
    case json::value_t::number_integer:
      out += std::to_string(v.get<json::number_integer_t>());
      break;
    case json::value_t::number_unsigned:
      out += std::to_string(v.get<json::number_unsigned_t>());
      break;
    case json::value_t::boolean:
      out += v.get<bool>() ? "true" : "false";
      break;
    case json::value_t::null:
      out += "null";
      break;
    default:  // number_float, binary, discarded: as nlohmann writes them
      out += v.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

// Path steps in the style of core/paths.hpp.
std::string key_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}
std::string index_path(const std::string& parent, std::size_t i) {
  return parent + "[" + std::to_string(i) + "]";
}

// A key as shown in a message: at most 80 bytes, cut on a character boundary.
std::string shown_key(std::string_view key) {
  if (key.size() <= 80) return text::nfc(key);
  std::size_t n = 77;
  while (n > 0 && (static_cast<unsigned char>(key[n]) & 0xC0) == 0x80) --n;
  return text::nfc(key.substr(0, n)) + "…";
}

JsonError byte_error(std::size_t offset, std::string vi, std::string en) {
  return {"byte " + std::to_string(offset), std::move(vi), std::move(en)};
}

// ---- the parser's DOM builder ------------------------------------------------------------------

class Builder {
 public:
  using string_t = json::string_t;

  explicit Builder(const ParseLimits& limits) : limits_(limits) {}

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool number_float(json::number_float_t v, const string_t&) { return put(json(v)); }
  bool binary(json::binary_t&) { return false; }  // never produced by a JSON text

  bool string(string_t& s) {
    if (s.size() > limits_.max_string_bytes) return too_long(value_path(), s.size(), false);
    return put(json(std::move(s)));
  }

  bool start_object(std::size_t) {
    std::string path = value_path();
    if (!put(json::object())) return false;
    frames_.push_back(Frame{current_, std::move(path), {}, 0, nullptr});
    return true;
  }
  bool start_array(std::size_t) {
    std::string path = value_path();
    if (!put(json::array())) return false;
    frames_.push_back(Frame{current_, std::move(path), {}, 0, nullptr});
    return true;
  }
  bool end_object() { return pop(); }
  bool end_array() { return pop(); }

  bool key(string_t& k) {
    Frame& f = frames_.back();
    if (k.size() > limits_.max_string_bytes) return too_long(key_path(f.path, shown_key(k)), k.size(), true);
    // Duplicates are keys equal after NFC. While every key so far is NFC the object itself is
    // the set of normalised keys; after that a separate set is kept.
    const bool is_nfc = text::is_nfc(k);
    const std::string normal = is_nfc ? std::string() : text::nfc(k);
    const std::string& nk = is_nfc ? k : normal;
    if (!f.nfc_keys && !is_nfc) {
      f.nfc_keys = std::make_unique<std::set<std::string>>();
      for (const auto& item : f.node->items()) f.nfc_keys->insert(item.key());
    }
    const bool duplicate = f.nfc_keys ? !f.nfc_keys->insert(nk).second : f.node->contains(nk);
    if (duplicate) {
      const std::string shown = shown_key(k);
      error_ = JsonError{key_path(f.path, shown),
                         "Khóa \"" + shown + "\" xuất hiện hai lần trong cùng một đối tượng.",
                         "Key \"" + shown + "\" appears twice in the same object."};
      return false;
    }
    f.key = k;
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    if (error_) return false;  // our own refusal came first
    std::string detail = ex.what();
    if (const auto close = detail.find("] "); detail.rfind("[json.exception", 0) == 0 && close != std::string::npos)
      detail.erase(0, close + 2);
    const std::size_t at = base_ + (position ? position - 1 : 0);
    error_ = byte_error(at, "JSON không hợp lệ ở byte " + std::to_string(at) + " (" + detail + ").",
                        "Invalid JSON at byte " + std::to_string(at) + " (" + detail + ").");
    return false;
  }

  void set_base(std::size_t base) { base_ = base; }
  json& root() { return root_; }
  std::optional<JsonError>& error() { return error_; }

 private:
  struct Frame {
    json* node;
    std::string path;
    std::string key;  // the member being read (objects)
    std::size_t index;  // the next element (arrays)
    std::unique_ptr<std::set<std::string>> nfc_keys;
  };

  std::string value_path() const {
    if (frames_.empty()) return {};
    const Frame& f = frames_.back();
    return f.node->is_array() ? index_path(f.path, f.index) : key_path(f.path, f.key);
  }

  bool put(json&& v) {
    if (frames_.empty()) {
      root_ = std::move(v);
      current_ = &root_;
      return true;
    }
    Frame& f = frames_.back();
    if (frames_.size() >= static_cast<std::size_t>(std::max(limits_.max_depth, 0)) && v.is_structured())
      return false;  // unreachable after the pre-scan; kept as a guard
    if (f.node->is_array()) {
      f.node->get_ref<json::array_t&>().push_back(std::move(v));
      current_ = &f.node->get_ref<json::array_t&>().back();
      ++f.index;
    } else {
      current_ = &(f.node->get_ref<json::object_t&>()[f.key] = std::move(v));
    }
    return true;
  }

  bool pop() {
    frames_.pop_back();
    return true;
  }

  bool too_long(std::string path, std::size_t size, bool is_key) {
    const std::string n = std::to_string(size), max = std::to_string(limits_.max_string_bytes);
    error_ = JsonError{std::move(path),
                       std::string(is_key ? "Khóa" : "Chuỗi") + " dài " + n + " byte, vượt giới hạn " + max + " byte.",
                       std::string(is_key ? "A key" : "A string") + " of " + n + " bytes is longer than the limit of " +
                           max + " bytes."};
    return false;
  }

  const ParseLimits& limits_;
  json root_;
  json* current_ = nullptr;
  std::vector<Frame> frames_;
  std::optional<JsonError> error_;
  std::size_t base_ = 0;
};

// Nesting depth, without recursion: the offset of the first bracket deeper than max_depth.
std::optional<std::size_t> too_deep(std::string_view s, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if (c == ']' || c == '}') {
      --depth;  // unbalanced input is the parser's to report
    }
  }
  return std::nullopt;
}

}  // namespace

std::string canonical_dump(const json& j) {
  std::string out;
  struct Member {
    std::string key;         // NFC
    const std::string* raw;  // to order keys that collide under NFC
    const json* value;
  };
  struct Frame {
    const json* node;
    std::vector<Member> members;  // objects, sorted
    std::size_t next = 0;
  };
  std::vector<Frame> stack;
  const auto open = [&](const json& v) {
    if (v.is_object()) {
      out += '{';
      Frame f{&v, {}, 0};
      f.members.reserve(v.size());
      for (const auto& [k, child] : v.get_ref<const json::object_t&>()) f.members.push_back({text::nfc(k), &k, &child});
      std::sort(f.members.begin(), f.members.end(), [](const Member& a, const Member& b) {
        return a.key != b.key ? a.key < b.key : *a.raw < *b.raw;
      });
      stack.push_back(std::move(f));
    } else if (v.is_array()) {
      out += '[';
      stack.push_back(Frame{&v, {}, 0});
    } else {
      append_scalar(out, v);
    }
  };
  open(j);
  while (!stack.empty()) {
    Frame& f = stack.back();
    const json* child = nullptr;
    if (f.node->is_object()) {
      if (f.next == f.members.size()) {
        out += '}';
        stack.pop_back();
        continue;
      }
      if (f.next) out += ',';
      const Member& m = f.members[f.next++];
      append_json_string(out, m.key);
      out += ':';
      child = m.value;
    } else {
      const auto& array = f.node->get_ref<const json::array_t&>();
      if (f.next == array.size()) {
        out += ']';
        stack.pop_back();
        continue;
      }
      if (f.next) out += ',';
      child = &array[f.next++];
    }
    open(*child);  // may grow the stack: f is not used after this
  }
  return out;
}

std::vector<JsonError> normalize_nfc_in_place(json& j) {
  std::vector<JsonError> errors;
  std::vector<std::pair<json*, std::string>> stack{{&j, std::string()}};
  while (!stack.empty()) {
    auto [node, path] = std::move(stack.back());
    stack.pop_back();
    if (node->is_string()) {
      auto& s = node->get_ref<std::string&>();
      if (!text::is_nfc(s)) s = text::nfc(s);
    } else if (node->is_array()) {
      auto& array = node->get_ref<json::array_t&>();
      for (std::size_t i = array.size(); i-- > 0;)
        if (array[i].is_structured() || array[i].is_string()) stack.emplace_back(&array[i], index_path(path, i));
    } else if (node->is_object()) {
      auto& object = node->get_ref<json::object_t&>();
      bool all_nfc = true;
      for (const auto& member : object) all_nfc = all_nfc && text::is_nfc(member.first);
      if (!all_nfc) {
        std::map<std::string, int> count;
        for (const auto& member : object) ++count[text::nfc(member.first)];
        json::object_t normal;
        for (auto& [k, v] : object) {
          std::string nk = text::nfc(k);
          if (count[nk] > 1) {
            if (nk != k) {
              const std::string shown = shown_key(k);
              errors.push_back({key_path(path, shown),
                                "Khóa \"" + shown + "\" trùng với một khóa khác của cùng đối tượng sau khi chuẩn hóa Unicode (NFC); giữ nguyên.",
                                "Key \"" + shown + "\" equals another key of the same object after Unicode normalisation (NFC); left unchanged."});
            }
            nk = k;
          }
          normal.emplace(std::move(nk), std::move(v));
        }
        object = std::move(normal);
      }
      for (auto& [k, v] : object)
        if (v.is_structured() || v.is_string()) stack.emplace_back(&v, key_path(path, k));
    }
  }
  return errors;
}

ParseResult parse_untrusted_json(std::string_view bytes, const ParseLimits& limits) {
  ParseResult result;
  const auto refuse = [&](JsonError e) {
    result.value = json();
    result.error = std::move(e);
    return std::move(result);
  };
  if (bytes.size() > limits.max_bytes) {
    const std::string n = std::to_string(bytes.size()), max = std::to_string(limits.max_bytes);
    return refuse(byte_error(limits.max_bytes, "Tệp quá lớn: " + n + " byte, tối đa " + max + " byte.",
                             "The file is too large: " + n + " bytes, at most " + max + " bytes."));
  }
  if (const std::size_t bad = text::first_invalid_utf8(bytes); bad != std::string_view::npos) {
    const std::string at = std::to_string(bad);
    return refuse(byte_error(bad, "Văn bản không phải UTF-8 hợp lệ ở byte " + at + ".",
                             "The text is not valid UTF-8 at byte " + at + "."));
  }
  std::size_t base = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") base = 3;  // a byte order mark
  const std::string_view body = bytes.substr(base);
  if (const auto deep = too_deep(body, limits.max_depth)) {
    const std::string at = std::to_string(base + *deep), max = std::to_string(limits.max_depth);
    return refuse(byte_error(base + *deep, "JSON lồng nhau quá sâu ở byte " + at + " (tối đa " + max + " cấp).",
                             "JSON nested too deeply at byte " + at + " (at most " + max + " levels)."));
  }
#if defined(__cpp_exceptions)
  try {
#endif
    // sax_parse with strict=true and exceptions off reports errors through the builder.
    Builder builder(limits);
    builder.set_base(base);
    const bool ok = json::sax_parse(body.begin(), body.end(), &builder, json::input_format_t::json, true, false);
    if (!ok || builder.error()) {
      if (!builder.error())
        builder.error() = byte_error(base, "JSON không hợp lệ.", "Invalid JSON.");
      return refuse(std::move(*builder.error()));
    }
    result.value = std::move(builder.root());
    return result;
#if defined(__cpp_exceptions)
  } catch (const std::exception& e) {  // out of memory, or a bug
    return refuse({"", std::string("Không đọc được JSON: ") + e.what(), std::string("Could not read the JSON: ") + e.what()});
  } catch (...) {
    return refuse({"", "Không đọc được JSON.", "Could not read the JSON."});
  }
#endif
}

}  // namespace hoso
