// scenario_loader.hpp — turns scenario files and command-line `--set`s into one typed, validated
// model::Scenario, reporting every problem at once; prints the canonical resolved scenario and
// the key table. Format and rules: docs/SCENARIO_FORMAT.md.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "io/diagnostics.hpp"
#include "io/key_registry.hpp"
#include "model/scenario.hpp"

namespace metrosim::io {

struct LoadedScenario {
  model::Scenario scenario;        ///< fully resolved
  std::string source;              ///< top INI path as given, or "<built-in default>"
  std::vector<std::string> files;  ///< the INI files read, base chain first
  /// Plain key -> (file, line) of the value that won; keys left at their default are absent.
  std::map<std::string, std::pair<std::string, int>> origin;
};

/// Precedence: registry defaults < base chain (deepest first) < file < sets (in order).
/// `file` empty => defaults only. `sets` are "section.key=value" or "section.key@ZONE=value"
/// (the CLI turns --seed N / --steps N into run.seed=N / run.steps=N and appends them last).
/// Throws InputError with ALL problems found (file "--set", line = 1-based index of the --set).
/// Zone overrides come out unique per (key, zone), sorted, with the full key name
/// ("housing.natural_vacancy") and the origin of the value that won.
LoadedScenario load_scenario(const std::string& file, const std::vector<std::string>& sets);

/// Canonical resolved scenario: every registered key including defaults, sections and keys
/// sorted, doubles shortest round-trip (std::to_chars), then zone overrides `key@CODE = value`
/// sorted within their section; a non-empty region.dir printed as an absolute path (an empty
/// one means the built-in default and stays empty). Loading it back gives an identical Scenario.
std::string canonical_ini(const model::Scenario& s);

/// Markdown table of the registry:
/// key | type | unit | default | range/allowed | per-zone | shocks | source | description
/// ("shocks": whether the shocks calendar may target the key).
std::string keys_markdown();
/// What constrains a key's value, from its source text: "constrained by data", "assumption
/// (swept)", "policy lever", "run control", "output control", "numerical setting", "scenario
/// choice" or "design choice"; "" when the source is empty or an unswept assumption (refused by
/// a test: every parameter is either constrained or swept).
std::string key_status(const KeySpec& k);

/// Unknown codes in s.zone_overrides become "file:line: key@CODE: unknown zone code 'X'; did
/// you mean 'Y'?"; throws InputError if there is any.
void validate_zone_overrides(const model::Scenario& s, const std::vector<std::string>& zone_codes,
                             const std::vector<std::string>& agency_codes = {});

}  // namespace metrosim::io
