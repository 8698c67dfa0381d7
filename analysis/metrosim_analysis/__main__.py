"""Command line: ``python3 -m metrosim_analysis plot|compare|sensitivity|report ...``.

Every command has ``--help``; docs/ANALYSIS.md describes them with examples. Errors (unreadable
file, unknown indicator, ...) print one line ``metrosim_analysis: error: ...`` and exit with 2.
"""
from __future__ import annotations

import argparse
import os
import sys

import matplotlib.pyplot as plt

from . import plot as P
from .compare import compare, format_table, scenario_labels
from .load import MetrosimFormatError, open_runs

METRO_DEFAULT = ["households", "rent_market_mean", "rent_contract_mean", "vacancy_rate_ltr",
                 "displaced_renewal", "displaced_eviction", "exits_external"]
ZONES_DEFAULT = ["rent_market", "households", "vacancy_rate_ltr"]
CORE_PERIPHERY_DEFAULT = ["rent_market", "households"]
MAP_DEFAULT = ["rent_market", "households"]


def _list(text: str | None) -> list[str] | None:
    return [s.strip() for s in text.split(",") if s.strip()] if text else None


def _save(fig, base, formats, written):
    written += P.save_figure(fig, base, formats)
    plt.close(fig)


def cmd_plot(args) -> int:
    datas = [open_runs(p) for p in args.runs]
    labels = _list(args.labels)
    if labels and len(labels) != len(datas):
        raise ValueError(f"--labels has {len(labels)} names for {len(datas)} files")
    scen = dict(zip(labels or scenario_labels(datas), datas))
    formats = _list(args.format)
    first = datas[0]
    written: list[str] = []
    metro = [n for n in (_list(args.metro) or METRO_DEFAULT) if n in first["metro"]]
    if metro:
        _save(P.plot_metro(scen, metro), os.path.join(args.output, "metro"), formats, written)
    zones = _list(args.zones) or ZONES_DEFAULT
    if "zones" in first:
        for name in [n for n in zones if n in first["zones"]]:
            _save(P.plot_zones(scen, name), os.path.join(args.output, f"zones_{name}"), formats, written)
        for name in [n for n in CORE_PERIPHERY_DEFAULT if n in first["zones"]]:
            _save(P.plot_core_periphery(scen, name),
                  os.path.join(args.output, f"core_periphery_{name}"), formats, written)
        if "lon" in first["zones"]:
            for name in [n for n in MAP_DEFAULT if n in first["zones"]]:
                _save(P.plot_zone_map({k: v for k, v in list(scen.items())[:1]}, name),
                      os.path.join(args.output, f"map_{name}"), formats, written)
    print("wrote plots:\n  " + "\n  ".join(written))
    return 0


def cmd_compare(args) -> int:
    cmp = compare(args.baseline, args.whatifs, indicators=_list(args.indicators),
                  labels=_list(args.labels))
    table = cmp.headline_table(args.how)
    print(f"baseline {cmp.base_label}; what-ifs {', '.join(cmp.whatif_labels)}; "
          f"indicators: {cmp.source}")
    for note in cmp.notes:
        print(f"note: {note}")
    print(format_table(table))
    if args.output:
        os.makedirs(args.output, exist_ok=True)
        written = []
        path = os.path.join(args.output, "headline.csv")
        table.to_csv(path, index=False)
        written.append(path)
        for lab in cmp.whatif_labels:
            safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in lab)
            path = os.path.join(args.output, f"zones_{safe}.csv")
            cmp.zone_table(lab).to_csv(path)
            written.append(path)
        timed = [n for n in cmp.indicators if "time" in cmp.baseline["metro"][n].dims]
        if timed:
            datas = dict(zip(cmp.labels, [cmp.baseline] + cmp.whatifs))
            _save(P.plot_metro(datas, timed), os.path.join(args.output, "scenarios"),
                  _list(args.format), written)
            _save(P.plot_differences(cmp, timed), os.path.join(args.output, "differences"),
                  _list(args.format), written)
        print("wrote:\n  " + "\n  ".join(written))
    return 0


def cmd_design(args) -> int:
    from .sensitivity import Parameter, make_design, write_design
    params = [Parameter.parse(s) for s in args.param]
    design = make_design(args.method, params, args.n, seed=args.seed, levels=args.levels,
                         candidates=args.candidates)
    csv, side = write_design(design, args.output, args.method, params, n=args.n, seed=args.seed,
                             levels=args.levels if args.method == "morris" else None,
                             candidates=args.candidates if args.method == "morris" else None)
    print(f"wrote {len(design)} runs of a {args.method} design of {len(params)} parameters:\n"
          f"  {csv}\n  {side}")
    return 0


