#pragma once
// The unit's side of a return note (the secretariat sends one back with a dossier it returns).
#include <string_view>

namespace hoso::app {

class Session;

// Opens the picker for a return note (FilePurpose::return_note).
void choose_return_note_file(Session& s);
// A return note picked or dropped: read, applied to its dossier (back to draft, the reason kept
// and shown on the dossier), saved; the dossier opens at its status. Between frames.
void on_return_note_file(Session& s, std::string_view name, std::string_view bytes);
// Whether dropped bytes are a return note (its format's name, in quotes, anywhere).
bool looks_like_return_note(std::string_view bytes);

}  // namespace hoso::app
