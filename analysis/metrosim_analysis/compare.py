"""Scenario comparison: a baseline and what-ifs, paired replicate by replicate.

The engine runs replicate r of every scenario with the same seed (common random numbers,
docs/OUTPUT.md "Several runs"), so the paired difference ``what-if_r - baseline_r`` removes most of
the random noise that two independent runs would show. This module

* pairs the runs of each what-if with the baseline's by their ``replicate`` index (checking seeds),
* gives paired differences over time (:meth:`Comparison.difference`) and
* a headline table (:meth:`Comparison.headline_table`): for each headline indicator the baseline and
  what-if values and the paired difference, as the median with the 5 % and 95 % quantiles across
  replicates.

Headline values are **read from the engine's indicators, never recomputed**: the variables
``/metro/headline_*`` when the file has them; otherwise an explicit list of engine indicators
(argument ``indicators``, default :data:`FALLBACK_HEADLINE`). An indicator with a time dimension is
summarised by one documented rule (:func:`summarise_time`): flows are summed over the run, means
averaged over it, stocks and cumulative totals (``aggregation = "cumulative"``, the engine's
headline totals since the start) taken at the last period; an indicator without a time dimension
is taken as written. `metrosim compare` applies the same rule.
Quantiles are numpy's default (linear interpolation).
"""
from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
import xarray as xr

from .load import MetrosimData, open_runs

HEADLINE_PREFIX = "headline_"
#: Engine indicators used as the headline when the file has no ``/metro/headline_*`` (issue 5).
FALLBACK_HEADLINE = ("households", "rent_market_mean", "rent_contract_mean", "rent_burden_ltr_mean",
                     "displaced_renewal", "displaced_eviction", "exits_external")
#: Per-zone engine indicators used for "who gains, who pays" when there is no ``/zones/headline_*``.
FALLBACK_ZONE_HEADLINE = ("rent_market", "rent_contract_mean", "rent_burden_ltr_mean",
                          "displaced_renewal_out", "displaced_eviction_out", "exits_external",
                          "households")
#: +1: an increase is good for residents; -1: an increase is a cost to them; 0: no judgement.
#: Engine headline variables may carry their own ``better = "higher" | "lower"`` attribute.
DIRECTIONS = {
    "rent_market": -1, "rent_market_mean": -1, "rent_contract_mean": -1,
    "rent_burden_ltr_mean": -1, "displaced_renewal": -1, "displaced_eviction": -1,
    "displaced_renewal_out": -1, "displaced_eviction_out": -1, "exits_external": -1,
    "unmatched_movers": -1, "income_mean": +1,
}
BAND = (0.05, 0.95)


# -- formatting (shared by the CLI, the tables and the report) ---------------------------------

def format_value(x: float) -> str:
    """Formats a number for tables and the report.

    Rule: NaN -> ``n/a``; exactly 0 -> ``0``; |x| >= 100 -> no decimals, thousands separators
    (``12,345``, ``667``); |x| >= 10 -> one decimal (``37.5``); |x| >= 1 -> two decimals
    (``3.71``); otherwise three significant digits (``0.0756``, ``0.000897``).
    """
    if x is None or not np.isfinite(x):
        return "n/a"
    a = abs(x)
    if a == 0:
        return "0"
    if a >= 100:
        return f"{x:,.0f}"
    if a >= 10:
        return f"{x:.1f}"
    if a >= 1:
        return f"{x:.2f}"
    return f"{x:.3g}"


def format_signed(x: float) -> str:
    """:func:`format_value` with an explicit sign (``+12.5``, ``-0.0031``; U+2212 is not used)."""
    s = format_value(x)
    if s in ("n/a", "0"):
        return s
    return s if s.startswith("-") else "+" + s


def format_percent(x: float) -> str:
    """Signed percentage: one decimal from 1 % (``+3.2 %``), two below (``+0.02 %``), ``0 %``."""
    if x is None or not np.isfinite(x):
        return "n/a"
    if x == 0:
        return "0 %"
    return f"{x:+.1f} %" if abs(x) >= 1 else f"{x:+.2f} %"


# -- reductions over time ----------------------------------------------------------------------

def _per_period_to_total(units: str) -> str:
    for suffix in ("/month", "/year"):
        if units.endswith(suffix):
            return units[: -len(suffix)]
    return units


def _period(da: xr.DataArray, i: int) -> str:
    return str(np.datetime_as_string(da["time"].values[i], unit="M"))


