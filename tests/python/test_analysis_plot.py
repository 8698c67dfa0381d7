"""metrosim_analysis plots (issue 7): each plot function returns its Figure, its axis labels carry
the variable's units, it draws one line (and with replicates one 5-95 % band) per scenario, titles
carry the scenario names, and the plotted y-data equal values read independently with h5py."""
import pathlib
import sys

import h5py
import matplotlib
import numpy as np
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "analysis"))
from metrosim_analysis import (open_run, open_runs, plot_core_periphery,  # noqa: E402
                               plot_metro, plot_zone_map, plot_zones, save_figure)
from metrosim_analysis.__main__ import main  # noqa: E402

ARGS = ["--steps", "12", "--set", "agents.scale=0.01", "--threads", "1", "--seed", "3"]
BAND = "5–95 %"


@pytest.fixture(scope="module")
def scenarios(run_metrosim, tmp_path_factory):
    """A replicated baseline and a replicated what-if (longer leases), 3 replicates each."""
    d = tmp_path_factory.mktemp("plot")
    base, what = d / "base.h5", d / "lease60.h5"
    run_metrosim("run", "-o", base, "--replicates", "3", *ARGS)
    run_metrosim("run", "-o", what, "--replicates", "3", *ARGS, "--set", "run.name=lease60",
                 "--set", "investors.term_before_2019_months=60")
    return base, what


def _h5(path, name):
    with h5py.File(path, "r") as f:
        return f[name][...], f[name].attrs["units"]


def _lines(ax, label):
    return [ln for ln in ax.get_lines() if ln.get_label() == label]


def _bands(ax, label):
    return [c for c in ax.collections if c.get_label() == f"{label} {BAND}"]


def _band_holds(band, lo, hi):
    ys = band.get_paths()[0].vertices[:, 1]
    return all(np.isclose(ys[:, None], v).any(axis=0).all() for v in (lo, hi))


def test_plot_metro_replicates_median_and_band_per_scenario(scenarios):
    base, what = scenarios
    datas = [open_runs(base), open_runs(what)]
    names = ["households", "rent_market_mean", "displaced_renewal"]
    fig = plot_metro(datas, names)
    assert isinstance(fig, matplotlib.figure.Figure)
    assert "baseline" in fig._suptitle.get_text() and "lease60" in fig._suptitle.get_text()
    axes = fig.axes
    assert len(axes) == len(names)
    for ax, name in zip(axes, names):
        for path, lab in ((base, "baseline"), (what, "lease60")):
            values, units = _h5(path, f"metro/{name}")
            assert units in ax.get_ylabel() and name in ax.get_ylabel()
            (line,) = _lines(ax, lab)  # exactly one line per scenario ...
            (band,) = _bands(ax, lab)  # ... and one band
            np.testing.assert_allclose(line.get_ydata(), np.median(values, axis=0), rtol=0, atol=1e-9)
            lo, hi = np.quantile(values, [0.05, 0.95], axis=0)
            assert _band_holds(band, lo, hi)
        assert len(ax.get_lines()) == 2 and len(ax.collections) == 2


def test_plot_metro_single_run_draws_one_line_equal_to_the_file(small_run):
    fig = plot_metro(open_run(small_run), ["rent_market_mean"])
    ax = fig.axes[0]
    values, units = _h5(small_run, "metro/rent_market_mean")
    (line,) = ax.get_lines()
    np.testing.assert_array_equal(line.get_ydata(), values)
    assert not ax.collections
    assert f"[{units}]" in ax.get_ylabel()
    assert "baseline" in fig._suptitle.get_text()


