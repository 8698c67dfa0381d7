"""metrosim_analysis sensitivity analysis (issue 7): designs, estimators against analytic values
(Ishigami for Sobol indices, a linear function for Morris), and indices, response curves and heat
maps from multi-run files built from engine runs of the designs' rows."""
import json
import pathlib
import subprocess
import sys

import h5py
import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "analysis"))
from metrosim_analysis import open_runs, stack_runs  # noqa: E402
from metrosim_analysis.__main__ import main  # noqa: E402
from metrosim_analysis.plot import plot_heatmap, plot_response  # noqa: E402
from metrosim_analysis.sensitivity import (Parameter, analyse,  # noqa: E402
                                           first_order_given_data, latin_hypercube_design,
                                           morris_design, morris_indices, response_curve,
                                           saltelli_design, sobol_design, sobol_indices, surface,
                                           response, write_design)

ENGINE = ["--steps", "12", "--set", "agents.scale=0.01", "--threads", "1"]
LEASE, EVICT = "investors.term_before_2019_months", "investors.non_renewal_small"
UNITS = {LEASE: "months", EVICT: "probability per renewal"}

# Ishigami function, a = 7, b = 0.1, x ~ U(-pi, pi)^3: analytic indices (Saltelli et al. 2008,
# Global Sensitivity Analysis: The Primer, section 4.8; Sobol' & Levitan 1999).
ISHIGAMI_S1 = np.array([0.3139, 0.4424, 0.0])
ISHIGAMI_ST = np.array([0.5576, 0.4424, 0.2437])
ISHIGAMI = [Parameter(f"x{i}", -np.pi, np.pi) for i in (1, 2, 3)]


def ishigami(x, a=7.0, b=0.1):
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def _x(design, params):
    return design[[p.key for p in params]].to_numpy()


# -- estimators on analytic functions ----------------------------------------------------------

def test_sobol_saltelli_jansen_on_ishigami_within_0_02():
    design = saltelli_design(ISHIGAMI, 2 ** 13, seed=12345)
    assert len(design) == 2 ** 13 * 5
    y = ishigami(_x(design, ISHIGAMI))
    res = sobol_indices(y, design["design_block"], design["design_sample"], ["x1", "x2", "x3"],
                        n_bootstrap=50)
    assert np.all(np.abs(res["S1"].values - ISHIGAMI_S1) < 0.02), res
    assert np.all(np.abs(res["ST"].values - ISHIGAMI_ST) < 0.02), res
    assert (res["S1_conf"] > 0).all() and (res["S1_conf"] < 0.1).all()
    assert int(res["N"].iloc[0]) == 2 ** 13


def test_sobol_indices_ignore_row_order_and_incomplete_samples():
    design = saltelli_design(ISHIGAMI, 2 ** 10, seed=1)
    y = ishigami(_x(design, ISHIGAMI))
    ref = sobol_indices(y, design["design_block"], design["design_sample"], ["a", "b", "c"])
    perm = np.random.default_rng(0).permutation(len(y))
    shuffled = sobol_indices(y[perm], design["design_block"].values[perm],
                             design["design_sample"].values[perm], ["a", "b", "c"])
    pd.testing.assert_frame_equal(ref, shuffled)
    # Drop one run: its sample is left out, the others give the same estimator on N - 1 samples.
    keep = np.arange(len(y)) != 7
    partial = sobol_indices(y[keep], design["design_block"].values[keep],
                            design["design_sample"].values[keep], ["a", "b", "c"])
    assert int(partial["N"].iloc[0]) == 2 ** 10 - 1


def test_morris_mu_star_on_a_linear_function_equals_the_coefficients():
    params = [Parameter("a", 0, 1), Parameter("b", 2, 6), Parameter("c", -1, 1), Parameter("d", 10, 11)]
    coef = np.array([3.0, -2.0, 0.5, 0.0])
    design = morris_design(params, trajectories=10, levels=4, seed=3, candidates=40)
    assert len(design) == 10 * 5
    y = _x(design, params) @ coef + 4.0
    bounds = np.array([[p.low, p.high] for p in params])
    res = morris_indices(_x(design, params), y, design["design_trajectory"], list("abcd"),
                         step=design["design_step"], bounds=bounds)
    ranges = bounds[:, 1] - bounds[:, 0]
    np.testing.assert_allclose(res["mu_star_raw"], np.abs(coef), atol=1e-12)
    np.testing.assert_allclose(res["mu_star"], np.abs(coef) * ranges, atol=1e-12)
    np.testing.assert_allclose(res["mu"], coef * ranges, atol=1e-12)
    np.testing.assert_allclose(res["sigma"], 0, atol=1e-9)
    assert (res["r"] == 10).all()
    # Unit ranges: mu* is the absolute coefficient itself.
    unit = [Parameter(k, 0, 1) for k in "abcd"]
    d2 = morris_design(unit, trajectories=6, seed=4)
    r2 = morris_indices(_x(d2, unit), _x(d2, unit) @ coef, d2["design_trajectory"], list("abcd"),
                        step=d2["design_step"], bounds=np.array([[0, 1]] * 4))
    np.testing.assert_allclose(r2["mu_star"], np.abs(coef), atol=1e-12)


