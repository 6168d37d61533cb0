#pragma once
// The screens' name for the interface catalogues (app/strings.hpp): tr("key"), trf(...).
#include "app/strings.hpp"

namespace hoso::ui {

using app::add_catalogues;
using app::language;
using app::load_catalogues;
using app::set_language;
using app::tr;
using app::trf;

}  // namespace hoso::ui
