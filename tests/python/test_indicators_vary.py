"""Every indicator varies over the baseline, or docs/OUTPUT.md says why it is constant (issue 5).

A 60-month baseline at agents.scale = 0.02 covers Januaries, lease renewals, the construction
lag and the 2015–2019 calendar entries. A time-dependent indicator "varies" when its metro value
(or, for a per-zone indicator, the value of at least one zone) is not the same in every month.
The exceptions are listed in docs/OUTPUT.md between the `constant-indicators:begin/end` markers,
each with its reason; an exception that in fact varies is a failure too, so the list stays true.
"""
import re

import h5py
import numpy as np
import pytest

STEPS = 60
SCALE = 0.02


@pytest.fixture(scope="module")
def baseline(run_metrosim, tmp_path_factory):
    path = tmp_path_factory.mktemp("vary") / "baseline.h5"
    run_metrosim("run", "-o", path, "--overwrite", "--steps", STEPS, "--seed", 3,
                 "--set", f"agents.scale={SCALE}")
    return path


def _documented_constants(source_dir):
    text = (source_dir / "docs" / "OUTPUT.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- constant-indicators:begin -->(.*?)<!-- constant-indicators:end -->",
                  text, re.S)
    assert m, "docs/OUTPUT.md has no constant-indicators:begin/end block"
    names = set()
    for line in m.group(1).splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and "/" in cells[0]:
            assert cells[1], f"docs/OUTPUT.md: {cells[0]} is listed as constant without a reason"
            names.add(cells[0])
    return names


def _time_varying(f):
    """(path, varies) for every dataset with a time axis in /metro, /zones and /agencies."""
    out = []
    for group in ("metro", "zones", "agencies"):
        if group not in f:
            continue
        n_time = f[group]["time"].shape[0]
        for name, ds in f[group].items():
            if name in ("time", "month_index") or ds.ndim == 0 or ds.shape[0] != n_time:
                continue
            data = ds[...].astype(float)
            data = data.reshape(n_time, -1)
            with np.errstate(invalid="ignore"):
                spread = np.nanmax(data, axis=0) - np.nanmin(data, axis=0)
            varies = bool(np.any(np.nan_to_num(spread) > 0))
            out.append((f"/{group}/{name}", varies))
    return out


def test_every_indicator_varies_or_is_documented_constant(baseline, source_dir):
    constants = _documented_constants(source_dir)
    with h5py.File(baseline, "r") as f:
        found = _time_varying(f)
    assert len(found) > 100, "expected the full indicator set in the baseline"
    undocumented = [p for p, varies in found if not varies and p not in constants]
    assert not undocumented, (
        "constant over the baseline but not listed (with a reason) in docs/OUTPUT.md's "
        f"constant-indicators block: {undocumented}")
    stale = [p for p, varies in found if varies and p in constants]
    assert not stale, f"listed as constant in docs/OUTPUT.md but varies: {stale}"
    unknown = constants - {p for p, _ in found}
    assert not unknown, f"docs/OUTPUT.md lists constants that are not in the output: {unknown}"
