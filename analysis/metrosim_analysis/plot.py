"""Figures of metrosim output (matplotlib, Agg backend): every function returns its Figure, which
:func:`save_figure` writes as PNG and SVG.

Conventions shared by every plot:

* ``runs`` is one scenario or several: a :class:`~metrosim_analysis.load.MetrosimData` (from
  ``open_run``/``open_runs``), a path, an ``xarray.Dataset`` of the group, or a list / dict
  (label -> scenario) of those. Scenario labels are the engine's ``scenario_name`` (made unique with
  the file name where two clash) or the dict keys; titles carry them.
* A scenario with one run draws one line. A scenario with several runs (replicates) draws one line,
  the median across runs, and one band, the 5 %-95 % quantiles (numpy's linear interpolation);
  the band's legend label ends with ``5–95 %``.
* Axis labels carry the variable's ``units`` attribute: ``rent_market [EUR/month]``.
* Scenario i has colour ``C<i>`` in every figure.
"""
from __future__ import annotations

import os
from typing import Iterable, Mapping, Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FixedLocator  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import xarray as xr  # noqa: E402

from .compare import BAND, Comparison, scenario_labels, summarise_time  # noqa: E402
from .load import MetrosimData, is_external, open_runs  # noqa: E402

BAND_LABEL = "5–95 %"
#: Extensive units: zones are summed for core vs periphery.
EXTENSIVE_UNITS = {"households", "dwellings", "persons", "leases"}
#: Weights of intensive zone indicators in core vs periphery means (an engine stock per zone).
WEIGHTS = {"rent_market": "dwellings_ltr", "vacancy_rate_ltr": "dwellings_ltr",
           "rent_contract_mean": "households_ltr", "rent_burden_ltr_mean": "households_ltr",
           "income_mean": "households"}


def save_figure(fig: plt.Figure, base: str, formats: Iterable[str] = ("png", "svg"),
                dpi: int = 110) -> list[str]:
    """Writes ``base.png``, ``base.svg`` (...) without time stamps or software metadata and
    returns the paths."""
    paths = []
    d = os.path.dirname(base)
    if d:
        os.makedirs(d, exist_ok=True)
    for ext in formats:
        path = f"{base}.{ext}"
        meta = {"Software": None} if ext == "png" else {"Date": None, "Creator": None}
        fig.savefig(path, dpi=dpi, metadata=meta)
        paths.append(path)
    return paths


def label(da: xr.DataArray, extra: str = "") -> str:
    """Axis label ``name[ extra] [units]``."""
    name = str(da.name) + (f" {extra}" if extra else "")
    return f"{name} [{da.attrs.get('units', '?')}]"


def _scenarios(runs, group: str) -> list[tuple[str, xr.Dataset]]:
    if isinstance(runs, (str, os.PathLike)):
        runs = open_runs(runs)
    if isinstance(runs, MetrosimData):
        return [(runs.name, runs[group])]
    if isinstance(runs, xr.Dataset):
        return [(str(runs.attrs.get("scenario_name", "run")), runs)]
    if isinstance(runs, Mapping):
        out = []
        for k, v in runs.items():
            out.append((str(k), _scenarios(v, group)[0][1]))
        return out
    items = list(runs)
    datas = [open_runs(x) if isinstance(x, (str, os.PathLike)) else x for x in items]
    if all(isinstance(d, MetrosimData) for d in datas):
        return [(lab, d[group]) for lab, d in zip(scenario_labels(datas), datas)]
    return [s for d in datas for s in _scenarios(d, group)]


def center_band(da: xr.DataArray):
    """(median, q05, q95) across ``run`` as numpy arrays over the remaining dims; q05/q95 are None
    for a single run."""
    if "run" not in da.dims:
        return da.values, None, None
    v = da.transpose("run", ...).values
    if v.shape[0] == 1:
        return v[0], None, None
    q = np.quantile(v, [0.5, BAND[0], BAND[1]], axis=0)
    return q[0], q[1], q[2]


def _draw(ax, x, da, color, lab, lw=1.5, ls="-", band_alpha=0.2):
    mid, lo, hi = center_band(da)
    ax.plot(x, mid, color=color, lw=lw, ls=ls, label=lab)
    if lo is not None:
        ax.fill_between(x, lo, hi, color=color, alpha=band_alpha, lw=0, label=f"{lab} {BAND_LABEL}")