def cmd_indices(args) -> int:
    from .sensitivity import analyse, read_design_meta
    data = open_runs(args.sweep)
    bounds = None
    if args.design:
        meta = read_design_meta(args.design)
        bounds = {p["key"]: (p["low"], p["high"]) for p in meta["parameters"]}
    res, info = analyse(data, args.output_var, method=args.method, bounds=bounds,
                        n_bootstrap=args.bootstrap, seed=args.seed)
    print(f"{info['method']} indices of {info['label']} from {info['runs']} runs "
          f"({info['points']} design points) of {args.sweep}")
    print(res.to_string(float_format=lambda v: f"{v:.4g}"))
    if args.out_dir:
        os.makedirs(args.out_dir, exist_ok=True)
        written = [os.path.join(args.out_dir, "indices.csv")]
        res.to_csv(written[0])
        title = f"{info['method']}: {info['label']} — {data.name}"
        if info["method"] == "sobol":
            _save(P.plot_sobol(res, title), os.path.join(args.out_dir, "sobol"), _list(args.format), written)
        elif info["method"] == "morris":
            _save(P.plot_morris(res, info["units"], title), os.path.join(args.out_dir, "morris"),
                  _list(args.format), written)
        print("wrote:\n  " + "\n  ".join(written))
    return 0


def cmd_response(args) -> int:
    from .sensitivity import parameter_label, response, surface
    from .load import parameter_name
    data = open_runs(args.sweep)
    os.makedirs(args.out_dir, exist_ok=True)
    written: list[str] = []
    if len(args.param) == 1:
        curve, x, y, da = response(data, args.output_var, args.param[0])
        print(curve.to_string(index=False, float_format=lambda v: f"{v:.5g}"))
        fig = P.plot_response(curve, parameter_label(data, parameter_name(args.param[0])),
                              da.attrs["label"], f"{da.attrs['label']} — {data.name}", (x, y))
        stem = f"response_{parameter_name(args.param[0])}"
    elif len(args.param) == 2:
        s, da = surface(data, args.output_var, args.param[0], args.param[1], stat=args.stat)
        print(s.to_pandas().to_string(float_format=lambda v: f"{v:.5g}"))
        fig = P.plot_heatmap(s, parameter_label(data, parameter_name(args.param[0])),
                             parameter_label(data, parameter_name(args.param[1])),
                             f"{args.stat} of {da.attrs['label']}", f"{data.name}")
        stem = f"heatmap_{parameter_name(args.param[0])}_{parameter_name(args.param[1])}"
    else:
        raise ValueError("give one --param (response curve) or two (heat map)")
    _save(fig, os.path.join(args.out_dir, stem), _list(args.format), written)
    print("wrote:\n  " + "\n  ".join(written))
    return 0


