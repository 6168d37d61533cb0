#pragma once
// Realistic made-up dossiers for tests, benchmarks and the app's developer hook. Deterministic: the
// same seed gives the same data on every platform (its own generator, no std:: distributions).
// Every generated dossier passes validation; only quota warnings appear when many seek one form.
#include <cstdint>

#include "core/campaign.hpp"
#include "core/workspace.hpp"

namespace hoso {

class Library;

struct SyntheticOptions {
  int dossiers = 10;
  uint64_t seed = 1;
  Millis now = 1759300000000;  // 2025-10-01T06:26:40Z, inside the campaign
  double collective_share = 0.1;  // the rest are individuals
};

// A unit workspace with `dossiers` valid dossiers (distinct nominees), all in draft, and one
// minutes that votes on each with enough votes.
Workspace generate_workspace(const Library& lib, const Campaign& c, const SyntheticOptions& opts);

}  // namespace hoso
