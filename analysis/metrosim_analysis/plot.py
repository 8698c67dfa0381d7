"""Plots of a run: metro indicators over time and per-zone small multiples (PNG and SVG)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import xarray as xr  # noqa: E402


def _label(da: xr.DataArray) -> str:
    return f"{da.name} [{da.attrs.get('units', '?')}]"


def plot_metro(ds: xr.Dataset, names: list[str], title: str = "") -> plt.Figure:
    """One panel per metro indicator over time; y-axis labels carry the units."""
    fig, axes = plt.subplots(len(names), 1, figsize=(8, 2.4 * len(names)), sharex=True,
                             squeeze=False)
    for ax, name in zip(axes[:, 0], names):
        da = ds[name]
        ax.plot(da["time"].values, da.values, label=ds.attrs.get("scenario_name", "run"))
        ax.set_ylabel(_label(da))
        ax.set_title(da.attrs.get("long_name", name), fontsize=9)
        ax.grid(alpha=0.3)
    axes[0, 0].legend(loc="best", fontsize=8)
    fig.suptitle(title or f"metrosim — {ds.attrs.get('scenario_name', '')}")
    fig.tight_layout()
    return fig


def plot_zones(ds: xr.Dataset, name: str, title: str = "", ncols: int = 6) -> plt.Figure:
    """Small multiples of one zone indicator, one panel per zone, shared y-axis."""
    da = ds[name]
    zones = list(da["zone"].values)
    nrows = -(-len(zones) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.6 * ncols, 1.9 * nrows), sharex=True,
                             sharey=True, squeeze=False)
    for k, ax in enumerate(axes.flat):
        if k >= len(zones):
            ax.set_visible(False)
            continue
        ax.plot(da["time"].values, da.isel(zone=k).values, lw=1)
        ax.set_title(str(zones[k]), fontsize=7)
        ax.tick_params(labelsize=6)
        if k % ncols == 0:
            ax.set_ylabel(_label(da), fontsize=7)
    fig.suptitle(title or f"{da.attrs.get('long_name', name)} — {ds.attrs.get('scenario_name', '')}")
    fig.tight_layout()
    return fig