def time_axis(ax, t: np.ndarray, max_ticks: int = 6):
    """Date ticks at calendar-aligned month starts (every 1, 2, 3, 6, 12, 24, ... months, the
    smallest step giving at most ``max_ticks``), fixed rather than matplotlib's AutoDateLocator,
    which is slow over many panels."""
    t = np.asarray(t).astype("datetime64[M]")
    if t.size == 0:
        return
    months = t.astype(np.int64)  # months since 1970-01
    for step in (1, 2, 3, 6, 12, 24, 60, 120, 240, 600):
        ticks = t[months % step == 0]
        if ticks.size <= max_ticks:
            break
    if ticks.size == 0:
        ticks = t[:1]
    ax.xaxis.set_major_locator(FixedLocator(mdates.date2num(ticks.astype("datetime64[D]"))))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y" if step >= 12 else "%Y-%m"))
    ax.set_xlim(mdates.date2num(t[0].astype("datetime64[D]")),
                mdates.date2num(t[-1].astype("datetime64[D]")))


def _layout(fig: plt.Figure):
    """tight_layout, then the suptitle 0.12 inch below the top edge and the axes at least 0.75 inch
    below it (tight_layout alone lets a tall figure's first panel title run into the suptitle)."""
    fig.tight_layout()
    h = fig.get_figheight()
    if fig._suptitle is not None:
        fig._suptitle.set_y(1 - 0.12 / h)
        fig._suptitle.set_verticalalignment("top")
        top = 1 - 0.75 / h
        if fig.subplotpars.top > top:
            fig.subplots_adjust(top=top)


def _title(prefix: str, labels: Sequence[str]) -> str:
    return f"{prefix} — {', '.join(labels)}"


def plot_metro(runs, names: Sequence[str] | None = None, title: str | None = None) -> plt.Figure:
    """Metro indicators over time, one panel per indicator, one line (and band, with replicates)
    per scenario. ``names`` defaults to every time-dependent ``/metro`` indicator."""
    scen = _scenarios(runs, "metro")
    if names is None:
        names = [n for n in scen[0][1].data_vars if "time" in scen[0][1][n].dims]
    names = list(names)
    fig, axes = plt.subplots(len(names), 1, figsize=(8.5, 2.3 * len(names) + 0.8), sharex=True,
                             squeeze=False)
    for ax, name in zip(axes[:, 0], names):
        for i, (lab, ds) in enumerate(scen):
            _draw(ax, ds["time"].values, ds[name], f"C{i}", lab)
        da = scen[0][1][name]
        ax.set_ylabel(label(da), fontsize=8)
        ax.set_title(da.attrs.get("long_name", name), fontsize=8, y=1.0)
        ax.grid(alpha=0.3)
        ax.tick_params(labelsize=7)
        ax.ticklabel_format(axis="y", style="plain", useOffset=False)
        time_axis(ax, scen[0][1]["time"].values)
    axes[0, 0].legend(loc="best", fontsize=7)
    axes[-1, 0].set_xlabel("time [month]")
    fig.suptitle(title or _title("metro indicators", [s[0] for s in scen]), fontsize=10)
    _layout(fig)
    return fig


