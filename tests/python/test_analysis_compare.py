"""metrosim_analysis scenario comparison (issue 7): paired differences and the headline table equal
independent h5py computations on files the engine writes during the test; runs are paired by
replicate (not by position); engine headline variables are read when present."""
import pathlib
import sys

import h5py
import numpy as np
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "analysis"))
from metrosim_analysis import compare, stack_runs  # noqa: E402
from metrosim_analysis.__main__ import main  # noqa: E402
from metrosim_analysis.compare import (FALLBACK_HEADLINE, format_percent,  # noqa: E402
                                       format_signed, format_value)

ARGS = ["--steps", "12", "--set", "agents.scale=0.01", "--threads", "1", "--seed", "7"]


@pytest.fixture(scope="module")
def files(run_metrosim, tmp_path_factory):
    d = tmp_path_factory.mktemp("compare")
    base, lease, evict = d / "base.h5", d / "lease.h5", d / "evict.h5"
    run_metrosim("run", "-o", base, "--replicates", "3", *ARGS)
    run_metrosim("run", "-o", lease, "--replicates", "3", *ARGS, "--set", "run.name=lease60",
                 "--set", "investors.term_before_2019_months=60")
    run_metrosim("run", "-o", evict, "--replicates", "3", *ARGS, "--set", "run.name=evict10",
                 "--set", "investors.non_renewal_small=0.1")
    return d, base, lease, evict


@pytest.fixture(scope="module")
def cmp2(files):
    """The baseline compared with both what-ifs (opened once for the module)."""
    _, base, lease, evict = files
    return compare(base, [lease, evict])


def _reduce(ds):
    """The documented rule, computed independently: flows summed over time, stocks at the end."""
    v = ds[...]
    agg = ds.attrs["aggregation"]
    return v.sum(axis=1) if agg == "flow" else v.mean(axis=1) if agg == "mean" else v[:, -1]


def test_paired_differences_over_time_equal_h5py(files, cmp2):
    _, base, lease, evict = files
    cmp = cmp2
    assert cmp.labels == ["baseline", "lease60", "evict10"]
    with h5py.File(base, "r") as b, h5py.File(evict, "r") as w:
        expected = w["metro/displaced_eviction"][...] - b["metro/displaced_eviction"][...]
        expected_z = w["zones/rent_market"][...] - b["zones/rent_market"][...]
    d = cmp.difference("displaced_eviction", "evict10")
    assert d.dims == ("pair", "time")
    np.testing.assert_array_equal(d.values, expected)
    np.testing.assert_array_equal(d["replicate"].values, [0, 1, 2])
    assert d.attrs["units"] == "households/month"
    dz = cmp.difference("rent_market", "evict10", group="zones")
    assert dz.dims == ("pair", "time", "zone")
    np.testing.assert_array_equal(dz.values, expected_z)


def test_headline_table_equals_h5py(files, cmp2):
    _, base, lease, evict = files
    cmp = cmp2
    # The engine's headline indicators, as written (sim/model/headline.hpp).
    assert cmp.source == "engine headline" and cmp.indicators == sorted(
        n for n in cmp.baseline["metro"].data_vars if n.startswith("headline_"))
    t = cmp.headline_table()
    with h5py.File(base, "r") as b:
        for name in cmp.indicators:
            bv = _reduce(b[f"metro/{name}"])
            row = t[(t.indicator == name) & (t.role == "baseline")].iloc[0]
            assert row.value == pytest.approx(np.median(bv), abs=1e-9, nan_ok=True)
            assert row.value_q05 == pytest.approx(np.quantile(bv, 0.05), abs=1e-9, nan_ok=True)
            assert row.value_q95 == pytest.approx(np.quantile(bv, 0.95), abs=1e-9, nan_ok=True)
            for path, lab in ((lease, "lease60"), (evict, "evict10")):
                with h5py.File(path, "r") as w:
                    wv = _reduce(w[f"metro/{name}"])
                d = wv - bv  # replicates 0, 1, 2 in both files, same seeds
                r = t[(t.indicator == name) & (t.scenario == lab)].iloc[0]
                assert r.value == pytest.approx(np.median(wv), abs=1e-9, nan_ok=True)
                assert r["diff"] == pytest.approx(np.median(d), abs=1e-9, nan_ok=True)
                assert r.diff_q05 == pytest.approx(np.quantile(d, 0.05), abs=1e-9, nan_ok=True)
                assert r.diff_q95 == pytest.approx(np.quantile(d, 0.95), abs=1e-9, nan_ok=True)
                if np.median(bv) != 0 and np.isfinite(np.median(bv)):
                    assert r.diff_pct == pytest.approx(100 * np.median(d) / abs(np.median(bv)))
                assert r.n == 3
    # Reductions by kind: a cumulative total at the last period, a mean over the run.
    total = t[t.indicator == "headline_displaced_cumulative"].iloc[0]
    assert total.units == "households" and total.reduction == "at 2015-12"
    mean = t[t.indicator == "headline_irritated_share"].iloc[0]
    assert mean.units == "1" and mean.reduction.startswith("mean 2015-01 to 2015-12")


