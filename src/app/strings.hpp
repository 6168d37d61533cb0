#pragma once
// Every string the interface shows lives in one catalogue per language: assets/i18n/vi.json and
// en.json, compiled in. tr("dashboard.title") gives the text in the current language.
#include <optional>
#include <string>
#include <string_view>

#include "app/message.hpp"
#include "core/bilingual.hpp"

namespace hoso::app {

void load_catalogues();  // once, at start
void set_language(Language lang);
Language language();

// The text for `key`, or the key itself when a catalogue lacks it (a test checks none does).
// More strings (JSON objects of key: text), for screens that bring their own: the full edition's.
void add_catalogues(std::optional<std::string_view> vi, std::optional<std::string_view> en);
const char* tr(std::string_view key);
// Domain text that exists in both languages (campaign data, findings).
inline const std::string& tr(const Bilingual& text) { return text.in(language()); }
// tr(key) with "{}" replaced by the arguments in order: trf("list.count", 12) -> "12 hồ sơ".
std::string trf(std::string_view key, std::initializer_list<std::string_view> args);
std::string trf(std::string_view key, long long n);
// The text for `key` in both languages, for messages that outlive the current language (errors).
Bilingual both(std::string_view key);
// A message in the current language, its lines joined by line breaks.
std::string say(const Message& m);

}  // namespace hoso::app