def cmd_report(args) -> int:
    from .report import write_report
    path = write_report(args.baseline, args.whatifs, args.output, title=args.title,
                        indicators=_list(args.indicators),
                        zone_indicators=_list(args.zone_indicators), labels=_list(args.labels))
    print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    fmt = dict(default="png,svg", help="comma-separated figure formats (default: png,svg)")
    parser = argparse.ArgumentParser(
        prog="python3 -m metrosim_analysis",
        description="Read, plot and compare metrosim output; sensitivity designs and indices; "
                    "HTML reports. See docs/ANALYSIS.md.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("plot", help="default plots of one or more runs (scenarios overlaid)",
                       description="Writes metro.(png|svg) (metro indicators over time), "
                       "zones_<indicator> (per-zone small multiples), core_periphery_<indicator> and "
                       "map_<indicator> (point map of the zones, first file). Replicated files "
                       "show the median and a 5-95 %% band.")
    p.add_argument("runs", nargs="+", help="metrosim output files (run or multi-run)")
    p.add_argument("-o", "--output", default="plots", help="output directory (default: plots)")
    p.add_argument("--labels", help="comma-separated scenario labels (default: scenario names)")
    p.add_argument("--metro", help="comma-separated /metro indicators (default: a standard set)")
    p.add_argument("--zones", help="comma-separated /zones indicators for small multiples")
    p.add_argument("--format", **fmt)
    p.set_defaults(func=cmd_plot)

    p = sub.add_parser("compare", help="headline table and paired differences: baseline vs what-ifs",
                       description="Pairs the runs of each what-if with the baseline's by replicate "
                       "and prints the headline table (engine indicators: /metro/headline_* if "
                       "present, else a documented fallback list): medians with 5-95 %% bands and "
                       "paired differences. With -o also writes headline.csv, zones_<what-if>.csv, "
                       "scenarios.(png|svg) and differences.(png|svg).")
    p.add_argument("baseline", help="baseline file")
    p.add_argument("whatifs", nargs="+", help="what-if files")
    p.add_argument("-o", "--output", help="directory for tables and figures")
    p.add_argument("--indicators", help="comma-separated /metro indicators for the table")
    p.add_argument("--labels", help="comma-separated labels, baseline first")
    p.add_argument("--how", default="auto",
                   help="time reduction: auto (flows summed, stocks at the end), sum, mean, last, "
                        "first or YYYY-MM (default: auto)")
    p.add_argument("--format", **fmt)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("sensitivity", help="designs, Sobol/Morris indices, response curves",
                       description="Sensitivity analysis: `design` writes a design CSV for the sweep "
                       "tooling; `indices` computes Sobol (Saltelli/Jansen), Morris or given-data "
                       "indices from a multi-run file; `response` draws response curves and "
                       "two-parameter heat maps.")
    ss = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    d = ss.add_parser("design", help="write a design CSV (+ JSON side file)",
                      description="Methods: saltelli (-n = N base samples, N (k+2) runs), morris "
                      "(-n = trajectories, r (k+1) runs), lhs and sobol (-n = points).")
    d.add_argument("method", choices=["saltelli", "morris", "lhs", "sobol"])
    d.add_argument("-p", "--param", action="append", required=True,
                   help="KEY=LOW:HIGH (append :int for an integer key), repeatable")
    d.add_argument("-n", type=int, required=True, help="base samples / trajectories / points")
    d.add_argument("--seed", type=int, default=None, help="random seed (default: fresh entropy)")
    d.add_argument("--levels", type=int, default=4, help="Morris grid levels (even, default 4)")
    d.add_argument("--candidates", type=int, default=None,
                   help="Morris: choose the trajectories for spread among this many candidates")
    d.add_argument("-o", "--output", required=True, help="design CSV path")
    d.set_defaults(func=cmd_design)

    d = ss.add_parser("indices", help="sensitivity indices from a multi-run file",
                      description="OUTPUT is [group/]name[@zone][:how], e.g. rent_market_mean, "
                      "metro/displaced_renewal:sum, zones/rent_market@Eixample:2016-06.")
    d.add_argument("sweep", help="multi-run file with /runs parameters")
    d.add_argument("--output", dest="output_var", required=True, help="scalar output per run")
    d.add_argument("--method", default="auto", choices=["auto", "sobol", "morris", "given-data"])
    d.add_argument("--design", help="the design CSV or JSON (Morris bounds)")
    d.add_argument("--bootstrap", type=int, default=200, help="Sobol bootstrap resamples (default 200)")
    d.add_argument("--seed", type=int, default=0, help="bootstrap seed")
    d.add_argument("-o", "--out-dir", help="directory for indices.csv and the figure")
    d.add_argument("--format", **fmt)
    d.set_defaults(func=cmd_indices)

    d = ss.add_parser("response", help="response curve (one --param) or heat map (two)")
    d.add_argument("sweep", help="multi-run file with /runs parameters")
    d.add_argument("--output", dest="output_var", required=True, help="scalar output per run")
    d.add_argument("--param", action="append", required=True, help="scenario key, once or twice")
    d.add_argument("--stat", default="median", choices=["median", "mean"], help="heat-map statistic")
    d.add_argument("-o", "--out-dir", default="sensitivity", help="output directory")
    d.add_argument("--format", **fmt)
    d.set_defaults(func=cmd_response)

    p = sub.add_parser("report", help="self-contained HTML report: baseline plus what-ifs",
                       description="Writes one self-contained HTML file (figures embedded, no external "
                       "references) with the headline table (engine indicators, medians with 5-95 %% "
                       "bands and paired differences), who gains and who pays by zone, figures and "
                       "provenance.")
    p.add_argument("baseline", help="baseline file")
    p.add_argument("whatifs", nargs="+", help="what-if files")
    p.add_argument("-o", "--output", default="report.html", help="HTML file (default: report.html)")
    p.add_argument("--title", help="report title")
    p.add_argument("--indicators", help="comma-separated /metro indicators for the headline table")
    p.add_argument("--zone-indicators", help="comma-separated /zones indicators for the zone summary")
    p.add_argument("--labels", help="comma-separated labels, baseline first")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (MetrosimFormatError, FileNotFoundError, FileExistsError, KeyError, ValueError) as e:
        msg = e.args[0] if isinstance(e, KeyError) and e.args else e
        print(f"metrosim_analysis: error: {msg}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head`: stop quietly
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
