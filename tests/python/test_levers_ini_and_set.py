"""Issue 3's and issue 4's levers work from an INI file and from --set: for each lever, a run with the value in
an INI file and a run with the same value on the command line write identical indicators, and
both differ from the baseline in the indicator the lever acts on first (same seed: common random
numbers, so any difference is the lever's)."""
import h5py
import numpy as np
import pytest

STEPS = 14
SCALE = 0.01

# (key, value, indicator that must move within STEPS months, group)
LEVERS = [
    ("tourism.tax_per_night", "6", "tourist_nights", "metro"),
    ("tourism.str_licence_cap", "0", "str_units_licensed", "metro"),
    ("tourism.enforcement", "0.3", "str_units_unlicensed", "metro"),
    ("tourism.dispersal", "1", "tourist_nights_hotel", "zones"),
    ("tourism.cruise_cap", "0", "cruise_passengers", "metro"),
    ("housing.rent_cap", "0", "renewals", "metro"),
    ("housing.social_units_per_year", "20000", "social_starts", "metro"),
    ("talent.retention_programme", "1", "talent_departures", "metro"),
    # issue 4 (kept to five: the suite runs under ctest's 300 s limit): a preset, a per-agency
    # override, politics, a per-zone brand lever and incentives
    ("governance.mode", "metropolitan", "agency_overhead", "metro"),
    ("agencies.budget_scale@BCN", "2", "agency_budget", "metro"),
    ("politics.institutionalisation", "1", "agency_budget", "metro"),
    ("brand.sharing@08101", "1", "brand_visibility", "zones"),
    ("investment.incentive_per_job", "1000", "incentive_offer_mean", "metro"),
    ("investment.acceptance_base", "0.9", "projects", "metro"),
    ("investment.beta_talent", "3", "projects", "zones"),
    ("firms.birth_rate", "0.3", "firm_births", "metro"),
    ("firms.export_entry_base", "0.2", "export_entries", "metro"),
]


def _run(run_metrosim, tmp_path, name, *extra):
    out = tmp_path / f"{name}.h5"
    run_metrosim("run", *extra, "-o", out, "--overwrite", "--steps", STEPS, "--seed", 5,
                 "--set", f"agents.scale={SCALE}")
    return out


def _read(path, group, name):
    with h5py.File(path, "r") as f:
        return f[group][name][...]


@pytest.fixture(scope="module")
def baseline(run_metrosim, tmp_path_factory):
    return _run(run_metrosim, tmp_path_factory.mktemp("levers"), "baseline")


@pytest.mark.parametrize("key,value,indicator,group", LEVERS, ids=[lv[0] for lv in LEVERS])
def test_lever_from_ini_equals_set_and_moves_its_indicator(run_metrosim, tmp_path, baseline, key,
                                                          value, indicator, group):
    section, name = key.split(".", 1)
    ini = tmp_path / "what_if.ini"
    ini.write_text(f"[{section}]\n{name} = {value}\n", encoding="utf-8")
    from_ini = _run(run_metrosim, tmp_path, "ini", ini)
    from_set = _run(run_metrosim, tmp_path, "set", "--set", f"{key}={value}")
    with h5py.File(from_ini, "r") as a, h5py.File(from_set, "r") as b:
        for g in ("metro", "zones"):
            for var in a[g]:
                np.testing.assert_array_equal(a[g][var][...], b[g][var][...],
                                              err_msg=f"/{g}/{var} differs between INI and --set")
    lever = _read(from_ini, group, indicator)
    base = _read(baseline, group, indicator)
    assert not np.array_equal(lever, base), f"{key} = {value} left /{group}/{indicator} unchanged"



# Issue 4's events, evaluation, networks and funding keys (docs/EVENTS_LEARNING.md), all set at
# once (one INI run and one --set run keep the suite short): identical from INI and --set, and
# where a key acts before governance fills the month's effort (bid budget, memberships and
# allocations are zero until then) its indicator must move. Keys with indicator None act only
# through that effort: the lead names their indicator at merge.
EVENT_KEYS = [
    ("funding.applications_per_year", "20", "funding_applications"),
    ("funding.success_per_100_staff", "5", "funding_awards"),
    ("events.awareness_boost_per_100k", "0.5", "event_awareness_boost"),
    ("events.spend_per_attendee", "2000", "event_spending"),
    ("events.bids_per_year", "12", None),
    ("evaluation.adaptive", "true", None),
    ("evaluation.include_externalities", "true", None),
    ("evaluation.belief_mitigation_pressure", "-2", None),
    ("networks.effectiveness_per_membership", "0.1", None),
]


def test_events_keys_from_ini_equal_set_and_move_their_indicators(run_metrosim, tmp_path,
                                                                  baseline):
    sections = {}
    for key, value, _ in EVENT_KEYS:
        section, name = key.split(".", 1)
        sections.setdefault(section, []).append(f"{name} = {value}")
    ini = tmp_path / "what_if.ini"
    ini.write_text("".join(f"[{sec}]\n" + "\n".join(lines) + "\n"
                           for sec, lines in sections.items()), encoding="utf-8")
    from_ini = _run(run_metrosim, tmp_path, "ini", ini)
    sets = [a for key, value, _ in EVENT_KEYS for a in ("--set", f"{key}={value}")]
    from_set = _run(run_metrosim, tmp_path, "set", *sets)
    with h5py.File(from_ini, "r") as a, h5py.File(from_set, "r") as b:
        for g in ("metro", "zones"):
            for var in a[g]:
                np.testing.assert_array_equal(a[g][var][...], b[g][var][...],
                                              err_msg=f"/{g}/{var} differs between INI and --set")
    for key, value, indicator in EVENT_KEYS:
        if indicator is None:
            continue
        lever = _read(from_ini, "metro", indicator)
        base = _read(baseline, "metro", indicator)
        assert not np.array_equal(lever, base), f"{key} = {value} left /metro/{indicator} unchanged"
