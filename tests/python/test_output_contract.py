"""The output contract (docs/OUTPUT.md) as analysts meet it: a small run of the default scenario
opened with xarray through BOTH engines (h5netcdf and netCDF4), times decoded, plus h5py.

Expected values come from the region data (scenarios/barcelona-amb/municipalities.csv), read here
independently of the engine.
"""
import csv
import math
import re

import h5py
import numpy as np
import pandas as pd
import pytest
import xarray as xr

ENGINES = ["h5netcdf", "netcdf4"]
CORE_CODE = "08019"  # Barcelona: split into its 10 districts, zone codes 0801901..0801910
N_DISTRICTS = 10
N_ZONES = 46  # 35 municipalities + 10 districts + EXT
SMALL_RUN_STEPS = 24  # as conftest.small_run runs it
SMALL_RUN_SCALE = 0.01


@pytest.fixture(params=ENGINES)
def engine(request):
    return request.param


@pytest.fixture(scope="module")
def municipalities(source_dir):
    path = source_dir / "scenarios" / "barcelona-amb" / "municipalities.csv"
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))  # strings: INE codes keep their leading zeros
    assert len(rows) == 36, f"{path}: expected the 36 AMB municipalities, found {len(rows)}"
    return rows


@pytest.fixture(scope="module")
def expected_zone_codes(municipalities):
    codes = [row["ine_code"] for row in municipalities]
    assert CORE_CODE in codes
    districts = [f"{CORE_CODE}{d:02d}" for d in range(1, N_DISTRICTS + 1)]
    return sorted([c for c in codes if c != CORE_CODE] + districts + ["EXT"])


def open_group(path, group, engine):
    return xr.open_dataset(path, group=group, engine=engine)  # decode_times left at its default


def test_metro_and_zones_groups_open(small_run, engine):
    for group in ("metro", "zones"):
        with open_group(small_run, group, engine) as ds:
            assert len(ds.data_vars) > 0, f"/{group} has no variables ({engine})"


def test_dimensions_are_time_and_time_zone(small_run, engine):
    with open_group(small_run, "metro", engine) as metro:
        assert metro["households"].dims == ("time",)
        assert metro.sizes["time"] == SMALL_RUN_STEPS
    with open_group(small_run, "zones", engine) as zones:
        assert zones["rent_market"].dims == ("time", "zone")
        assert zones["households"].dims == ("time", "zone")
        assert zones.sizes["time"] == SMALL_RUN_STEPS


def test_zones_are_the_amb_municipalities_with_the_core_split_into_districts(
        small_run, engine, expected_zone_codes):
    with open_group(small_run, "zones", engine) as zones:
        assert zones.sizes["zone"] == N_ZONES
        assert zones["zone"].shape == (N_ZONES,)
        assert zones["zone_code"].dims == ("zone",)
        codes = [str(c) for c in zones["zone_code"].values]
        assert len(set(codes)) == N_ZONES, f"duplicate zone codes: {codes}"
        assert sorted(codes) == expected_zone_codes


def test_time_decodes_to_consecutive_month_starts(small_run, engine):
    expected = pd.date_range("2015-01-01", periods=SMALL_RUN_STEPS, freq="MS")
    for group in ("metro", "zones"):
        with open_group(small_run, group, engine) as ds:
            time = ds["time"]
            assert np.issubdtype(time.dtype, np.datetime64), f"/{group}/time: {time.dtype}"
            assert list(pd.DatetimeIndex(time.values)) == list(expected)
            assert time.encoding.get("units") == "days since 2015-01-01 00:00:00"
            assert time.encoding.get("calendar") == "standard"
            if "month_index" in ds.variables:
                assert list(ds["month_index"].values) == list(range(SMALL_RUN_STEPS))


def test_every_variable_has_units_and_long_name(small_run, engine):
    for group in ("metro", "zones"):
        with open_group(small_run, group, engine) as ds:
            for name, var in ds.data_vars.items():
                for attr in ("units", "long_name"):
                    value = var.attrs.get(attr)
                    assert isinstance(value, str) and value.strip(), \
                        f"/{group}/{name} lacks a non-empty {attr!r} ({engine}): {var.attrs}"
            for name, coord in ds.coords.items():
                if name == "time":
                    continue  # decoded: its units and calendar live in .encoding (checked above)
                assert str(coord.attrs.get("long_name", "")).strip(), \
                    f"/{group}/{name} (coordinate) lacks a long_name ({engine})"


