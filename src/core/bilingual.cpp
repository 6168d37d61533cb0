#include "core/bilingual.hpp"

namespace hoso {

std::string DataError::describe(Language lang) const {
  std::string out = file;
  if (!path.empty()) {
    if (!out.empty()) out += ", ";
    out += path;
  }
  if (!out.empty()) out += ": ";
  return out + what.in(lang);
}

}  // namespace hoso
