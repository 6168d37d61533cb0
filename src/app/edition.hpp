#pragma once
// hoso ships as two editions built from the same sources: the unit's, which is what most people
// use and the smaller download, and the full one, which adds the secretariat's tools (intake of
// packages, the register, council meetings). Choosing the secretariat role in the unit's edition
// saves everything and reloads into the full one (Platform::use_edition).
//
// These functions are the one seam between the two: app/edition_full.cpp defines them in the full
// edition, main/edition_unit.cpp in the unit's (with the secretariat screens' stand-ins); the build
// links one or the other. Nothing else in the app names the Secretariat.
#include <memory>
#include <string_view>

#include <nlohmann/json.hpp>

namespace hoso::app {

class Session;
class Secretariat;

// Whether this edition has the secretariat's tools.
bool has_secretariat_tools();
// Adds this edition's own interface strings to the catalogues (after ui::load_catalogues), and
// what else the edition brings at start: the full edition's check of the register's records.
void load_edition_strings();
// Writes the register; true when nothing of it is left unwritten.
bool flush_secretariat(Secretariat& sec);
void reload_secretariat(Secretariat& sec);
// The Session's owner of its Secretariat deletes it here, where the type is complete.
void destroy_secretariat(Secretariat* sec);
// For hoso.state(): the register's snapshot (null in the unit's edition).
nlohmann::json secretariat_snapshot(Session& s);
// A submission package for the secretariat's intake (the full edition only).
void secretariat_receive(Session& s, std::string_view name, std::string_view bytes, int index, int count);

}  // namespace hoso::app
