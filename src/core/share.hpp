#pragma once
// The one way a share of votes is written, on screens, in exports and in printed documents, so the
// minutes screen and the printed minutes say the same for the same vote (13 of 16: "81,3%").
#include "core/bilingual.hpp"

namespace hoso {

// `part` of `total` as a percentage to a tenth, rounded half up, in integer arithmetic (native and
// wasm agree): 13/16 -> {"81,3%", "81.3%"}, 7/9 -> "77,8%", 9/9 -> "100%" (no ",0"). Vietnamese
// writes a decimal comma, English a point. A negative part counts as 0; total <= 0 gives empty
// strings (there is no share: callers print a blank or a dash).
Bilingual share_percent(int part, int total);

}  // namespace hoso
