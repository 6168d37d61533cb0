#pragma once
// The one-page summary of a campaign the secretariat publishes (printed beside the file, for the
// units and the file copy): the plan, the period and deadline in words, each award form with its
// quotas and criteria verbatim, the units, the council's rules, and the file's version and hash.
#include "core/campaign.hpp"
#include "core/documents/document.hpp"

namespace hoso::doc {

Document campaign_summary(const Campaign& c);

}  // namespace hoso::doc