def test_given_data_first_order_on_ishigami():
    design = latin_hypercube_design(ISHIGAMI, 2 ** 14, seed=5)
    res = first_order_given_data(_x(design, ISHIGAMI), ishigami(_x(design, ISHIGAMI)), ["a", "b", "c"])
    assert np.all(np.abs(res["S1"].values - ISHIGAMI_S1) < 0.03), res


# -- designs -------------------------------------------------------------------------------------

def test_saltelli_design_blocks():
    params = [Parameter(LEASE, 12, 120), Parameter(EVICT, 0, 0.2), Parameter("relocation.choices", 1, 10, True)]
    k = len(params)
    d = saltelli_design(params, 8, seed=0)
    x = _x(d, params)
    assert len(d) == 8 * (k + 2)
    assert list(d.columns[:3]) == ["design_point", "design_sample", "design_block"]
    for j, p in enumerate(params):
        assert x[:, j].min() >= p.low and x[:, j].max() <= p.high
    assert np.array_equal(x[:, 2], np.round(x[:, 2]))
    for s in range(8):
        rows = x[d["design_sample"].values == s]
        a, b = rows[0], rows[k + 1]
        for i in range(k):
            expected = a.copy()
            expected[i] = b[i]
            np.testing.assert_array_equal(rows[1 + i], expected)


def test_morris_design_moves_one_parameter_by_delta():
    params = [Parameter(LEASE, 12, 120), Parameter(EVICT, 0, 0.2), Parameter("x", -1, 1)]
    d = morris_design(params, trajectories=5, levels=4, seed=2, candidates=30)
    x = _x(d, params)
    ranges = np.array([p.high - p.low for p in params])
    unit = (x - np.array([p.low for p in params])) / ranges
    np.testing.assert_allclose(unit * 3, np.round(unit * 3), atol=1e-12)  # the 4-level grid
    for t in range(5):
        steps = np.diff(unit[d["design_trajectory"].values == t], axis=0)
        moved = np.abs(steps) > 1e-12
        assert (moved.sum(axis=1) == 1).all()
        assert sorted(np.argmax(moved, axis=1)) == [0, 1, 2]  # each parameter once
        np.testing.assert_allclose(np.abs(steps[moved]), 2 / 3)  # Δ = p / (2 (p - 1))


def test_lhs_and_sobol_points_and_csv(tmp_path):
    params = [Parameter(LEASE, 12, 120), Parameter(EVICT, 0, 0.2)]
    lhs = latin_hypercube_design(params, 16, seed=1)
    for j, p in enumerate(params):
        strata = np.floor((lhs[p.key] - p.low) / (p.high - p.low) * 16).astype(int)
        assert sorted(strata) == list(range(16))  # one point per stratum
    sob = sobol_design(params, 16, seed=1)
    assert len(sob) == 16 and list(sob.columns) == ["design_point", LEASE, EVICT]
    csv, side = write_design(lhs, str(tmp_path / "d" / "lhs.csv"), "lhs", params, seed=1)
    back = pd.read_csv(csv)
    pd.testing.assert_frame_equal(back, lhs)  # floats round-trip exactly
    meta = json.loads(pathlib.Path(side).read_text())
    assert meta["method"] == "lhs" and meta["parameters"][0]["key"] == LEASE


def test_cli_design(tmp_path, capsys):
    out = tmp_path / "saltelli.csv"
    assert main(["sensitivity", "design", "saltelli", "-p", f"{LEASE}=12:120", "-p",
                 f"{EVICT}=0:0.2", "-n", "8", "--seed", "1", "-o", str(out)]) == 0
    d = pd.read_csv(out)
    assert len(d) == 32 and {LEASE, EVICT, "design_block", "design_sample"} <= set(d.columns)
    assert main(["sensitivity", "design", "morris", "-p", "bad", "-n", "4", "-o", str(out)]) == 2


# -- multi-run files from engine runs --------------------------------------------------------------

