#include "app/strings.hpp"

#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/assets.hpp"

namespace hoso::app {
namespace {

using Catalogue = std::unordered_map<std::string, std::string>;
Catalogue catalogues[2];
Language current = Language::vi;

void load(Catalogue& into, std::optional<std::string_view> bytes) {
  if (!bytes) return;
  auto j = nlohmann::json::parse(bytes->begin(), bytes->end(), nullptr, false);
  if (!j.is_object()) return;
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.value().is_string()) into[it.key()] = it.value().get<std::string>();
}

}  // namespace

void load_catalogues() {
  load(catalogues[0], assets::find("i18n/vi.json"));
  load(catalogues[1], assets::find("i18n/en.json"));
}
void add_catalogues(std::optional<std::string_view> vi, std::optional<std::string_view> en) {
  load(catalogues[0], vi);
  load(catalogues[1], en);
}
void set_language(Language lang) { current = lang; }
Language language() { return current; }

const char* tr(std::string_view key) {
  thread_local std::string lookup;
  lookup.assign(key);
  const Catalogue& c = catalogues[current == Language::en ? 1 : 0];
  if (auto it = c.find(lookup); it != c.end()) return it->second.c_str();
  const Catalogue& vi = catalogues[0];
  if (auto it = vi.find(lookup); it != vi.end()) return it->second.c_str();
  // Keep the key alive: callers hold the pointer for the frame.
  static std::unordered_map<std::string, std::string> missing;
  return missing.try_emplace(lookup, lookup).first->second.c_str();
}

namespace {
// `pattern` with each "{}" replaced by the next argument.
template <class Args, class Text>
std::string fill(std::string_view pattern, const Args& args, Text text) {
  std::string out;
  auto arg = args.begin();
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' && arg != args.end()) {
      out += text(*arg++);
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}
}  // namespace

std::string trf(std::string_view key, std::initializer_list<std::string_view> args) {
  return fill(tr(key), args, [](std::string_view a) { return a; });
}

std::string say(const Message& m) {
  std::string out;
  for (const Message::Line& line : m.lines) {
    if (!out.empty()) out += '\n';
    if (line.key.empty()) out += line.text.in(current);
    else out += fill(tr(line.key), line.args, [](const Bilingual& a) -> const std::string& { return a.in(current); });
  }
  return out;
}

Bilingual both(std::string_view key) {
  const std::string k(key);
  auto in = [&](const Catalogue& c) {
    auto it = c.find(k);
    return it != c.end() ? it->second : k;
  };
  return Bilingual{in(catalogues[0]), in(catalogues[1])};
}

std::string trf(std::string_view key, long long n) {
  std::string s = std::to_string(n);
  return trf(key, {s});
}

}  // namespace hoso::app