def test_plot_zones_small_multiples(scenarios):
    base, what = scenarios
    picks = ["Eixample", "Gràcia", "Badalona", "Begues"]
    fig = plot_zones({"baseline": base, "lease60": what}, "rent_market", zones=picks, ncols=2)
    assert isinstance(fig, matplotlib.figure.Figure)
    with h5py.File(base, "r") as f:
        zone_names = list(f["zones/zone"].asstr()[...])
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == picks
    assert "EUR/month" in visible[0].get_ylabel()
    for ax, zone in zip(visible, picks):
        z = zone_names.index(zone)
        for path, lab in ((base, "baseline"), (what, "lease60")):
            values, _ = _h5(path, "zones/rent_market")
            (line,) = _lines(ax, lab)
            assert len(_bands(ax, lab)) == 1
            np.testing.assert_allclose(line.get_ydata(), np.median(values[:, :, z], axis=0),
                                       rtol=0, atol=1e-9)
    assert "lease60" in fig._suptitle.get_text()


def test_plot_core_periphery(scenarios):
    base, what = scenarios
    fig = plot_core_periphery([open_runs(base), open_runs(what)], "households")
    ax = fig.axes[0]
    assert "households]" in ax.get_ylabel()
    with h5py.File(base, "r") as f:
        core = f["zones/is_core"][...] == 1
        ext = f["zones/zone_code"].asstr()[...] == "EXT"
    for path, lab in ((base, "baseline"), (what, "lease60")):
        values, _ = _h5(path, "zones/households")
        (c,) = _lines(ax, f"{lab}: core")
        (p,) = _lines(ax, f"{lab}: periphery")
        np.testing.assert_allclose(c.get_ydata(), np.median(values[:, :, core].sum(axis=2), axis=0))
        np.testing.assert_allclose(p.get_ydata(),
                                   np.median(values[:, :, ~core & ~ext].sum(axis=2), axis=0))
    # An intensive indicator: mean weighted by the LTR stock, as the label says.
    fig = plot_core_periphery(open_runs(base), "rent_market")
    ax = fig.axes[0]
    assert "weighted by dwellings_ltr" in ax.get_ylabel() and "EUR/month" in ax.get_ylabel()
    rent, _ = _h5(base, "zones/rent_market")
    w, _ = _h5(base, "zones/dwellings_ltr")
    expected = np.median((rent[:, :, core] * w[:, :, core]).sum(2) / w[:, :, core].sum(2), axis=0)
    np.testing.assert_allclose(_lines(ax, "baseline: core")[0].get_ydata(), expected)


def test_plot_zone_map_points_at_zone_coordinates(small_run):
    fig = plot_zone_map(open_run(small_run), "rent_market")
    ax, cbar = fig.axes
    with h5py.File(small_run, "r") as f:
        lon, lat = f["zones/lon"][...], f["zones/lat"][...]
        keep = f["zones/zone_code"].asstr()[...] != "EXT"
        last = f["zones/rent_market"][-1]
        units = f["zones/rent_market"].attrs["units"]
    (points,) = ax.collections
    np.testing.assert_allclose(points.get_offsets(), np.column_stack([lon[keep], lat[keep]]))
    np.testing.assert_allclose(points.get_array(), last[keep])
    sizes = points.get_sizes()
    assert sizes[np.argmax(last[keep])] == sizes.max()
    assert units in cbar.get_ylabel()
    assert "degrees_east" in ax.get_xlabel() and "degrees_north" in ax.get_ylabel()
    assert "baseline" in fig._suptitle.get_text()


def test_save_figure_png_and_svg(small_run, tmp_path):
    fig = plot_metro(open_run(small_run), ["households"])
    paths = save_figure(fig, str(tmp_path / "m"))
    assert [pathlib.Path(p).suffix for p in paths] == [".png", ".svg"]
    assert pathlib.Path(paths[0]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in pathlib.Path(paths[1]).read_text()


def test_cli_plot_writes_the_default_plots(small_run, tmp_path):
    """The README's first command runs `python3 -m metrosim_analysis plot <run> -o <dir>`."""
    out = tmp_path / "plots"
    assert main(["plot", str(small_run), "-o", str(out), "--zones", "rent_market",
                 "--format", "png"]) == 0  # SVG: test_save_figure_png_and_svg
    for stem in ("metro", "zones_rent_market", "core_periphery_rent_market", "map_rent_market",
                 "core_periphery_households", "map_households"):
        assert (out / f"{stem}.png").stat().st_size > 1000, stem