def test_root_attributes_carry_format_and_provenance(small_run, engine):
    with xr.open_dataset(small_run, engine=engine) as root:
        attrs = root.attrs
    for key in ("format_version", "file_kind", "scenario_resolved", "seed", "steps",
                "data_sha256"):
        assert key in attrs, f"root attribute {key!r} missing ({engine}): {sorted(attrs)}"
    assert attrs["format_version"] == "1.1"
    assert attrs["file_kind"] == "run"
    assert isinstance(attrs["scenario_resolved"], str)
    assert re.search(r"^\[agents\]\s*$", attrs["scenario_resolved"], re.M)
    assert re.search(r"^scale\s*=\s*0\.01\s*$", attrs["scenario_resolved"], re.M), \
        "scenario_resolved does not record the --set agents.scale=0.01 override"
    assert int(attrs["steps"]) == SMALL_RUN_STEPS
    assert isinstance(attrs["data_sha256"], str) and attrs["data_sha256"].strip()
    assert int(attrs["seed"]) >= 0


def test_h5py_reads_scalar_string_attributes_as_str(small_run):
    with h5py.File(small_run, "r") as f:
        for key in ("format_version", "file_kind", "scenario_resolved", "data_sha256"):
            assert isinstance(f.attrs[key], str), f"{key}: {type(f.attrs[key])}"
        for group in ("metro", "zones"):
            for name, ds in f[group].items():
                for attr in ("units", "long_name"):
                    if attr in ds.attrs:
                        assert isinstance(ds.attrs[attr], str), f"/{group}/{name}@{attr}"


def test_every_axis_of_every_dataset_has_a_dimension_scale(small_run):
    # h5netcdf refuses unscaled axes; each group carries its own scales (docs/OUTPUT.md).
    with h5py.File(small_run, "r") as f:
        for group in ("metro", "zones"):
            g = f[group]
            for name, ds in g.items():
                if not isinstance(ds, h5py.Dataset) or h5py.h5ds.is_scale(ds.id):
                    continue
                for axis, dim in enumerate(ds.dims):
                    assert len(dim) >= 1, f"/{group}/{name} axis {axis} has no dimension scale"
                    scale_name = dim[0].name.rsplit("/", 1)[-1]
                    assert dim[0].parent.name == g.name, \
                        f"/{group}/{name} axis {axis} uses a scale outside its group"
                    assert scale_name in g, scale_name


def test_metro_households_at_start_match_the_census(small_run, engine, municipalities):
    total = sum(int(row["census2021_households"]) for row in municipalities)
    expected_agents = math.floor(total * SMALL_RUN_SCALE + 0.5)
    with open_group(small_run, "metro", engine) as metro:
        households0 = float(metro["households"].isel(time=0))
    # Indicators are in real units: agents = households × scale.
    assert households0 * SMALL_RUN_SCALE == pytest.approx(expected_agents, abs=1e-6), \
        f"metro households at start {households0} vs census total {total} × {SMALL_RUN_SCALE}"


def test_zone_market_rents_change_over_time(small_run, engine):
    with open_group(small_run, "zones", engine) as zones:
        rent = zones["rent_market"]
        assert zones["rent_market"].attrs["units"] == "EUR/month"
        first = rent.isel(time=0).values
        last = rent.isel(time=-1).values
    assert np.all(np.isfinite(first)) and np.all(np.isfinite(last))
    assert not np.array_equal(first, last), "rent_market is identical in the first and last month"


def test_info_summarises_the_run(run_metrosim, small_run):
    out = run_metrosim("info", small_run).stdout
    assert "format_version 1.1" in out
    assert "/zones" in out and "/metro" in out
    assert "rent_market(time, zone)" in out
    assert "[EUR/month]" in out


def test_info_refuses_a_file_that_is_not_hdf5(run_metrosim, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not an output file\n")
    proc = run_metrosim("info", notes, check=False)
    assert proc.returncode != 0
    assert "not an HDF5 file" in proc.stderr