def summarise_time(da: xr.DataArray, how: str = "auto") -> tuple[xr.DataArray, str, str]:
    """Reduces an indicator's time dimension by one documented rule.

    how: ``"auto"`` (a flow is summed, anything else taken at the last period), ``"sum"``,
    ``"mean"``, ``"last"``, ``"first"`` or a month ``"YYYY-MM"``.
    Returns (values without time, a description such as ``"total 2015-01 to 2016-12"`` or
    ``"at 2016-12"``, units after the reduction: a sum of ``households/month`` is ``households``).
    """
    units = str(da.attrs.get("units", ""))
    if "time" not in da.dims:
        return da, "as written", units
    if how == "auto":
        agg = da.attrs.get("aggregation")
        how = "sum" if agg == "flow" else "mean" if agg == "mean" else "last"
    first, last = _period(da, 0), _period(da, -1)
    if how == "sum":
        out = da.sum("time", skipna=False)
        desc, units = f"total {first} to {last}", _per_period_to_total(units)
    elif how == "mean":
        out, desc = da.mean("time", skipna=False), f"mean {first} to {last}"
    elif how == "last":
        out, desc = da.isel(time=-1, drop=True), f"at {last}"
    elif how == "first":
        out, desc = da.isel(time=0, drop=True), f"at {first}"
    else:
        months = np.array([_period(da, i) for i in range(da.sizes["time"])])
        hit = np.flatnonzero(months == how)
        if hit.size == 0:
            raise ValueError(f"{da.name}: no period {how!r} (periods {first} to {last}); use "
                             "auto, sum, mean, last, first or YYYY-MM")
        out, desc = da.isel(time=int(hit[0]), drop=True), f"at {how}"
    out = out.drop_vars([c for c in ("month_index",) if c in out.coords])
    out.attrs = dict(da.attrs, units=units, reduction=desc)
    out.name = da.name
    return out, desc, units


