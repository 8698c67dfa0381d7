"""A planner's report: one self-contained HTML file from a baseline and what-ifs.

The file has no external references: styles are inline and figures are embedded as base64 PNG
(``data:`` URIs), so it can be e-mailed or opened offline. It holds

* what each what-if changes (scenario keys that differ from the baseline's resolved scenario),
* the headline table (engine indicators, read not recomputed; medians with 5-95 % replicate bands
  and paired differences, see :mod:`metrosim_analysis.compare`),
* a plain-language summary of who gains and who pays, by zone, from the paired per-zone
  differences (a change is reported when the 5-95 % band of the paired differences excludes zero,
  or, with a single pair, when it is not zero),
* figures: headline indicators over time, paired differences, maps of the zone differences, core
  versus periphery, and provenance (versions, commits, seeds).
"""
from __future__ import annotations

import base64
import datetime as _dt
import html
import io
import os
from typing import Iterable, Sequence

import matplotlib.pyplot as plt
import numpy as np

from . import plot as P
from .compare import (Comparison, compare, direction, format_percent, format_signed,
                      format_value, headline_names, summarise_time)

#: Plain-language phrases for per-zone engine indicators: (who/what, increase, decrease).
PHRASES = {
    "rent_market": ("market rent of new leases", "new tenants pay more", "new tenants pay less"),
    "rent_contract_mean": ("mean contract rent", "sitting tenants pay more", "sitting tenants pay less"),
    "rent_burden_ltr_mean": ("tenants' rent burden", "tenants' rent burden rises",
                             "tenants' rent burden falls"),
    "displaced_renewal_out": ("displacement by rent increases at renewal",
                              "more households are displaced by rent increases at renewal",
                              "fewer households are displaced by rent increases at renewal"),
    "displaced_eviction_out": ("displacement by non-renewal of leases",
                               "more households are displaced by non-renewal",
                               "fewer households are displaced by non-renewal"),
    "exits_external": ("moves out of the metro", "more households leave for the rest of the region",
                       "fewer households leave for the rest of the region"),
    "households": ("resident households", "more households live here", "fewer households live here"),
    # The engine's zone headlines (/zones/headline_*; sim/model/headline.hpp).
    "headline_rent_market_change": ("market rent of new leases, change since the start",
                                    "new tenants pay more", "new tenants pay less"),
    "headline_displaced_cumulative": ("households displaced since the start",
                                      "more households are displaced", "fewer households are displaced"),
    "headline_exits_external_cumulative": ("moves out of the metro since the start",
                                           "more households leave for the rest of the region",
                                           "fewer households leave for the rest of the region"),
    "headline_hires_residence_cumulative": ("jobs taken by residents since the start",
                                            "residents take more jobs", "residents take fewer jobs"),
    "headline_benefit_per_household": ("jobs taken per household since the start",
                                       "residents gain more jobs per household",
                                       "residents gain fewer jobs per household"),
    "headline_jobs_created_workplace": ("net jobs created in the zone", "more jobs are located here",
                                        "fewer jobs are located here"),
    "headline_jobs_created_residence": ("net change of employed residents", "more residents are employed",
                                        "fewer residents are employed"),
    "headline_str_share": ("short-term-rental share of dwellings", "more dwellings are tourist flats",
                           "fewer dwellings are tourist flats"),
}
MAX_ZONES_LISTED = 5

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:1100px;margin:2em auto;
padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.6em 0;font-size:.88em}
th,td{border:1px solid #ccc;padding:.25em .5em;text-align:right;vertical-align:top}
th{background:#f3f3f3}td.l,th.l{text-align:left}
.band{color:#666;font-size:.9em}.pay{color:#a61c00}.gain{color:#1c5fa6}
.note{background:#fff8e1;border-left:4px solid #f0b400;padding:.4em .8em}
figure{margin:1em 0}figure img{max-width:100%;border:1px solid #eee}
figcaption{font-size:.85em;color:#555}code{background:#f5f5f5;padding:0 .2em}
"""


def figure_data_uri(fig: plt.Figure, dpi: int = 100) -> str:
    """The figure as a ``data:image/png;base64,...`` URI (no software metadata); closes it."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _fig(fig: plt.Figure, caption: str) -> str:
    return (f'<figure><img alt="{html.escape(caption)}" src="{figure_data_uri(fig)}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


def parse_resolved(text: str) -> dict[str, str]:
    """``section.key -> value`` from a canonical INI (``scenario_resolved``)."""
    out, section = {}, ""
    for line in (text or "").splitlines():
        s = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not s:
            continue
        if s.startswith("[") and s.endswith("]"):
            section = s[1:-1].strip()
        elif "=" in s:
            k, v = s.split("=", 1)
            out[f"{section}.{k.strip()}" if section else k.strip()] = v.strip()
    return out


def scenario_changes(base_attrs: dict, attrs: dict, ignore=("run.name", "run.seed")) -> list[tuple[str, str, str]]:
    """Scenario keys whose resolved value differs from the baseline's: (key, baseline, what-if)."""
    a = parse_resolved(str(base_attrs.get("scenario_resolved", "")))
    b = parse_resolved(str(attrs.get("scenario_resolved", "")))
    keys = sorted(set(a) | set(b))
    return [(k, a.get(k, "(unset)"), b.get(k, "(unset)")) for k in keys
            if k not in ignore and a.get(k) != b.get(k)]


def _esc(x) -> str:
    return html.escape(str(x))


def _unit(units: str) -> str:
    """`` EUR/month`` for running text; nothing for the dimensionless unit ``1``."""
    return "" if units in ("", "1") else " " + _esc(units)


def _cell(value, q05, q95, signed=False) -> str:
    f = format_signed if signed else format_value
    return (f"{f(value)}<br><span class=band>[{f(q05)}, {f(q95)}]</span>")


def headline_html(cmp: Comparison, t=None) -> str:
    """The headline table as HTML: one row per indicator, baseline value then per what-if its
    value, paired difference and percentage (medians with 5-95 % bands). ``t``: the
    :meth:`Comparison.headline_table` if already computed."""
    t = cmp.headline_table() if t is None else t
    head = ["<tr><th class=l rowspan=2>indicator</th><th class=l rowspan=2>units</th>"
            f"<th rowspan=2>{_esc(cmp.base_label)}"
            + ("" if cmp.base_label == "baseline" else "<br>(baseline)") + "</th>"]
    head += [f"<th colspan=3>{_esc(w)}</th>" for w in cmp.whatif_labels]
    head.append("</tr><tr>" + "<th>value</th><th>difference</th><th>%</th>" * len(cmp.whatifs) + "</tr>")
    rows = []
    for name in cmp.indicators:
        sub = t[t.indicator == name]
        b = sub[sub.role == "baseline"].iloc[0]
        cells = [f"<td class=l><b>{_esc(name)}</b><br><span class=band>{_esc(b.long_name)}; "
                 f"{_esc(b.reduction)}</span></td><td class=l>{_esc(b.units)}</td>",
                 f"<td>{_cell(b.value, b.value_q05, b.value_q95)}</td>"]
        for lab in cmp.whatif_labels:
            r = sub[sub.scenario == lab].iloc[0]
            cells.append(f"<td>{_cell(r.value, r.value_q05, r.value_q95)}</td>"
                         f"<td>{_cell(r['diff'], r.diff_q05, r.diff_q95, signed=True)}</td>"
                         f"<td>{format_percent(r.diff_pct)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>" + "".join(head) + "".join(rows) + "</table>"


def _zone_list(df, name, units, zones) -> str:
    parts = []
    for z in zones[:MAX_ZONES_LISTED]:
        r = df.loc[z, name]
        pct = f", {format_percent(r['diff_pct'])}" if np.isfinite(r["diff_pct"]) else ""
        parts.append(f"{_esc(z)} ({format_signed(r['diff'])}{_unit(units)}{pct})")
    more = len(zones) - MAX_ZONES_LISTED
    return ", ".join(parts) + (f" and {more} more zone{'s' if more > 1 else ''}" if more > 0 else "")


def who_gains_who_pays(cmp: Comparison, label: str, names: Sequence[str] | None = None) -> dict:
    """Per-zone summary of a what-if: for each zone indicator the zones where the paired
    difference is consistently up or down (largest first), classed as ``pays`` / ``gains`` by the
    indicator's direction (:func:`metrosim_analysis.compare.direction`) or ``neutral``.
    Returns {"pays": [html], "gains": [html], "neutral": [html], "quiet": [indicator names],
    "table": the zone table}."""
    zones = cmp.baseline["zones"]
    if names is None:
        names, _ = headline_names(cmp.baseline, "zones")
    names = [n for n in names if "zone" in zones[n].dims]
    df = cmp.zone_table(label, names)
    out = {"pays": [], "gains": [], "neutral": [], "quiet": [], "table": df}
    for name in names:
        sub = df[name]
        units = sub["units"].iloc[0]
        reduction = sub["reduction"].iloc[0]
        cons = sub[sub["consistent"].astype(bool)]
        up = list(cons[cons["diff"] > 0].sort_values("diff", ascending=False).index)
        down = list(cons[cons["diff"] < 0].sort_values("diff").index)
        if not up and not down:
            out["quiet"].append(name)
            continue
        _, inc, dec = PHRASES.get(name, (zones[name].attrs.get("long_name", name),
                                            f"{zones[name].attrs.get('long_name', name)} rises",
                                            f"{zones[name].attrs.get('long_name', name)} falls"))
        sgn = direction(zones[name])
        for zs, phrase, change in ((up, inc, +1), (down, dec, -1)):
            if not zs:
                continue
            text = (f"<b>{_esc(phrase)}</b> ({_esc(name)}, {_esc(reduction)}) in "
                    f"{_zone_list(df, name, units, zs)}.")
            cls = "neutral" if sgn == 0 else ("gains" if sgn * change > 0 else "pays")
            out[cls].append(text)
    return out


def _summary_html(cmp: Comparison, label: str, zone_names, t):
    k = cmp.whatif_labels.index(label)
    p = cmp.pairings[k]
    w = cmp.whatifs[k]
    m = cmp.baseline["metro"]
    period = (f"{np.datetime_as_string(m['time'].values[0], unit='M')} to "
              f"{np.datetime_as_string(m['time'].values[-1], unit='M')}")
    n = len(p.replicate)
    paired = (f"{n} paired replicate{'s' if n > 1 else ''} (same seeds in both: "
              f"{'yes' if p.seeds_match else 'NO'})")
    parts = [f"<h3>{_esc(label)} compared with {_esc(cmp.base_label)}</h3>",
             f"<p>{paired}, {period}. A change is called consistent when the 5–95 % band of the "
             "paired differences excludes zero" + (" (with one pair: when it is not zero; one run "
                                                   "cannot separate policy from chance)" if n < 2 else "")
             + ".</p>"]
    changes = scenario_changes(cmp.baseline.attrs, w.attrs)
    if changes:
        parts.append("<p>What changes: " + "; ".join(
            f"<code>{_esc(k_)}</code> {_esc(a)} → {_esc(b)}" for k_, a, b in changes) + ".</p>")
    items = []
    for name in cmp.indicators:
        r = t[(t.indicator == name) & (t.scenario == label)].iloc[0]
        consistent = (r.diff_q05 > 0 or r.diff_q95 < 0) if n > 1 else r["diff"] != 0
        verdict = "consistent" if consistent else "within replicate noise"
        items.append(f"<li>{_esc(r.long_name)} ({_esc(r.reduction)}): "
                     f"{format_signed(r['diff'])}{_unit(r.units)} ({format_percent(r.diff_pct)}), "
                     f"{verdict}.</li>")
    parts.append("<p><b>Metro area</b> (engine indicators):</p><ul>" + "".join(items) + "</ul>")
    wg = who_gains_who_pays(cmp, label, zone_names)
    for key, title, cls in (("pays", "Who pays", "pay"), ("gains", "Who gains", "gain"),
                            ("neutral", "Other changes", "")):
        if wg[key]:
            parts.append(f"<p class={cls or 'x'}><b>{title}:</b></p><ul>"
                         + "".join(f"<li>{s}</li>" for s in wg[key]) + "</ul>")
    if not wg["pays"] and not wg["gains"]:
        parts.append("<p>No zone shows a consistent gain or cost in the per-zone indicators.</p>")
    if wg["quiet"]:
        parts.append("<p>No consistent zone-level change in: "
                     + ", ".join(f"<code>{_esc(q)}</code>" for q in wg["quiet"]) + ".</p>")
    return "".join(parts), wg["table"]


def _zone_table_html(df, names) -> str:
    names = [n for n in names if n in df.columns.get_level_values(0)]
    head = "<tr><th class=l>zone</th><th class=l>code</th>" + "".join(
        f"<th>{_esc(n)}<br><span class=band>{_esc(df[n]['units'].iloc[0])}</span></th>" for n in names) + "</tr>"
    rows = []
    for z in df.index:
        code = df.loc[z, ("zone_code", "")] if ("zone_code", "") in df.columns else ""
        cells = []
        for n in names:
            r = df.loc[z, n]
            mark = "" if not r["consistent"] else " *"
            cells.append(f"<td>{format_signed(r['diff'])}{mark}</td>")
        rows.append(f"<tr><td class=l>{_esc(z)}</td><td class=l>{_esc(code)}</td>{''.join(cells)}</tr>")
    return "<table>" + head + "".join(rows) + "</table>"


def _provenance_html(cmp: Comparison) -> str:
    rows = []
    keys = ("scenario_name", "metrosim_version", "git_commit", "start", "steps", "output_every",
            "created_utc")
    head = "<tr><th class=l>file</th>" + "".join(f"<th class=l>{k}</th>" for k in keys) + \
        "<th class=l>runs</th><th class=l>seeds</th></tr>"
    for d in [cmp.baseline] + cmp.whatifs:
        seeds = d["metro"]["seed"].values if "seed" in d["metro"].coords else []
        rows.append("<tr><td class=l>" + _esc(os.path.basename(d.path)) + "</td>"
                    + "".join(f"<td class=l>{_esc(d.attrs.get(k, ''))}</td>" for k in keys)
                    + f"<td class=l>{d.n_runs}</td><td class=l>{_esc(', '.join(map(str, seeds)))}</td></tr>")
    return "<table>" + head + "".join(rows) + "</table>"


def map_indicators(df, zones, names, count: int = 2) -> list[str]:
    """The zone indicators to map for a what-if: those judged as gain or cost first, then by the
    number of zones with a consistent change (most first), ties in the given order."""
    cands = [n for n in names if n in df.columns.get_level_values(0)]
    return sorted(cands, key=lambda n: (direction(zones[n]) == 0,
                                        -int(df[n]["consistent"].astype(bool).sum())))[:count]


def render_report(cmp: Comparison, title: str | None = None,
                  zone_indicators: Sequence[str] | None = None) -> str:
    """The report of a :class:`Comparison` as one HTML string."""
    labels = cmp.labels
    title = title or f"metrosim: {cmp.base_label} and what-ifs " + ", ".join(cmp.whatif_labels)
    zone_names, zone_source = (list(zone_indicators), "given") if zone_indicators else \
        headline_names(cmp.baseline, "zones")
    body = [f"<h1>{_esc(title)}</h1>",
            f"<p>Scenarios: <b>{_esc(cmp.base_label)}</b> (baseline), "
            + ", ".join(f"<b>{_esc(w)}</b>" for w in cmp.whatif_labels)
            + ". Every number in this report is an indicator written by the metrosim engine, read "
            "from its output files and not recomputed; an indicator over time is summarised as its "
            "total over the run (flows), its mean over the run (means) or its value at the last period "
            "(stocks, and cumulative totals such as displacement since the start), as each row says. "
            "Values are medians across replicates with the 5–95 % range in brackets; differences "
            "are paired replicate by replicate (common random numbers).</p>"]
    if cmp.notes:
        body.append("<p class=note>" + "<br>".join(_esc(n) for n in cmp.notes) + "</p>")
    body.append("<h2>Headline indicators</h2>")
    if cmp.source == "engine headline":
        body.append("<p>The engine's headline indicators (<code>/metro/headline_*</code>).</p>")
    table = cmp.headline_table()
    body.append(headline_html(cmp, table))

    body.append("<h2>Who gains, who pays</h2>")
    if zone_source == "fallback":
        body.append("<p class=note>Per-zone engine indicators used (the engine writes no "
                    "<code>/zones/headline_*</code> yet): "
                    + ", ".join(f"<code>{_esc(n)}</code>" for n in zone_names) + ".</p>")
    tables = {}
    for lab in cmp.whatif_labels:
        text, df = _summary_html(cmp, lab, zone_names, table)
        body.append(text)
        tables[lab] = df

    body.append("<h2>Figures</h2>")
    timed = [n for n in cmp.indicators if "time" in cmp.baseline["metro"][n].dims]
    datas = dict(zip(labels, [cmp.baseline] + cmp.whatifs))
    if timed:
        body.append(_fig(P.plot_metro(datas, timed), "Headline indicators over time: median across "
                         "replicates, band 5–95 %."))
        body.append(_fig(P.plot_differences(cmp, timed), "Paired differences what-if − baseline "
                         "over time: median across pairs, band 5–95 %."))
    zones = cmp.baseline["zones"]
    has_coords = "lon" in zones and "lat" in zones  # absent when [output] indicators leaves them out
    for lab in (cmp.whatif_labels if has_coords else []):
        for name in map_indicators(tables[lab], zones, zone_names):
            d, _, _ = summarise_time(cmp.difference(name, lab, "zones"))
            vals = d.median("pair") if "pair" in d.dims else d
            vals.attrs = dict(d.attrs)
            vals.name = f"{name} difference"
            fig = P.plot_zone_map(cmp.baseline, values=vals, title=f"{name}: {lab} − {cmp.base_label}")
            body.append(_fig(fig, f"{lab} − {cmp.base_label}: paired difference of {name} by zone "
                              "(median across pairs; point size = size of the change)."))
    if "rent_market" in zones and "is_core" in zones.coords:
        body.append(_fig(P.plot_core_periphery(datas, "rent_market"),
                         "Market rent, core city versus periphery (mean weighted by the LTR stock)."))

    body.append("<h2>Zone details</h2>")
    for lab, df in tables.items():
        body.append(f"<h3>{_esc(lab)} − {_esc(cmp.base_label)}</h3><p>Median paired difference per "
                    "zone; * = consistent (5–95 % band excludes zero).</p>" + _zone_table_html(df, zone_names))
    body.append("<h2>Provenance</h2>" + _provenance_html(cmp))
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    body.append(f"<p class=band>Written by metrosim_analysis on {stamp}.</p>")
    return ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
            f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>"
            + "\n".join(body) + "</body></html>")


def write_report(baseline, whatifs: Sequence, output: str, title: str | None = None,
                 indicators: Iterable[str] | None = None, zone_indicators: Sequence[str] | None = None,
                 labels: Sequence[str] | None = None) -> str:
    """Compares ``baseline`` with ``whatifs`` (paths or MetrosimData) and writes the HTML report to
    ``output``; returns the path."""
    cmp = compare(baseline, whatifs, indicators=indicators, labels=labels)
    text = render_report(cmp, title, zone_indicators)
    d = os.path.dirname(output)
    if d:
        os.makedirs(d, exist_ok=True)
    with open(output, "w", encoding="utf-8") as f:
        f.write(text)
    return output
