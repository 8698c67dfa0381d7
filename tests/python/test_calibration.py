"""Calibration as a test (issue 5): the 2015–2019 baseline lands inside the bands of
docs/CALIBRATION.md. The bands are read from that page (between `calibration:begin/end`), each row's
id names a function below that computes the model-side quantity from the engine's output; the
median over replicates must lie in [low, high]. An id without a function, or a function without a
row, fails too, so the page and the test stay one list.
"""
import pathlib
import re

import h5py
import numpy as np
import pytest

SCALE = 0.02
STEPS = 60  # 2015-01 .. 2019-12
REPLICATES = 5
HOTEL_NIGHTS_PER_TOURIST = 2.5  # 21.3 M hotel nights / 8.5 M hotel tourists (city, 2019)


def _year(data, year, start_year=2015):
    i = 12 * (year - start_year)
    return data[:, i:i + 12]


def _core_mask(f):
    return f["zones/is_core"][...].astype(bool)


def _core_rent(f):
    core = _core_mask(f)
    rent = f["zones/rent_market"][...][..., core]
    stock = f["zones/dwellings_ltr"][...][..., core]
    return (rent * stock).sum(-1) / stock.sum(-1)  # (run, time)


def _core_hotel_nights(f):
    return f["zones/tourist_nights_hotel"][...][..., _core_mask(f)].sum(-1)


def rent_2019(f):
    return _year(_core_rent(f), 2019).mean(axis=1)


def rent_growth_2014_2019(f):
    return rent_2019(f) / 688.0 - 1.0


def hotel_tourists_2019(f):
    return _year(_core_hotel_nights(f), 2019).sum(axis=1) / HOTEL_NIGHTS_PER_TOURIST / 1e6


def hotel_growth_2015_2016(f):
    n = _core_hotel_nights(f)
    return _year(n, 2016).sum(axis=1) / _year(n, 2015).sum(axis=1) - 1.0


def projects_core_2015_2017(f):
    core = f["zones/projects"][...][..., _core_mask(f)].sum(-1)
    return sum(_year(core, y).sum(axis=1) for y in (2015, 2016, 2017)) / 3.0


def foreign_firms_growth_2017_2019(f):
    stock = f["metro/firms_foreign"][...]
    return _year(stock, 2019)[:, -1] / _year(stock, 2017)[:, 0] - 1.0


QUANTITIES = {fn.__name__: fn for fn in (rent_2019, rent_growth_2014_2019, hotel_tourists_2019,
                                         hotel_growth_2015_2016, projects_core_2015_2017,
                                         foreign_firms_growth_2017_2019)}


def _bands(source_dir):
    text = (pathlib.Path(source_dir) / "docs" / "CALIBRATION.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- calibration:begin -->(.*?)<!-- calibration:end -->", text, re.S)
    assert m, "docs/CALIBRATION.md has no calibration:begin/end block"
    bands = {}
    for line in m.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0].startswith("`"):
            bands[cells[0].strip("`")] = (float(cells[3]), float(cells[4]))
    return bands


@pytest.fixture(scope="module")
def baseline(run_metrosim, tmp_path_factory):
    path = tmp_path_factory.mktemp("calibration") / "baseline.h5"
    run_metrosim("run", "-o", path, "--overwrite", "--steps", STEPS, "--seed", 1,
                 "--replicates", REPLICATES, "--set", f"agents.scale={SCALE}",
                 "--set", "run.start=2015-01", timeout=900)
    return path


def test_every_band_has_a_quantity_and_back(source_dir):
    assert set(_bands(source_dir)) == set(QUANTITIES)


@pytest.mark.parametrize("qid", sorted(QUANTITIES))
def test_baseline_median_lies_in_its_band(baseline, source_dir, qid):
    low, high = _bands(source_dir)[qid]
    with h5py.File(baseline, "r") as f:
        values = QUANTITIES[qid](f)
    median = float(np.median(values))
    assert low <= median <= high, (
        f"{qid}: median {median:.4g} over replicates {np.round(values, 4)} is outside "
        f"[{low}, {high}] (docs/CALIBRATION.md)")
