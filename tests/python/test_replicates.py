"""`metrosim run --replicates N`: the multi-run layout of docs/OUTPUT.md, and each replicate is
reproduced bit for bit by a single run with its seed (common random numbers across scenarios)."""
import h5py
import numpy as np
import pytest
import xarray as xr

ARGS = ["--steps", "12", "--set", "agents.scale=0.01"]


@pytest.fixture(scope="module")
def replicated(run_metrosim, tmp_path_factory):
    out = tmp_path_factory.mktemp("rep") / "rep.h5"
    run_metrosim("run", "-o", out, "--seed", "5", "--replicates", "3", *ARGS)
    return out


def test_layout_has_a_run_dimension_and_a_runs_table(replicated):
    with h5py.File(replicated, "r") as f:
        assert f.attrs["file_kind"] == "sweep"
        assert int(f.attrs["n_runs"]) == 3
        assert f["metro/households"].shape == (3, 12)
        assert f["zones/rent_market"].shape == (3, 12, 46)
        assert f["zones/lat"].shape == (46,)  # static and identical: written once
        assert list(f["runs/seed"][:]) == [5, 6, 7]
        assert list(f["runs/replicate"][:]) == [0, 1, 2]
    for engine in ("h5netcdf", "netcdf4"):
        zones = xr.open_dataset(replicated, group="zones", engine=engine)
        assert zones["rent_market"].dims == ("run", "time", "zone")
        assert str(zones["time"].values[1])[:10] == "2015-02-01"
        runs = xr.open_dataset(replicated, group="runs", engine=engine)
        assert runs.sizes["run"] == 3


def test_each_replicate_is_the_single_run_with_its_seed(replicated, run_metrosim, tmp_path):
    single = tmp_path / "seed6.h5"
    run_metrosim("run", "-o", single, "--seed", "6", *ARGS)
    with h5py.File(replicated, "r") as m, h5py.File(single, "r") as s:
        for name in ("metro/households", "metro/rent_market_mean", "zones/rent_market",
                     "zones/moves_out"):
            assert np.array_equal(m[name][1], s[name][:], equal_nan=True), name
        # Replicates differ from each other (different seeds).
        assert not np.array_equal(m["zones/rent_market"][0], m["zones/rent_market"][1])
