"""The lever matrix (issue 5): for every policy lever, a paired contrast between two allowed values
(common random numbers: replicate r of both runs uses the same seed) must move a named indicator
in the direction docs/MODEL.md states. The table is read from docs/MODEL.md itself, between the
`lever-matrix:begin` / `lever-matrix:end` markers, so the documentation and the test cannot drift
apart: adding a row adds a test.

Each row: key, low value, high value, indicator (`/metro/<name>`, `/zones/<name>@core`,
`/zones/<name>@periphery` or `/zones/<name>@<zone code>`), measure (`total` over the horizon,
`final` month, `mean` over months, `sd` = standard deviation over months) and the sign of high − low (`+`, `−`, or `=` for "no
directional effect": within 5 % of each other).

Tolerance (stated): the effect counts when the mean paired difference has the stated sign and is
larger than its own standard error (t > 1), and at least REPLICATES − 1 of the pairs agree in
sign. `=` rows require |mean difference| ≤ 5 % of |low| (plus an absolute floor of 1e-9).
"""
import pathlib
import re
import subprocess

import h5py
import numpy as np
import pytest

SCALE = 0.01
STEPS = 48  # 2015-01 .. 2018-12: long enough for lease renewals and construction lags
REPLICATES = 3
SEED = 11
DOC = "docs/MODEL.md"


def _lever_rows(source_dir):
    text = (pathlib.Path(source_dir) / DOC).read_text(encoding="utf-8")
    m = re.search(r"<!-- lever-matrix:begin -->(.*?)<!-- lever-matrix:end -->", text, re.S)
    assert m, f"{DOC} has no lever-matrix:begin/end block"
    rows = []
    for line in m.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 6 or cells[0] in ("key", "") or set(cells[0]) <= {"-", ":"}:
            continue
        key, low, high, indicator, measure, sign = (c.strip("`") for c in cells[:6])
        rows.append((key, low, high, indicator, measure, sign.replace("−", "-")))
    assert rows, f"{DOC}: the lever matrix is empty"
    return rows


def _source_dir():
    import os
    value = os.environ.get("METROSIM_SOURCE_DIR")
    return pathlib.Path(value) if value else pathlib.Path(__file__).resolve().parents[2]


ROWS = _lever_rows(_source_dir())


def _command(metrosim_bin, out, key, value):
    seed = [] if key == "run.seed" else ["--seed", str(SEED)]  # --seed would override the row
    return [str(metrosim_bin), "run", "-o", str(out), "--overwrite", "--threads", "1",
            "--replicates", str(REPLICATES), "--steps", str(STEPS), *seed,
            "--set", f"agents.scale={SCALE}", "--set", f"{key}={value}"]


def _run_pair(metrosim_bin, tmp_path, key, low, high):
    """Runs low and high side by side (two processes: the machine has two cores)."""
    outs = [tmp_path / "low.h5", tmp_path / "high.h5"]
    procs = [subprocess.Popen(_command(metrosim_bin, o, key, v), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=tmp_path)
             for o, v in zip(outs, (low, high))]
    for p, v in zip(procs, (low, high)):
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, f"metrosim run with {key}={v} failed:\n{err}"
    return outs


def _measure(path, indicator, measure):
    """One number per replicate: the indicator reduced over time (and zones) as the row says."""
    group, rest = indicator.strip("/").split("/", 1)
    name, _, where = rest.partition("@")
    with h5py.File(path, "r") as f:
        data = f[group][name][...].astype(float)  # (run, time) or (run, time, zone)
        if group == "zones":
            codes = [c.decode() for c in f["zones/zone_code"][...]]
            core = f["zones/is_core"][...].astype(bool)
            external = np.array([c == "EXT" for c in codes])
            if where == "core":
                mask = core
            elif where == "periphery":
                mask = ~core & ~external
            else:
                assert where in codes, f"{indicator}: no zone {where!r}"
                mask = np.array([c == where for c in codes])
            data = np.nansum(data[..., mask], axis=-1)
    if measure == "total":
        return data.sum(axis=1)
    if measure == "final":
        return data[:, -1]
    if measure == "sd":
        return data.std(axis=1)
    assert measure == "mean", f"unknown measure {measure!r}"
    return data.mean(axis=1)


@pytest.mark.parametrize("key,low,high,indicator,measure,sign", ROWS, ids=[r[0] for r in ROWS])
def test_lever_moves_its_indicator_in_the_documented_direction(metrosim_bin, tmp_path, key, low,
                                                               high, indicator, measure, sign):
    low_file, high_file = _run_pair(metrosim_bin, tmp_path, key, low, high)
    y_low = _measure(low_file, indicator, measure)
    y_high = _measure(high_file, indicator, measure)
    d = y_high - y_low
    msg = (f"{key}: {low} -> {high} on {indicator} ({measure}); low {y_low}, high {y_high}, "
           f"paired differences {d}")
    if sign == "=":
        assert abs(d.mean()) <= 0.05 * abs(y_low.mean()) + 1e-9, msg
        return
    assert sign in ("+", "-"), f"{DOC}: sign must be +, − or =, not {sign!r}"
    s = 1.0 if sign == "+" else -1.0
    se = d.std(ddof=1) / np.sqrt(len(d)) if len(d) > 1 else 0.0
    assert s * d.mean() > se, msg
    assert np.sum(s * d > 0) >= len(d) - 1, msg