def plot_zones(runs, name: str, zones: Sequence[str] | None = None, ncols: int = 6,
               title: str | None = None) -> plt.Figure:
    """Small multiples of one zone indicator: one panel per zone (all zones, or ``zones`` by
    name), one line (and band) per scenario, common axis limits."""
    scen = _scenarios(runs, "zones")
    da0 = scen[0][1][name]
    all_names = [str(z) for z in da0["zone"].values]
    picked = list(zones) if zones is not None else all_names
    nrows = -(-len(picked) // ncols)
    # Axes are not `share`d: with dozens of date axes matplotlib's shared autoscaling is quadratic.
    # Common limits are set at the end instead.
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.5 * ncols, 1.8 * nrows + 0.9), squeeze=False)
    lo, hi = np.inf, -np.inf
    for k, ax in enumerate(axes.flat):
        if k >= len(picked):
            ax.set_visible(False)
            continue
        z = all_names.index(picked[k])
        for i, (lab, ds) in enumerate(scen):
            da = ds[name].isel(zone=z)
            _draw(ax, ds["time"].values, da, f"C{i}", lab, lw=1)
            if np.isfinite(da.values).any():
                lo, hi = min(lo, np.nanmin(da.values)), max(hi, np.nanmax(da.values))
        ax.set_title(picked[k], fontsize=7, y=1.0)  # fixed y: skips costly auto-placement
        ax.tick_params(labelsize=6)
        ax.grid(alpha=0.3)
        if k % ncols == 0:
            ax.set_ylabel(label(da0), fontsize=7)
    t = scen[0][1]["time"].values
    pad = 0.05 * (hi - lo) if np.isfinite(hi - lo) and hi > lo else 1.0
    for k, ax in enumerate(axes.flat[: len(picked)]):
        time_axis(ax, t, max_ticks=3)
        if np.isfinite(lo):
            ax.set_ylim(lo - pad, hi + pad)
        if k % ncols:
            ax.tick_params(labelleft=False)
        if k + ncols < len(picked):
            ax.tick_params(labelbottom=False)
        else:
            ax.tick_params(axis="x", labelrotation=30)
    axes[0, 0].legend(loc="best", fontsize=6)
    fig.suptitle(title or _title(da0.attrs.get("long_name", name), [s[0] for s in scen]),
                 fontsize=10)
    # Fixed margins: tight_layout over dozens of panels is slow and gains little here.
    h = fig.get_figheight()
    fig.subplots_adjust(left=0.07, right=0.99, bottom=0.45 / h, top=1 - 0.6 / h, wspace=0.12,
                        hspace=0.45)
    return fig


def core_periphery(ds: xr.Dataset, name: str) -> tuple[xr.DataArray, xr.DataArray, str]:
    """Core (``is_core == 1``) and periphery (the other zones but the external one) series of a
    zone indicator. Extensive indicators (flows; stocks of households, dwellings, persons, leases)
    are summed over the zones; intensive ones are averaged, weighted by the engine stock in
    :data:`WEIGHTS` (unweighted without one), skipping NaN. Returns (core, periphery, how)."""
    da = ds[name]
    core = np.asarray(ds["is_core"].values == 1)
    periphery = ~core & ~is_external(ds)
    units = str(da.attrs.get("units", ""))
    extensive = da.attrs.get("aggregation") == "flow" or units in EXTENSIVE_UNITS
    weight_name = WEIGHTS.get(name) if WEIGHTS.get(name) in ds.data_vars else None

    def agg(mask):
        sub = da.isel(zone=np.flatnonzero(mask))
        if extensive:
            return sub.sum("zone", skipna=False)
        w = ds[weight_name].isel(zone=np.flatnonzero(mask)) if weight_name else xr.ones_like(sub)
        w = w.where(np.isfinite(sub), 0.0)
        return (sub.fillna(0.0) * w).sum("zone") / w.sum("zone")

    how = "sum over zones" if extensive else (f"mean weighted by {weight_name}" if weight_name
                                              else "mean over zones")
    out = []
    for mask in (core, periphery):
        a = agg(mask)
        a.attrs = dict(da.attrs)
        a.name = name
        out.append(a)
    return out[0], out[1], how


def plot_core_periphery(runs, name: str, title: str | None = None) -> plt.Figure:
    """Core city versus periphery over time (see :func:`core_periphery`): solid line = core,
    dashed = periphery, one pair (with bands) per scenario."""
    scen = _scenarios(runs, "zones")
    fig, ax = plt.subplots(figsize=(8.5, 4))
    how = ""
    for i, (lab, ds) in enumerate(scen):
        core, peri, how = core_periphery(ds, name)
        _draw(ax, ds["time"].values, core, f"C{i}", f"{lab}: core")
        _draw(ax, ds["time"].values, peri, f"C{i}", f"{lab}: periphery", ls="--")
    da = scen[0][1][name]
    ax.set_ylabel(label(da, f"({how})"), fontsize=8)
    ax.set_xlabel("time [month]")
    ax.ticklabel_format(axis="y", style="plain", useOffset=False)
    time_axis(ax, scen[0][1]["time"].values)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7)
    fig.suptitle(title or _title(f"{da.attrs.get('long_name', name)}: core vs periphery",
                                 [s[0] for s in scen]), fontsize=10)
    _layout(fig)
    return fig


def zone_values(ds: xr.Dataset, name: str, how: str = "auto") -> xr.DataArray:
    """One value per zone: the indicator reduced over time (:func:`summarise_time`), median over
    runs."""
    da, desc, units = summarise_time(ds[name], how)
    if "run" in da.dims:
        attrs = da.attrs
        da = da.median("run")
        da.attrs = attrs
    return da


