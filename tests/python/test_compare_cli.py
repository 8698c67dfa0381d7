"""`metrosim compare`: its numbers equal values computed here from the files with h5py/numpy
(horizon summary by aggregation, paired differences by replicate, numpy's default quantile =
type 7, relative change), its refusals (exit 2, one message naming the file, no CSV written), the
single-replicate warning, and the example what-if moving its headline the way its comment says."""
import csv
import io

import h5py
import numpy as np
import pytest

ARGS = ["--steps", "12", "--set", "agents.scale=0.01"]
REPLICATES = "3"


@pytest.fixture(scope="module")
def files(run_metrosim, source_dir, tmp_path_factory):
    d = tmp_path_factory.mktemp("compare")
    base, whatif = d / "base.h5", d / "whatif.h5"
    run_metrosim("run", "-o", base, "--replicates", REPLICATES, *ARGS)
    run_metrosim("run", source_dir / "scenarios/barcelona-amb/whatif-tourism-mitigation.ini",
                 "-o", whatif, "--replicates", REPLICATES, *ARGS)
    return d, base, whatif


def summarise(ds):
    """Horizon summary per run, by the dataset's aggregation (docs/OUTPUT.md)."""
    x = np.asarray(ds[...], dtype=float)
    agg = ds.attrs["aggregation"]
    if agg == "flow":
        return x.sum(axis=-1)
    if agg == "mean":
        return x.mean(axis=-1)
    return x[..., -1]


def parse_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_compare_numbers_equal_independent_computation(files, run_metrosim):
    d, base, whatif = files
    out = d / "cmp.csv"
    proc = run_metrosim("compare", base, whatif, "--csv", out)
    assert "not distinguishable" in proc.stdout or "(better)" in proc.stdout or \
        "(worse)" in proc.stdout
    rows = parse_csv(out.read_text())
    with h5py.File(base, "r") as fb, h5py.File(whatif, "r") as fw:
        heads = sorted(k for k in fb["metro"] if k.startswith("headline_"))
        assert sorted(r["indicator"] for r in rows) == heads
        assert np.array_equal(fb["runs/replicate"][:], fw["runs/replicate"][:])
        for r in rows:
            name = r["indicator"]
            b = summarise(fb["metro/" + name])
            w = summarise(fw["metro/" + name])
            diff = w - b
            assert int(r["replicates"]) == int(REPLICATES)
            np.testing.assert_allclose(float(r["base_median"]), np.quantile(b, 0.5), rtol=1e-12,
                                       atol=1e-12, err_msg=name)
            np.testing.assert_allclose(float(r["whatif_median"]), np.quantile(w, 0.5),
                                       rtol=1e-12, atol=1e-12, err_msg=name)
            for col, q in (("diff_median", 0.5), ("diff_q05", 0.05), ("diff_q95", 0.95)):
                np.testing.assert_allclose(float(r[col]), np.quantile(diff, q), rtol=1e-12,
                                           atol=1e-9, err_msg=f"{name} {col}")
            med = np.quantile(b, 0.5)
            if med != 0 and np.isfinite(med):
                np.testing.assert_allclose(float(r["relative_change_pct"]),
                                           100 * np.quantile(diff, 0.5) / abs(med), rtol=1e-10,
                                           atol=1e-9, err_msg=name)
            lo, hi = np.quantile(diff, [0.05, 0.95])
            assert r["distinguishable"] == ("1" if (lo > 0 or hi < 0) else "0"), name


def test_whatif_lowers_the_str_share_in_every_paired_replicate(files):
    """The what-if's opening comment claims headline_str_share goes DOWN. Tolerance: every one of
    the paired replicates (same seed) shows a lower final STR share."""
    _, base, whatif = files
    with h5py.File(base, "r") as fb, h5py.File(whatif, "r") as fw:
        b = fb["metro/headline_str_share"][:, -1]
        w = fw["metro/headline_str_share"][:, -1]
    assert np.all(w < b), (b, w)


def test_single_replicate_warns(files, run_metrosim):
    d, _, _ = files
    a, b = d / "single_a.h5", d / "single_b.h5"
    run_metrosim("run", "-o", a, *ARGS)
    run_metrosim("run", "-o", b, "--set", "tourism.enforcement=0.1", *ARGS)
    proc = run_metrosim("compare", a, b)
    assert "warning" in proc.stderr and "single replicate" in proc.stderr
    assert "single replicate" in proc.stdout


@pytest.mark.parametrize("case", ["steps", "seed", "replicates", "not_h5", "not_metrosim",
                                  "territory"])
def test_refusals_exit_2_name_the_file_and_write_nothing(case, files, run_metrosim, source_dir,
                                                         tmp_path):
    d, base, _ = files
    other = tmp_path / f"{case}.h5"
    if case == "steps":
        # Horizons are checked before replicate counts: one run is enough to be refused.
        run_metrosim("run", "-o", other, "--steps", "6", "--set", "agents.scale=0.01")
        expect = "steps"
    elif case == "seed":
        run_metrosim("run", "-o", other, "--replicates", REPLICATES, "--seed", "99", *ARGS)
        expect = "seed"
    elif case == "replicates":
        run_metrosim("run", "-o", other, "--replicates", "2", *ARGS)
        expect = "replicate count"
    elif case == "not_h5":
        other.write_text("not an HDF5 file\n")
        expect = "not a metrosim output"
    elif case == "not_metrosim":
        with h5py.File(other, "w") as f:
            f.attrs["something"] = 1
        expect = "not a metrosim output"
    else:
        # Territories are checked first: one run is enough to be refused.
        run_metrosim("run", source_dir / "tests/data/synthetic-region/synthetic.ini", "-o",
                     other, *ARGS)
        expect = "zone codes"
    out = tmp_path / "refused.csv"
    proc = run_metrosim("compare", base, other, "--csv", out, check=False)
    assert proc.returncode == 2, proc.stderr
    assert str(other) in proc.stderr and expect in proc.stderr, proc.stderr
    assert not out.exists()
    assert proc.stdout == ""


def test_help_and_usage(run_metrosim):
    assert "quantile type 7" in run_metrosim("compare", "--help").stdout
    assert run_metrosim("compare", check=False).returncode == 2
    assert "compare" in run_metrosim("--help").stdout
