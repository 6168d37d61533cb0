#pragma once
// The screens' names for the interface catalogues (app/strings.hpp): tr(), trf().
#include "app/strings.hpp"

namespace hoso::ui {

using app::add_catalogues;
using app::language;
using app::load_catalogues;
using app::set_language;
using app::tr;
using app::trf;

}  // namespace hoso::ui
