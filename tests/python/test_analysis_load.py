"""metrosim_analysis loading (issue 7): run and multi-run files written by the engine keep their
dims, dates, coordinates and units; the /runs table becomes coordinates; unreadable files are
refused with a message that says why. Expected values are read independently with h5py."""
import pathlib
import sys

import h5py
import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "analysis"))
from metrosim_analysis import (MetrosimFormatError, open_run, open_runs,  # noqa: E402
                               stack_runs)

ARGS = ["--steps", "12", "--set", "agents.scale=0.01", "--threads", "1"]


@pytest.fixture(scope="module")
def replicated(run_metrosim, tmp_path_factory):
    """`metrosim run --replicates 3 --seed 5` and the three single runs with seeds 5, 6, 7."""
    d = tmp_path_factory.mktemp("load")
    rep = d / "rep.h5"
    run_metrosim("run", "-o", rep, "--seed", "5", "--replicates", "3", *ARGS)
    singles = []
    for seed in (5, 6, 7):
        p = d / f"seed{seed}.h5"
        run_metrosim("run", "-o", p, "--seed", seed, *ARGS)
        singles.append(p)
    return rep, singles


@pytest.mark.parametrize("engine", ["h5netcdf", "netcdf4"])
def test_open_run_keeps_dims_dates_coordinates_and_units(small_run, engine):
    data = open_run(small_run, engine=engine)
    assert {"metro", "zones"} <= set(data)
    with h5py.File(small_run, "r") as f:
        steps = f["metro/time"].shape[0]
        zones = f["zones/zone"].asstr()[...]
        codes = f["zones/zone_code"].asstr()[...]
        for group in ("metro", "zones"):
            ds = data[group]
            for name, h in f[group].items():
                if name in ds.data_vars:
                    np.testing.assert_array_equal(ds[name].values, h[...])
                    assert ds[name].attrs["units"] == h.attrs["units"]
                    assert ds[name].attrs["long_name"] == h.attrs["long_name"]
        assert data.attrs["scenario_name"] == f.attrs["scenario_name"]
    metro, zds = data["metro"], data["zones"]
    assert metro["households"].dims == ("time",)
    assert zds["rent_market"].dims == ("time", "zone")
    assert metro.sizes["time"] == steps
    assert np.issubdtype(metro["time"].dtype, np.datetime64)
    expected = pd.date_range("2015-01-01", periods=steps, freq="MS").values
    np.testing.assert_array_equal(metro["time"].values, expected)
    assert list(zds["zone"].values) == list(zones)
    assert list(zds["rent_market"]["zone_code"].values) == list(codes)
    assert {"zone_code", "zone_municipality", "is_core", "month_index"} <= set(zds.coords)
    assert zds.attrs["format_version"].startswith("1.")
    assert data.name == "baseline" and data.kind == "run" and not data.multi


def test_open_runs_multi_run_file_has_run_dimension_and_runs_table(replicated):
    rep, _ = replicated
    data = open_runs(rep)
    zones = data["zones"]
    assert zones["rent_market"].dims == ("run", "time", "zone")
    assert zones["lat"].dims == ("zone",)
    assert data.n_runs == 3 and data.kind == "sweep" and data.multi
    with h5py.File(rep, "r") as f:
        np.testing.assert_array_equal(zones["rent_market"].values, f["zones/rent_market"][...])
        np.testing.assert_array_equal(zones["seed"].values, f["runs/seed"][...])
        np.testing.assert_array_equal(data["metro"]["replicate"].values, f["runs/replicate"][...])
    assert list(data["metro"]["status"].values) == ["ok"] * 3
    assert data.runs.shape[0] == 3 and list(data.runs["seed"]) == [5, 6, 7]
    assert data.parameters == []  # replicates only: no varied parameter
    assert str(zones["time"].values[1])[:10] == "2015-02-01"
    assert zones["rent_market"].attrs["units"] == "EUR/month"


def test_open_runs_gives_a_single_run_a_run_dimension(small_run):
    data = open_runs(small_run)
    assert data["metro"]["households"].dims == ("run", "time")
    assert data["zones"]["lat"].dims == ("zone",)
    with h5py.File(small_run, "r") as f:
        np.testing.assert_array_equal(data["metro"]["households"].values[0], f["metro/households"][...])
        assert int(data["metro"]["seed"].values[0]) == int(f.attrs["seed"])


def test_open_run_refuses_multi_run_files_with_a_pointer_to_open_runs(replicated):
    with pytest.raises(MetrosimFormatError, match="open_runs"):
        open_run(replicated[0])


def test_stacked_single_runs_equal_the_engines_replicates(replicated, tmp_path):
    """stack_runs (used by the tests to build sweeps) writes exactly the engine's layout."""
    rep, singles = replicated
    out = stack_runs(singles, tmp_path / "stacked.h5", replicates=[0, 1, 2])
    with h5py.File(rep, "r") as a, h5py.File(out, "r") as b:
        names_a, names_b = [], []
        a.visit(names_a.append)
        b.visit(names_b.append)
        assert names_a == names_b
        for n in names_a:
            if isinstance(a[n], h5py.Dataset):
                assert a[n].shape == b[n].shape, n
                assert a[n].dtype.kind == b[n].dtype.kind, n
                np.testing.assert_array_equal(a[n][...], b[n][...], err_msg=n)
                skip = {"DIMENSION_LIST", "REFERENCE_LIST"}
                assert set(a[n].attrs) - skip == set(b[n].attrs) - skip, n
        assert set(a.attrs) == set(b.attrs)
        assert b.attrs["file_kind"] == "sweep" and int(b.attrs["n_runs"]) == 3
    for engine in ("h5netcdf", "netcdf4"):
        data = open_runs(out, engine=engine)
        assert data["zones"]["rent_market"].dims == ("run", "time", "zone")


def test_tidy_dataframe(small_run):
    data = open_run(small_run)
    df = data.tidy("zones", ["rent_market"])
    with h5py.File(small_run, "r") as f:
        values = f["zones/rent_market"][...]
    assert len(df) == values.size
    assert {"time", "zone", "zone_code", "is_core", "variable", "units", "value"} <= set(df.columns)
    assert set(df["units"]) == {"EUR/month"}
    first = df[(df["time"] == df["time"].min())].set_index("zone")["value"]
    np.testing.assert_array_equal(first.loc[data["zones"]["zone"].values].values, values[0])


def test_unreadable_files_are_refused_with_a_reason(small_run, tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        open_run(tmp_path / "missing.h5")
    text = tmp_path / "text.h5"
    text.write_text("not hdf5")
    with pytest.raises(MetrosimFormatError, match="not an HDF5 file"):
        open_run(text)
    for attr, value, message in (("format_version", "2.0", "format_version '2.0'"),
                                 ("file_kind", "checkpoint", "file_kind 'checkpoint'")):
        bad = tmp_path / f"bad_{attr}.h5"
        bad.write_bytes(pathlib.Path(small_run).read_bytes())
        with h5py.File(bad, "r+") as f:
            f.attrs[attr] = value
        with pytest.raises(MetrosimFormatError, match=message):
            open_runs(bad)
    bare = tmp_path / "bare.h5"
    with h5py.File(bare, "w") as f:
        f.attrs["x"] = 1
    with pytest.raises(MetrosimFormatError, match="no format_version"):
        open_run(bare)