def band(values: np.ndarray, axis: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Median and the 5 % and 95 % quantiles along ``axis`` (numpy's linear interpolation)."""
    q = np.quantile(values, [0.5, BAND[0], BAND[1]], axis=axis)
    return q[0], q[1], q[2]


# -- scenarios -----------------------------------------------------------------------------------

def as_data(x) -> MetrosimData:
    """A path or a MetrosimData -> a MetrosimData with a ``run`` dimension (:func:`open_runs`)."""
    if isinstance(x, MetrosimData):
        if not x.multi:
            return open_runs(x.path)
        return x
    if isinstance(x, (str, os.PathLike)):
        return open_runs(x)
    raise TypeError(f"expected a path or MetrosimData, got {type(x).__name__}")


def scenario_labels(datas: Sequence[MetrosimData]) -> list[str]:
    """The scenario names (``[run] name``), made unique with the file name where they clash."""
    names = [d.name for d in datas]
    out = []
    for d, n in zip(datas, names):
        if names.count(n) > 1:
            n = f"{n} ({os.path.splitext(os.path.basename(d.path))[0]})"
        out.append(n)
    if len(set(out)) < len(out):
        out = [f"{n} #{i}" for i, n in enumerate(out)]
    return out


def headline_names(data: MetrosimData, group: str = "metro",
                   indicators: Iterable[str] | None = None) -> tuple[list[str], str]:
    """The headline indicators of a file and where they come from.

    Returns (names, source): explicit ``indicators`` (source ``"given"``), else the engine's
    ``/<group>/headline_*`` (``"engine headline"``), else the fallback list of engine indicators
    present in the file (``"fallback"``).
    """
    ds = data[group]
    if indicators:
        names = list(indicators)
        missing = [n for n in names if n not in ds.data_vars]
        if missing:
            raise KeyError(f"{data.path}: /{group} has no {', '.join(missing)} "
                           f"(has {', '.join(sorted(map(str, ds.data_vars)))})")
        return names, "given"
    heads = sorted(str(n) for n in ds.data_vars if str(n).startswith(HEADLINE_PREFIX))
    if heads:
        return heads, "engine headline"
    fallback = FALLBACK_HEADLINE if group == "metro" else FALLBACK_ZONE_HEADLINE
    return [n for n in fallback if n in ds.data_vars], "fallback"


def direction(da: xr.DataArray) -> int:
    """+1 if an increase is good for residents, -1 if it is a cost, 0 if not judged."""
    better = str(da.attrs.get("better", "")).lower()
    if better in ("higher", "+1", "up"):
        return 1
    if better in ("lower", "-1", "down"):
        return -1
    return DIRECTIONS.get(str(da.name), 0)


@dataclass
class Pairing:
    """Runs of a what-if paired with the baseline's by replicate index."""
    replicate: np.ndarray
    base_run: np.ndarray  # positions along `run` in the baseline
    whatif_run: np.ndarray  # positions along `run` in the what-if
    seeds_match: bool


def pair_runs(base: MetrosimData, whatif: MetrosimData) -> Pairing:
    """Pairs runs by ``replicate``. Raises ValueError when a file repeats a replicate index (a
    parameter sweep, not a replicate set) or when the two files share no replicate."""
    def table(d):
        m = d["metro"]
        rep = np.asarray(m["replicate"].values if "replicate" in m.coords else np.arange(m.sizes["run"]))
        seed = np.asarray(m["seed"].values if "seed" in m.coords else rep)
        if len(np.unique(rep)) != rep.size:
            raise ValueError(f"{d.path}: replicate indices repeat ({d.n_runs} runs): a sweep, not "
                             "a set of replicates of one scenario; select one sweep point first")
        return rep, seed
    rb, sb = table(base)
    rw, sw = table(whatif)
    common = np.intersect1d(rb, rw)
    if common.size == 0:
        raise ValueError(f"{base.path} and {whatif.path} share no replicate index")
    ib = np.array([np.flatnonzero(rb == r)[0] for r in common])
    iw = np.array([np.flatnonzero(rw == r)[0] for r in common])
    return Pairing(common, ib, iw, bool(np.array_equal(sb[ib], sw[iw])))


@dataclass
class Comparison:
    """A baseline and what-ifs opened with :func:`compare`."""
    baseline: MetrosimData
    whatifs: list[MetrosimData]
    labels: list[str]  # baseline first
    indicators: list[str]
    source: str
    pairings: list[Pairing]
    notes: list[str] = field(default_factory=list)

    @property
    def base_label(self) -> str:
        return self.labels[0]

    @property
    def whatif_labels(self) -> list[str]:
        return self.labels[1:]

    def _whatif(self, label: str) -> tuple[MetrosimData, Pairing]:
        k = self.whatif_labels.index(label)
        return self.whatifs[k], self.pairings[k]

    def difference(self, name: str, label: str | None = None, group: str = "metro") -> xr.DataArray:
        """Paired differences ``what-if - baseline`` of an indicator, dims (``pair``, time, ...),
        with coordinate ``replicate`` along ``pair``. ``label`` defaults to the first what-if."""
        w, p = self._whatif(label or self.whatif_labels[0])
        b = self.baseline[group][name]
        x = w[group][name]
        if "run" not in b.dims:  # a static variable
            d = x - b
            d.attrs = dict(b.attrs)
            return d
        bv = b.isel(run=xr.DataArray(p.base_run, dims="pair")).drop_vars(
            [c for c in b.coords if "run" in b[c].dims or c == "run"], errors="ignore")
        wv = x.isel(run=xr.DataArray(p.whatif_run, dims="pair")).drop_vars(
            [c for c in x.coords if "run" in x[c].dims or c == "run"], errors="ignore")
        d = wv - bv
        d = d.assign_coords(replicate=("pair", p.replicate))
        d.attrs = dict(b.attrs)
        d.name = name
        return d

    def headline_table(self, how: str = "auto") -> pd.DataFrame:
        """One row per (indicator, scenario): value median / q05 / q95 across the scenario's runs,
        and for what-ifs the paired difference median / q05 / q95 and its median as a percentage of
        the baseline median. Values are the engine's, reduced over time by :func:`summarise_time`."""
        rows = []
        for name in self.indicators:
            base, desc, units = summarise_time(self.baseline["metro"][name], how)
            bv = np.atleast_1d(base.values)
            bmed, bq05, bq95 = band(bv)
            common = dict(indicator=name, long_name=base.attrs.get("long_name", name), units=units,
                          reduction=desc)
            rows.append(dict(common, scenario=self.base_label, role="baseline", n=bv.size,
                             value=bmed, value_q05=bq05, value_q95=bq95, diff=np.nan,
                             diff_q05=np.nan, diff_q95=np.nan, diff_pct=np.nan))
            for label, w, p in zip(self.whatif_labels, self.whatifs, self.pairings):
                wv = np.atleast_1d(summarise_time(w["metro"][name], how)[0].values)
                d = wv[p.whatif_run] - bv[p.base_run]
                dmed, dq05, dq95 = band(d)
                wmed, wq05, wq95 = band(wv)
                pct = 100.0 * dmed / abs(bmed) if bmed != 0 else np.nan
                rows.append(dict(common, scenario=label, role="what-if", n=d.size, value=wmed,
                                 value_q05=wq05, value_q95=wq95, diff=dmed, diff_q05=dq05,
                                 diff_q95=dq95, diff_pct=pct))
        return pd.DataFrame(rows)

    def zone_table(self, label: str | None = None, names: Iterable[str] | None = None,
                   how: str = "auto") -> pd.DataFrame:
        """Per zone (rows) and zone indicator: baseline median, paired difference median / q05 /
        q95, percentage of the baseline median and whether the sign is consistent (the 5-95 %
        band excludes 0, or a single pair differs from 0). Columns are a MultiIndex
        (indicator, statistic). Zone headline names: ``/zones/headline_*`` or
        :data:`FALLBACK_ZONE_HEADLINE`."""
        label = label or self.whatif_labels[0]
        if names is None:
            names, _ = headline_names(self.baseline, "zones")
        zones = self.baseline["zones"]
        frames = {}
        for name in names:
            if "zone" not in zones[name].dims:
                continue
            d, desc, units = summarise_time(self.difference(name, label, "zones"), how)
            base, _, _ = summarise_time(zones[name], how)
            bmed = np.median(np.atleast_2d(base.transpose(..., "zone").values), axis=0)
            dv = np.atleast_2d(d.transpose(..., "zone").values)
            dmed, dq05, dq95 = band(dv, axis=0)
            with np.errstate(divide="ignore", invalid="ignore"):
                pct = np.where(bmed != 0, 100.0 * dmed / np.abs(bmed), np.nan)
            consistent = (dq05 > 0) | (dq95 < 0) if dv.shape[0] > 1 else dmed != 0
            frames[name] = pd.DataFrame(
                {"baseline": bmed, "diff": dmed, "diff_q05": dq05, "diff_q95": dq95,
                 "diff_pct": pct, "consistent": consistent, "units": units, "reduction": desc},
                index=pd.Index([str(z) for z in zones["zone"].values], name="zone"))
        out = pd.concat(frames, axis=1) if frames else pd.DataFrame()
        if "zone_code" in zones.coords and not out.empty:
            out.insert(0, ("zone_code", ""), [str(c) for c in zones["zone_code"].values])
            out.insert(1, ("is_core", ""), zones["is_core"].values.astype(int))
        return out


def compare(baseline, whatifs: Sequence, indicators: Iterable[str] | None = None,
            labels: Sequence[str] | None = None) -> Comparison:
    """Opens a baseline and what-ifs (paths or MetrosimData; single runs or replicate files) and
    pairs their runs by replicate. ``indicators``: explicit headline list (else the engine's
    ``headline_*``, else :data:`FALLBACK_HEADLINE`)."""
    if not whatifs:
        raise ValueError("compare: give at least one what-if")
    base = as_data(baseline)
    ws = [as_data(w) for w in whatifs]
    labs = list(labels) if labels else scenario_labels([base] + ws)
    if len(labs) != 1 + len(ws):
        raise ValueError(f"compare: {len(labs)} labels for {1 + len(ws)} scenarios")
    names, source = headline_names(base, "metro", indicators)
    if not names:
        raise ValueError(f"{base.path}: none of the headline indicators is in /metro")
    notes = []
    for w in ws:
        missing = [n for n in names if n not in w["metro"].data_vars]
        if missing:
            raise KeyError(f"{w.path}: /metro has no {', '.join(missing)}")
        if w["metro"].sizes["time"] != base["metro"].sizes["time"] or not np.array_equal(
                w["metro"]["time"].values, base["metro"]["time"].values):
            raise ValueError(f"{w.path}: periods differ from the baseline's {base.path}")
        if "zones" in base and "zones" in w and not np.array_equal(
                w["zones"]["zone"].values, base["zones"]["zone"].values):
            raise ValueError(f"{w.path}: zones differ from the baseline's {base.path} "
                             "(another region?)")
    pairings = [pair_runs(base, w) for w in ws]
    for lab, p in zip(labs[1:], pairings):
        if not p.seeds_match:
            msg = (f"{lab}: seeds differ from the baseline's for the same replicate: differences "
                   "are not paired by common random numbers")
            warnings.warn(msg)
            notes.append(msg)
    if source == "fallback":
        notes.append("The engine does not write headline indicators (/metro/headline_*) yet; the "
                     "table shows the engine indicators " + ", ".join(names) + " as written.")
    return Comparison(base, ws, labs, names, source, pairings, notes)


def format_table(table: pd.DataFrame) -> str:
    """The headline table as plain text (one line per indicator and scenario)."""
    cols = ["indicator", "units", "reduction", "scenario", "n", "value [5-95 %]", "difference [5-95 %]", "diff %"]
    lines = []
    for _, r in table.iterrows():
        value = f"{format_value(r.value)} [{format_value(r.value_q05)}, {format_value(r.value_q95)}]"
        if r.role == "baseline":
            diff, pct = "", ""
        else:
            diff = f"{format_signed(r['diff'])} [{format_signed(r.diff_q05)}, {format_signed(r.diff_q95)}]"
            pct = format_percent(r.diff_pct)
        lines.append([r.indicator, r.units, r.reduction, r.scenario, str(r.n), value, diff, pct])
    widths = [max(len(c), *(len(l[i]) for l in lines)) for i, c in enumerate(cols)]
    fmt = "  ".join("{:<%d}" % w for w in widths)
    out = [fmt.format(*cols), fmt.format(*("-" * w for w in widths))]
    out += [fmt.format(*l) for l in lines]
    return "\n".join(out)
