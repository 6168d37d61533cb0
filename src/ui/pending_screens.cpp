// Screens still being built (see the open issues). Each says so plainly instead of failing.
#include "app/session.hpp"
#include "ui/screens.hpp"
#include "ui/strings.hpp"
#include "ui/widgets.hpp"

namespace hoso::ui {

}  // namespace hoso::ui
