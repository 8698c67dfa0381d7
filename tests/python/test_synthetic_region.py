"""The synthetic region (tests/data/synthetic-region; docs/SCENARIOS.md): it validates, runs
through the same code path as the default region, conserves households month by month, and its
output carries its own zone codes, core flags and headline indicators."""
import h5py
import numpy as np
import pytest

ZONES = ["9900101", "9900102", "99002", "99003", "99004", "99005", "EXT"]


@pytest.fixture(scope="module")
def synthetic_ini(source_dir):
    return source_dir / "tests/data/synthetic-region/synthetic.ini"


@pytest.fixture(scope="module")
def synthetic_run(run_metrosim, synthetic_ini, tmp_path_factory):
    out = tmp_path_factory.mktemp("synthetic") / "synthetic.h5"
    run_metrosim("run", synthetic_ini, "-o", out, "--set", "agents.scale=0.05")
    return out


def test_synthetic_region_validates(run_metrosim, synthetic_ini):
    proc = run_metrosim("validate", synthetic_ini)
    assert "core_municipality = 99001" in proc.stdout


def test_output_has_the_regions_zones(synthetic_run):
    with h5py.File(synthetic_run, "r") as f:
        codes = [c.decode() if isinstance(c, bytes) else c for c in f["zones/zone_code"][:]]
        assert sorted(codes) == sorted(ZONES)
        core = dict(zip(codes, f["zones/is_core"][:]))
        assert core["9900101"] == 1 and core["9900102"] == 1
        assert all(core[c] == 0 for c in ZONES[2:])
        assert int(f.attrs["steps"]) == 24
        assert f["metro/headline_displaced_cumulative"].shape == (24,)
        # The data hashes name the synthetic region's own files.
        assert "tourism.csv" in f.attrs["data_sha256"]
        assert "districts.csv" in f.attrs["data_sha256"]


def test_households_are_conserved(synthetic_run):
    """Households on the first day of month t+1 = those of month t + arrivals housed - exits
    (emigration, talent departures, dissolutions), summed over every zone, the external one
    included: moves only relocate households."""
    with h5py.File(synthetic_run, "r") as f:
        hh = f["zones/households"][:].sum(1)
        arrivals = f["zones/arrivals_in"][:].sum(1)
        exits = f["zones/exits_out"][:].sum(1)
    np.testing.assert_allclose(hh[1:], hh[:-1] + arrivals[:-1] - exits[:-1], rtol=1e-12)
    assert hh[0] > 0
    # Metro households at the start = the census households of the region x the scale, in real
    # units (98,000 in municipalities.csv), up to the rounding of agents.
    with h5py.File(synthetic_run, "r") as f:
        metro0 = f["metro/households"][0]
    assert abs(metro0 - 98000) / 98000 < 0.01