def test_zone_table_equals_h5py(files, cmp2):
    _, base, lease, _ = files
    cmp = cmp2
    zt = cmp.zone_table("lease60", ["rent_market", "displaced_renewal_out"])
    with h5py.File(base, "r") as b, h5py.File(lease, "r") as w:
        zones = list(b["zones/zone"].asstr()[...])
        d_rent = w["zones/rent_market"][:, -1, :] - b["zones/rent_market"][:, -1, :]
        d_disp = (w["zones/displaced_renewal_out"][...].sum(1)
                  - b["zones/displaced_renewal_out"][...].sum(1))
    assert list(zt.index) == zones
    np.testing.assert_allclose(zt[("rent_market", "diff")].values, np.median(d_rent, axis=0), atol=1e-9)
    np.testing.assert_allclose(zt[("displaced_renewal_out", "diff_q95")].values,
                               np.quantile(d_disp, 0.95, axis=0), atol=1e-9)
    q05, q95 = np.quantile(d_rent, [0.05, 0.95], axis=0)
    np.testing.assert_array_equal(zt[("rent_market", "consistent")].values, (q05 > 0) | (q95 < 0))


def test_runs_are_paired_by_replicate_not_position(files, run_metrosim):
    d, base, _, _ = files
    singles = []
    for seed in (9, 7, 8):  # replicates 2, 0, 1 of the what-if, out of order
        p = d / f"lease_seed{seed}.h5"
        run_metrosim("run", "-o", p, *ARGS[:-2], "--seed", seed, "--set",
                     "investors.term_before_2019_months=60", "--set", "run.name=lease60")
        singles.append(p)
    shuffled = stack_runs(singles, d / "lease_shuffled.h5", replicates=[2, 0, 1], overwrite=True)
    cmp = compare(base, [shuffled])
    assert cmp.pairings[0].seeds_match
    with h5py.File(base, "r") as b, h5py.File(shuffled, "r") as w:
        expected = w["metro/households"][...][[1, 2, 0]] - b["metro/households"][...]
    np.testing.assert_array_equal(cmp.difference("households").values, expected)


def test_single_runs_compare_as_one_pair(small_run, files):
    _, base, lease, _ = files
    cmp = compare(small_run, [small_run], labels=["a", "b"])
    t = cmp.headline_table()
    assert (t[t.role == "what-if"]["diff"] == 0).all()


def test_fallback_list_applies_to_files_without_engine_headlines(files, tmp_path):
    """A copy of an engine file with every /metro/headline_* removed (as written by a metrosim
    older than the headline indicators): the fallback list of engine indicators is used, and said."""
    _, base, _, _ = files
    copy = tmp_path / "without_headline.h5"
    copy.write_bytes(pathlib.Path(base).read_bytes())
    with h5py.File(copy, "r+") as f:
        for name in [n for n in f["metro"] if n.startswith("headline_")]:
            del f["metro"][name]
        expected = np.median(f["metro/rent_market_mean"][:, -1])
    cmp = compare(copy, [copy])
    assert cmp.source == "fallback"
    assert cmp.indicators == [n for n in FALLBACK_HEADLINE if n in cmp.baseline["metro"]]
    assert any("headline" in n for n in cmp.notes)
    t = cmp.headline_table()
    row = t[(t.indicator == "rent_market_mean") & (t.role == "baseline")].iloc[0]
    assert row.value == pytest.approx(expected)


def test_cli_compare_prints_the_table_and_writes_files(files, tmp_path, capsys):
    _, base, lease, evict = files
    out = tmp_path / "cmp"
    assert main(["compare", str(base), str(lease), str(evict), "-o", str(out),
                 "--indicators", "rent_market_mean,displaced_eviction", "--format", "png"]) == 0
    text = capsys.readouterr().out
    with h5py.File(base, "r") as b, h5py.File(evict, "r") as w:
        d = w["metro/displaced_eviction"][...].sum(1) - b["metro/displaced_eviction"][...].sum(1)
    assert format_signed(np.median(d)) in text
    for f in ("headline.csv", "zones_lease60.csv", "zones_evict10.csv", "differences.png",
              "scenarios.png"):
        assert (out / f).stat().st_size > 0, f
    assert main(["compare", str(base), str(lease), "--indicators", "nope"]) == 2


def test_number_formats():
    assert format_value(1272600.0) == "1,272,600"
    assert format_value(666.06) == "666"
    assert format_value(37.54) == "37.5"
    assert format_value(3.714) == "3.71"
    assert format_value(0.000897) == "0.000897"
    assert format_value(float("nan")) == "n/a"
    assert format_signed(-3500.0) == "-3,500" and format_signed(0.892) == "+0.892"
    assert format_percent(-38.46) == "-38.5 %" and format_percent(0.0236) == "+0.02 %"
