"""The planners' scenario library (issue 6): every shipped scenario validates and runs, and each
what-if and archetype moves the indicators its header claims (`# expect: <indicator> <measure>
up|down`), against the baseline in paired replicates (common random numbers). The archetypes
differ from each other beyond paired noise in projects.

Tolerance (stated, as in the lever matrix): the mean paired difference has the claimed sign and
exceeds its standard error, and all pairs but at most one agree. Test scale: agents.scale = 0.01,
48 months from 2015-01, 3 replicates.
"""
import pathlib
import re

import h5py
import numpy as np
import pytest

SCALE = 0.01
STEPS = 48
REPLICATES = 3


def _source():
    import os
    v = os.environ.get("METROSIM_SOURCE_DIR")
    return pathlib.Path(v) if v else pathlib.Path(__file__).resolve().parents[2]


SCENARIOS = sorted((_source() / "scenarios").rglob("*.ini"))
CLAIMING = [p for p in SCENARIOS if re.search(r"^# expect:", p.read_text(encoding="utf-8"), re.M)]


def _expectations(path):
    out = []
    for m in re.finditer(r"^# expect: (\S+) (total|final|mean|sd) (up|down)\s*$",
                         path.read_text(encoding="utf-8"), re.M):
        out.append((m.group(1), m.group(2), 1.0 if m.group(3) == "up" else -1.0))
    return out


def _run(run_metrosim, out, scenario=None):
    args = ["run"] + ([scenario] if scenario else []) + [
        "-o", out, "--overwrite", "--steps", STEPS, "--seed", 5, "--threads", 1,
        "--replicates", REPLICATES, "--set", f"agents.scale={SCALE}"]
    run_metrosim(*args, timeout=600)
    return out


def _measure(path, indicator, measure):
    group, name = indicator.strip("/").split("/", 1)
    with h5py.File(path, "r") as f:
        data = f[group][name][...].astype(float)
    return {"total": lambda d: d.sum(axis=1), "final": lambda d: d[:, -1],
            "mean": lambda d: d.mean(axis=1), "sd": lambda d: d.std(axis=1)}[measure](data)


@pytest.fixture(scope="module")
def baseline(run_metrosim, tmp_path_factory):
    return _run(run_metrosim, tmp_path_factory.mktemp("whatifs") / "baseline.h5",
                _source() / "scenarios" / "barcelona-amb" / "baseline.ini")


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_every_shipped_scenario_validates(run_metrosim, scenario):
    run_metrosim("validate", scenario)


def test_the_library_has_a_baseline_eight_whatifs_and_three_archetypes():
    names = {p.name for p in SCENARIOS}
    assert "baseline.ini" in names
    assert len([n for n in names if n.startswith("whatif-")]) >= 8
    archetypes = {p.name for p in (_source() / "scenarios" / "archetypes").glob("*.ini")}
    assert archetypes == {"metropolitan-government.ini", "main-city-agency.ini", "fragmented.ini"}
    for p in SCENARIOS:
        if p.name.startswith("whatif-"):
            head = p.read_text(encoding="utf-8").splitlines()[0]
            assert head.startswith("# What-if:"), f"{p.name} must open with its question"
            assert _expectations(p), f"{p.name} states no `# expect:` line"


@pytest.mark.parametrize("scenario", CLAIMING, ids=[p.name for p in CLAIMING])
def test_scenario_moves_what_its_header_claims(run_metrosim, baseline, tmp_path, scenario):
    out = _run(run_metrosim, tmp_path / "whatif.h5", scenario)
    for indicator, measure, sign in _expectations(scenario):
        base = _measure(baseline, indicator, measure)
        other = _measure(out, indicator, measure)
        d = other - base
        se = d.std(ddof=1) / np.sqrt(len(d))
        msg = (f"{scenario.name}: {indicator} ({measure}) baseline {base}, what-if {other}, "
               f"paired differences {d}")
        assert sign * d.mean() > se, msg
        assert np.sum(sign * d > 0) >= len(d) - 1, msg


def test_archetypes_differ_beyond_noise(run_metrosim, tmp_path):
    folder = _source() / "scenarios" / "archetypes"
    runs = {n: _run(run_metrosim, tmp_path / f"{n}.h5", folder / f"{n}.ini")
            for n in ("metropolitan-government", "main-city-agency", "fragmented")}
    projects = {n: _measure(p, "/metro/projects", "total") for n, p in runs.items()}
    # Paired noise (common random numbers): the spread of the replicate-by-replicate difference,
    # as `metrosim compare` judges it; distinguishable = every pair agrees in sign and the mean
    # difference exceeds twice its standard error.
    d = projects["metropolitan-government"] - projects["fragmented"]
    se = d.std(ddof=1) / np.sqrt(len(d))
    msg = f"projects by archetype {projects}, paired differences {d}"
    assert np.all(np.sign(d) == np.sign(d[0])) and abs(d.mean()) > 2 * se, msg
