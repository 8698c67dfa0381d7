"""Command line: python3 -m metrosim_analysis plot RUN.h5 [-o DIR]."""
from __future__ import annotations

import argparse
import os
import sys

from .load import MetrosimFormatError, open_run
from .plot import plot_metro, plot_zones

METRO_DEFAULT = ["households", "rent_market_mean", "rent_contract_mean", "vacancy_rate_ltr",
                 "displaced_renewal", "displaced_eviction", "exits_external"]
ZONES_DEFAULT = ["rent_market", "households", "vacancy_rate_ltr"]


def cmd_plot(args: argparse.Namespace) -> int:
    groups = open_run(args.run)
    os.makedirs(args.output, exist_ok=True)
    written = []
    metro = groups["metro"]
    names = [n for n in METRO_DEFAULT if n in metro]
    fig = plot_metro(metro, names)
    for ext in ("png", "svg"):
        p = os.path.join(args.output, f"metro.{ext}")
        fig.savefig(p, dpi=110)
        written.append(p)
    for name in ZONES_DEFAULT:
        if name in groups["zones"]:
            p = os.path.join(args.output, f"zones_{name}.png")
            plot_zones(groups["zones"], name).savefig(p, dpi=90)
            written.append(p)
    print("wrote plots:\n  " + "\n  ".join(written))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m metrosim_analysis",
                                     description="Read and plot metrosim output.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("plot", help="plot metro indicators and per-zone small multiples",
                       description="Writes metro.png/.svg and zones_<indicator>.png.")
    p.add_argument("run", help="a metrosim run file (HDF5)")
    p.add_argument("-o", "--output", default="plots", help="output directory (default: plots)")
    p.set_defaults(func=cmd_plot)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (MetrosimFormatError, FileNotFoundError, KeyError) as e:
        print(f"metrosim_analysis: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