def _run_rows(metrosim_bin, rows, folder, seeds=None):
    """Runs the engine once per design row (the sweep tooling's job), 4 at a time; returns paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths, procs = [], []
    for i, row in enumerate(rows):
        p = folder / f"run{i}.h5"
        # The lease term is an integer key: its (rounded) design values are passed as integers.
        sets = sum((["--set", f"{k}={int(row[k]) if k == LEASE else row[k]!r}"]
                    for k in (LEASE, EVICT) if k in row), [])
        seed = seeds[i] if seeds is not None else 1
        procs.append(subprocess.Popen([str(metrosim_bin), "run", "-o", str(p), *ENGINE, "--seed",
                                       str(seed), *sets], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True))
        paths.append(p)
        if len(procs) == 4 or i == len(rows) - 1:
            for proc in procs:
                _, err = proc.communicate(timeout=120)
                assert proc.returncode == 0, err
            procs = []
    return paths


def _sweep(metrosim_bin, design, folder, seeds=None, replicates=None):
    rows = design.to_dict("records")
    paths = _run_rows(metrosim_bin, rows, folder, seeds)
    params = {k: design[k].tolist() for k in (LEASE, EVICT) if k in design}
    cols = {c: design[c].tolist() for c in design.columns if c.startswith("design_")}
    return stack_runs(paths, folder / "sweep.h5", parameters=params, columns=cols,
                      replicates=replicates, units=UNITS)


@pytest.fixture(scope="module")
def saltelli_sweep(metrosim_bin, tmp_path_factory):
    params = [Parameter(LEASE, 12, 120, True), Parameter(EVICT, 0, 0.2)]
    design = saltelli_design(params, 4, seed=7)
    return _sweep(metrosim_bin, design, tmp_path_factory.mktemp("saltelli")), design


@pytest.fixture(scope="module")
def morris_sweep(metrosim_bin, tmp_path_factory):
    params = [Parameter(LEASE, 12, 120, True), Parameter(EVICT, 0, 0.2)]
    design = morris_design(params, trajectories=2, seed=7)
    folder = tmp_path_factory.mktemp("morris")
    write_design(design, str(folder / "design.csv"), "morris", params, seed=7)
    return _sweep(metrosim_bin, design, folder), design, folder / "design.csv"


@pytest.fixture(scope="module")
def grid_sweep(metrosim_bin, tmp_path_factory):
    """lease term 12, 36, 60 months x eviction 0.02, 0.1 x 2 replicates (seeds 1, 2)."""
    rows = [{LEASE: float(l), EVICT: e} for l in (12, 36, 60) for e in (0.02, 0.1) for _ in (0, 1)]
    design = pd.DataFrame(rows)
    seeds = [1, 2] * 6
    return _sweep(metrosim_bin, design, tmp_path_factory.mktemp("grid"), seeds=seeds,
                  replicates=[0, 1] * 6)


def _y_flow_total(path, name):
    with h5py.File(path, "r") as f:
        return f[f"metro/{name}"][...].sum(axis=1)


def test_sobol_indices_from_an_engine_sweep_equal_the_estimator_on_h5py_values(saltelli_sweep):
    path, design = saltelli_sweep
    data = open_runs(path)
    assert data.parameters == [EVICT.replace(".", "__"), LEASE.replace(".", "__")]
    assert data["runs"]["investors__term_before_2019_months"].attrs["units"] == "months"
    res, info = analyse(data, "metro/displaced_renewal", n_bootstrap=0)
    assert info["method"] == "sobol" and info["runs"] == len(design)
    with h5py.File(path, "r") as f:
        block, sample = f["runs/design_block"][...], f["runs/design_sample"][...]
        np.testing.assert_array_equal(f["runs/investors__term_before_2019_months"][...], design[LEASE])
    y = _y_flow_total(path, "displaced_renewal")
    # /runs lists the parameters by name (eviction, lease); block i of the design varies the
    # design's i-th column (lease, then eviction): analyse must read that from the data.
    expected = sobol_indices(y, block, sample, [LEASE, EVICT], n_bootstrap=0)
    pd.testing.assert_frame_equal(res.sort_index(), expected.sort_index())
    assert "households" in info["units"]


def test_morris_indices_from_an_engine_sweep(morris_sweep, capsys):
    path, design, csv = morris_sweep
    data = open_runs(path)
    res, info = analyse(data, "metro/rent_market_mean:last",
                        bounds={LEASE: (12, 120), EVICT: (0, 0.2)})
    assert info["method"] == "morris"
    with h5py.File(path, "r") as f:
        y = f["metro/rent_market_mean"][:, -1]
        lease = f["runs/investors__term_before_2019_months"][...]
        evict = f["runs/investors__non_renewal_small"][...]
        traj = f["runs/design_trajectory"][...]
    ee = {LEASE: [], EVICT: []}
    for i in range(1, len(y)):
        if traj[i] != traj[i - 1]:
            continue
        if lease[i] != lease[i - 1]:
            ee[LEASE].append((y[i] - y[i - 1]) / ((lease[i] - lease[i - 1]) / 108))
        else:
            ee[EVICT].append((y[i] - y[i - 1]) / ((evict[i] - evict[i - 1]) / 0.2))
    for k, v in ee.items():
        assert res.loc[k, "mu_star"] == pytest.approx(np.mean(np.abs(v)), abs=1e-9)
        assert res.loc[k, "mu"] == pytest.approx(np.mean(v), abs=1e-9)
        assert res.loc[k, "sigma"] == pytest.approx(np.std(v, ddof=1), abs=1e-9)
    out = csv.parent / "indices"
    assert main(["sensitivity", "indices", str(path), "--output", "rent_market_mean:last",
                 "--design", str(csv), "-o", str(out), "--format", "png"]) == 0
    assert "morris" in capsys.readouterr().out
    assert (out / "indices.csv").exists() and (out / "morris.png").exists()


def test_response_curve_and_heat_map_from_a_grid_sweep(grid_sweep, tmp_path):
    data = open_runs(grid_sweep)
    y = _y_flow_total(grid_sweep, "displaced_eviction")
    with h5py.File(grid_sweep, "r") as f:
        lease = f["runs/investors__term_before_2019_months"][...]
        evict = f["runs/investors__non_renewal_small"][...]
    curve, x, yv, da = response(data, "displaced_eviction", LEASE)
    assert list(curve["x"]) == [12.0, 36.0, 60.0]
    for _, r in curve.iterrows():
        sel = y[lease == r.x]
        assert r["median"] == pytest.approx(np.median(sel))
        assert r["q95"] == pytest.approx(np.quantile(sel, 0.95))
        assert r["n"] == 4
    fig = plot_response(curve, "investors.term_before_2019_months [months]", da.attrs["label"], points=(x, yv))
    (line,) = [ln for ln in fig.axes[0].get_lines() if ln.get_label() == "median"]
    np.testing.assert_allclose(line.get_ydata(), [np.median(y[lease == v]) for v in (12, 36, 60)])
    assert "households" in fig.axes[0].get_ylabel() and "months" in fig.axes[0].get_xlabel()

    s, _ = surface(data, "displaced_eviction", LEASE, EVICT, stat="mean")
    assert s.dims == (EVICT, LEASE)
    for j, e in enumerate(s[EVICT].values):
        for i, l in enumerate(s[LEASE].values):
            assert s.values[j, i] == pytest.approx(y[(lease == l) & (evict == e)].mean())
    fig = plot_heatmap(s, "lease", "eviction", "mean displaced_eviction [households]")
    assert "households" in fig.axes[1].get_ylabel()

    out = tmp_path / "resp"
    assert main(["sensitivity", "response", str(grid_sweep), "--output", "displaced_eviction",
                 "--param", LEASE, "--param", EVICT, "-o", str(out), "--format", "png"]) == 0
    assert (out / "heatmap_investors__term_before_2019_months_investors__non_renewal_small.png").exists()
    # Any multi-run file with parameters gives indices: given-data first order here.
    res, info = analyse(data, "displaced_eviction")
    assert info["method"] == "given-data" and info["points"] == 12
    expected = first_order_given_data(np.column_stack([evict, lease]), y, [EVICT, LEASE])
    pd.testing.assert_frame_equal(res, expected)
    assert ((res["S1"] >= 0) & (res["S1"] <= 1)).all() and (res["classes"] == [2, 3]).all()


def test_replicates_only_file_has_no_parameters(tmp_path, run_metrosim):
    p = tmp_path / "rep.h5"
    run_metrosim("run", "-o", p, "--replicates", "2", *ENGINE)
    with pytest.raises(ValueError, match="no varied parameters"):
        analyse(open_runs(p), "households")
    assert main(["sensitivity", "indices", str(p), "--output", "households"]) == 2


def test_response_curve_bins_continuous_parameters():
    x = np.linspace(0, 1, 100)
    c = response_curve(x, 2 * x, max_levels=5)
    assert len(c) == 5 and (c["n"] == 20).all()
    np.testing.assert_allclose(c["median"], 2 * c["x"], atol=0.02)
