#pragma once
// What the app tells the person (a toast), kept as catalogue keys with their arguments, or as text
// that came in both languages (an error from the core or the store). The UI puts it into words
// when it draws it (app/strings.hpp: say), so the app layer translates nothing and a toast
// follows a change of language.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/bilingual.hpp"

namespace hoso::app {

// A name, a number or a file name: the same in both languages.
Bilingual same(std::string_view s);
// "file, path: what is wrong", in each language: a DataError, or a store's error.
Bilingual described(const DataError& e);
template <class Error>  // a store's error
Bilingual described(const Error& e) {
  return described(e.detail);
}

struct Message {
  struct Line {
    std::string key;               // a catalogue key: each "{}" in its text takes the next argument
    std::vector<Bilingual> args;
    Bilingual text;                // when there is no key
    bool operator==(const Line&) const = default;
  };
  std::vector<Line> lines;  // shown one under another

  Message() = default;
  // Out of line (message.cpp), and arguments as string views: the unit's first visit has every
  // toast's call in it.
  // Arguments the same in both languages (names, numbers, file names).
  explicit Message(std::string_view key, std::initializer_list<std::string_view> args = {});
  // Arguments in both languages.
  Message(std::string_view key, std::initializer_list<Bilingual> args);
  // A key whose last "{}" says what went wrong (an error's description); `before` fills the ones
  // before it.
  template <class Error>
  static Message failed(std::string_view key, const Error& e, std::initializer_list<std::string_view> before = {}) {
    return failed_with(key, described(e), before);
  }
  static Message failed_with(std::string_view key, Bilingual what, std::initializer_list<std::string_view> before);
  static Message text(Bilingual t);
  template <class Error>
  static Message error(const Error& e) {
    return text(described(e));
  }
  // This message, then `more` on the lines below.
  Message& then(const Message& more);
  bool empty() const { return lines.empty(); }
  bool operator==(const Message&) const = default;
};

}  // namespace hoso::app
