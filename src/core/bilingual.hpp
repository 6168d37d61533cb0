#pragma once
// Text the user sees exists in Vietnamese (first) and English. Errors from outside data carry the
// file, the JSON path and what is wrong, in both languages.
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace hoso {

enum class Language { vi, en };

// One piece of text in both interface languages.
struct Bilingual {
  std::string vi;
  std::string en;
  const std::string& in(Language lang) const { return lang == Language::en ? en : vi; }
  bool operator==(const Bilingual&) const = default;
};

// Why outside data (a campaign file, a template, a saved workspace, an edit) was refused.
struct DataError {
  std::string file;  // the file name as the user knows it; empty when there is none
  std::string path;  // JSON path inside it, dotted: "award_forms[0].kinds.collective.quota"
  Bilingual what;    // what is wrong, as a sentence
  // "32-KH-SNgV.json, award_forms[0].id: Thiếu mã." — file and path only when known.
  std::string describe(Language lang) const;
  bool operator==(const DataError&) const = default;
};

// A value or the reason there is none (an error of type E), like C++23's std::expected. Functions
// that take outside data return one and never throw to the caller: the core's Outcome below, the
// store's Result (store/result.hpp) with an error kind the app acts on.
template <class T, class E>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}  // NOLINT: implicit on purpose, like std::expected
  Expected(E error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const E& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, E> v_;
};

template <class T>
using Outcome = Expected<T, DataError>;

// For functions that succeed with nothing to return.
struct Done {
  bool operator==(const Done&) const = default;
};

}  // namespace hoso