def plot_zone_map(runs=None, name: str | None = None, how: str = "auto", values: xr.DataArray | None = None,
                  title: str | None = None, include_external: bool = False,
                  diverging: bool | None = None) -> plt.Figure:
    """A point map of the zones at their ``lon``/``lat``, each point sized by |value| and coloured
    by value (colour bar labelled with the units).

    Values: ``values`` (a DataArray over ``zone``, e.g. a paired difference), or the indicator
    ``name`` of the first scenario of ``runs`` reduced by :func:`zone_values`. Coordinates come
    from ``runs`` (or from ``values``' coordinates). The external zone is left out unless
    ``include_external``. ``diverging`` (default: when values have both signs) uses a colour map
    centred on 0.
    """
    scen = _scenarios(runs, "zones") if runs is not None else []
    if values is None:
        lab, ds = scen[0]
        values = zone_values(ds, name, how)
        labels = [lab]
    else:
        labels = [s[0] for s in scen]
    ds = scen[0][1] if scen else values.to_dataset(name="_v")
    for c in ("lon", "lat"):
        if c not in ds.variables:
            raise KeyError(f"no zone coordinate {c!r} (left out by [output] indicators?)")
    keep = ~is_external(ds) if not include_external else np.ones(ds.sizes["zone"], bool)
    lon = ds["lon"].values[keep]
    lat = ds["lat"].values[keep]
    v = np.asarray(values.values, dtype=float)[keep]
    names = [str(z) for z in ds["zone"].values[keep]]
    finite = np.isfinite(v)
    vmax = np.nanmax(np.abs(v)) if finite.any() else 1.0
    vmax = vmax if vmax > 0 else 1.0
    sizes = np.where(finite, 15 + 285 * np.abs(np.nan_to_num(v)) / vmax, 5)
    if diverging is None:
        diverging = bool(finite.any() and np.nanmin(v) < 0 < np.nanmax(v))
    fig, ax = plt.subplots(figsize=(7.5, 6.2))
    kw = dict(cmap="RdBu_r", vmin=-vmax, vmax=vmax) if diverging else dict(cmap="viridis")
    sc = ax.scatter(lon, lat, s=sizes, c=v, edgecolors="k", linewidths=0.4, **kw)
    for x, y, n in zip(lon, lat, names):
        ax.annotate(n, (x, y), fontsize=5, xytext=(3, 3), textcoords="offset points")
    cb = fig.colorbar(sc, ax=ax, shrink=0.8)
    reduction = values.attrs.get("reduction", "")
    cb.set_label(label(values, f"({reduction})" if reduction else ""), fontsize=8)
    ax.set_xlabel(f"longitude [{ds['lon'].attrs.get('units', 'degrees_east')}]")
    ax.set_ylabel(f"latitude [{ds['lat'].attrs.get('units', 'degrees_north')}]")
    ax.set_aspect(1.0 / np.cos(np.deg2rad(np.nanmean(lat))))
    ax.grid(alpha=0.3)
    long_name = values.attrs.get("long_name", values.name)
    fig.suptitle(title or _title(f"{long_name} by zone", labels), fontsize=10)
    _layout(fig)
    return fig


def plot_differences(cmp: Comparison, names: Sequence[str] | None = None,
                     title: str | None = None) -> plt.Figure:
    """Paired differences what-if - baseline over time, one panel per indicator, one line (median
    over pairs) and band (5-95 %) per what-if."""
    names = list(names or cmp.indicators)
    fig, axes = plt.subplots(len(names), 1, figsize=(8.5, 2.3 * len(names) + 0.8), sharex=True,
                             squeeze=False)
    for ax, name in zip(axes[:, 0], names):
        for i, lab in enumerate(cmp.whatif_labels):
            d = cmp.difference(name, lab)
            _draw(ax, d["time"].values, d.rename(pair="run"), f"C{i + 1}", f"{lab} − {cmp.base_label}")
        ax.axhline(0, color="k", lw=0.6)
        da = cmp.baseline["metro"][name]
        ax.set_ylabel(label(da, "difference"), fontsize=8)
        ax.set_title(da.attrs.get("long_name", name), fontsize=8, y=1.0)
        ax.grid(alpha=0.3)
        ax.tick_params(labelsize=7)
        ax.ticklabel_format(axis="y", style="plain", useOffset=False)
        time_axis(ax, d["time"].values)
    axes[0, 0].legend(loc="best", fontsize=7)
    axes[-1, 0].set_xlabel("time [month]")
    fig.suptitle(title or f"paired differences from {cmp.base_label} — "
                 + ", ".join(cmp.whatif_labels), fontsize=10)
    _layout(fig)
    return fig


