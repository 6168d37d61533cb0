#include "core/share.hpp"

#include <string>

namespace hoso {

Bilingual share_percent(int part, int total) {
  if (total <= 0) return {};
  if (part < 0) part = 0;
  // Tenths of a per cent, rounded half up: (1000 * part / total) + 1/2.
  const long long tenths = (2000LL * part + total) / (2LL * total);
  const std::string whole = std::to_string(tenths / 10);
  if (tenths % 10 == 0) return {whole + "%", whole + "%"};
  const std::string tenth = std::to_string(tenths % 10);
  return {whole + "," + tenth + "%", whole + "." + tenth + "%"};
}

}  // namespace hoso
