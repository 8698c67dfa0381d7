// shocks_reader.hpp — reads the shocks and regulations calendar (the region's shocks.csv and a
// scenario's shocks.extra) strictly: every entry's target is checked against the key registry
// (known, shockable, per-zone where it names zones), its value against the key's type and range
// over the run's months, its dates and zone patterns against the run and the region. Entries come
// out bound to their key's getter and setter. Format: docs/SCENARIO_FORMAT.md ("Shocks calendar").
#pragma once
#include <map>
#include <string>
#include <vector>

#include "io/scenario_loader.hpp"
#include "model/shock.hpp"

namespace metrosim::io {

/// The calendar's enabled entries in application order (shocks.file inside `region_dir`, then
/// shocks.extra; each in file order), without those listed in shocks.disable. Records the
/// SHA-256 of each file read in `sha256` (the region file under its name, the extra file under
/// its absolute path). Throws InputError with every problem, each as `file:line: column: ...`
/// (shocks.disable problems at the line that set it).
std::vector<model::Shock> read_shocks(const LoadedScenario& loaded, const std::string& region_dir,
                                      const std::vector<std::string>& zone_codes,
                                      std::map<std::string, std::string>& sha256);

/// One line per key that the scenario sets away from its default (in a file or by --set) while
/// a `set` entry replaces it in some month of the run: the entry wins in its window, which a
/// what-if on that key rarely intends. Per-zone overrides are not compared.
std::vector<std::string> shock_warnings(const LoadedScenario& loaded,
                                        const std::vector<model::Shock>& entries);

/// Binds an entry built in code to its key `e.key`: getter, setter and per_zone_key from the
/// registry. Throws std::invalid_argument when the key is unknown or not shockable (files go
/// through read_shocks, which reports these as input errors).
void bind_shock(model::Shock& e);

/// The applied calendar as CSV text (header id,start,end,target,zones,op,value,source,origin),
/// one row per entry; the output stores it as the root attribute `shocks`.
std::string format_shocks_csv(const std::vector<model::Shock>& entries);

}  // namespace metrosim::io
