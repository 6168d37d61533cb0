#include "app/message.hpp"

namespace hoso::app {

Bilingual same(std::string_view s) { return Bilingual{std::string(s), std::string(s)}; }

Bilingual described(const DataError& e) { return Bilingual{e.describe(Language::vi), e.describe(Language::en)}; }

Message::Message(std::string_view key, std::initializer_list<std::string_view> args) {
  Line& line = lines.emplace_back(Line{std::string(key), {}, {}});
  for (std::string_view a : args) line.args.push_back(same(a));
}

Message::Message(std::string_view key, std::initializer_list<Bilingual> args) {
  lines.push_back(Line{std::string(key), std::vector<Bilingual>(args), {}});
}

Message Message::failed_with(std::string_view key, Bilingual what, std::initializer_list<std::string_view> before) {
  Message m(key, before);
  m.lines.back().args.push_back(std::move(what));
  return m;
}

Message Message::text(Bilingual t) {
  Message m;
  m.lines.push_back(Line{{}, {}, std::move(t)});
  return m;
}

Message& Message::then(const Message& more) {
  for (const Line& line : more.lines) lines.push_back(line);  // not insert(): smaller in the first visit
  return *this;
}

}  // namespace hoso::app
