// The full edition (edition.hpp): the secretariat's tools, and its strings. The unit's edition
// defines the same functions in src/main/edition_unit.cpp; the build links one or the other.
#include "app/edition.hpp"
#include "app/secretariat_session.hpp"
#include "app/session.hpp"
#include "app/strings.hpp"
#include "core/assets.hpp"
#include "store/record_readers.hpp"
#include "store/registry_store.hpp"

namespace hoso::app {

bool has_secretariat_tools() { return true; }
void load_edition_strings() {
  add_catalogues(secretariat_strings::find("vi.json"), secretariat_strings::find("en.json"));
  // A backup's register records are checked before a restore (store/record_readers.hpp).
  store::set_registry_record_check(store::registry_record_problem);
}
bool flush_secretariat(Secretariat& sec) {
  sec.flush();
  return !sec.dirty();
}
void reload_secretariat(Secretariat& sec) { sec.load(); }
void destroy_secretariat(Secretariat* sec) { delete sec; }
nlohmann::json secretariat_snapshot(Session& s) { return s.secretariat().snapshot(); }
void secretariat_receive(Session& s, std::string_view name, std::string_view bytes, int index, int count) {
  s.secretariat().receive(name, bytes, index, count);
}

Secretariat& Session::secretariat() {
  if (!secretariat_) {
    secretariat_.reset(new Secretariat(*this));
    secretariat_->load();
  }
  return *secretariat_;
}

}  // namespace hoso::app