# -- sensitivity figures -----------------------------------------------------------------------

def plot_sobol(indices: pd.DataFrame, title: str = "Sobol indices") -> plt.Figure:
    """Bars of first-order (S1) and total (ST) indices per parameter, with their confidence
    half-widths when present (from :func:`metrosim_analysis.sensitivity.sobol_indices`)."""
    fig, ax = plt.subplots(figsize=(1.2 * len(indices) + 3, 3.8))
    x = np.arange(len(indices))
    for off, col, lab in ((-0.2, "S1", "first order S1"), (0.2, "ST", "total ST")):
        err = indices.get(f"{col}_conf")
        ax.bar(x + off, indices[col], 0.4, yerr=None if err is None else err, capsize=3, label=lab)
    ax.set_xticks(x, [str(p) for p in indices.index], rotation=20, ha="right", fontsize=8)
    ax.set_ylabel("share of output variance [1]")
    ax.axhline(0, color="k", lw=0.6)
    ax.legend(fontsize=8)
    ax.set_title(title, fontsize=10)
    _layout(fig)
    return fig


def plot_morris(indices: pd.DataFrame, units: str = "", title: str = "Morris screening") -> plt.Figure:
    """μ* against σ of the elementary effects, one labelled point per parameter."""
    fig, ax = plt.subplots(figsize=(6, 4.6))
    ax.scatter(indices["mu_star"], indices["sigma"])
    for p, r in indices.iterrows():
        ax.annotate(str(p), (r["mu_star"], r["sigma"]), fontsize=7, xytext=(3, 3),
                    textcoords="offset points")
    u = f" [{units} per parameter range]" if units else ""
    ax.set_xlabel("μ* (mean |elementary effect|)" + u)
    ax.set_ylabel("σ (sd of elementary effects)" + u)
    ax.grid(alpha=0.3)
    ax.set_title(title, fontsize=10)
    _layout(fig)
    return fig


def plot_response(curve: pd.DataFrame, x_label: str, y_label: str, title: str = "",
                  points: tuple[np.ndarray, np.ndarray] | None = None) -> plt.Figure:
    """A response curve (from :func:`metrosim_analysis.sensitivity.response_curve`): median line
    and 5-95 % band of the output per parameter value, raw runs as dots."""
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    if points is not None:
        ax.scatter(points[0], points[1], s=8, color="0.6", label="runs", zorder=1)
    ax.plot(curve["x"], curve["median"], "o-", color="C0", label="median", zorder=3)
    if (curve["n"] > 1).any():
        ax.fill_between(curve["x"], curve["q05"], curve["q95"], color="C0", alpha=0.2, lw=0,
                        label=BAND_LABEL)
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7)
    ax.set_title(title, fontsize=10)
    _layout(fig)
    return fig


def plot_heatmap(surface: xr.DataArray, x_label: str, y_label: str, z_label: str,
                 title: str = "") -> plt.Figure:
    """A two-parameter heat map (from :func:`metrosim_analysis.sensitivity.response_surface`):
    cells = parameter levels (or bins), colour = the output statistic, colour bar with units."""
    fig, ax = plt.subplots(figsize=(6.5, 5))
    dx, dy = surface.dims[1], surface.dims[0]
    xs = np.arange(surface.sizes[dx])
    ys = np.arange(surface.sizes[dy])
    m = ax.pcolormesh(np.append(xs, xs[-1] + 1) - 0.5, np.append(ys, ys[-1] + 1) - 0.5,
                      surface.values, cmap="viridis", shading="flat")
    ax.set_xticks(xs, [f"{v:.4g}" for v in surface[dx].values], fontsize=7, rotation=30)
    ax.set_yticks(ys, [f"{v:.4g}" for v in surface[dy].values], fontsize=7)
    for (j, i), v in np.ndenumerate(surface.values):
        if np.isfinite(v):
            ax.text(i, j, f"{v:.4g}", ha="center", va="center", fontsize=6, color="w")
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    cb = fig.colorbar(m, ax=ax)
    cb.set_label(z_label, fontsize=8)
    ax.set_title(title, fontsize=10)
    _layout(fig)
    return fig
