"""metrosim_analysis planner's report (issue 7): one command turns a baseline and two replicated
what-ifs into one self-contained HTML file whose headline table holds every value formatted from
numbers computed here independently with h5py, with no external (http) reference."""
import html as htmllib
import pathlib
import re
import subprocess
import sys

import h5py
import numpy as np
import pytest

ANALYSIS = pathlib.Path(__file__).resolve().parents[2] / "analysis"
sys.path.insert(0, str(ANALYSIS))
from metrosim_analysis.__main__ import main  # noqa: E402
from metrosim_analysis.compare import (FALLBACK_HEADLINE, format_percent,  # noqa: E402
                                       format_signed, format_value)

ARGS = ["--steps", "12", "--set", "agents.scale=0.01", "--threads", "1", "--seed", "21",
        "--replicates", "3"]


@pytest.fixture(scope="module")
def report(run_metrosim, tmp_path_factory):
    d = tmp_path_factory.mktemp("report")
    base, lease, evict = d / "base.h5", d / "lease.h5", d / "evict.h5"
    run_metrosim("run", "-o", base, *ARGS)
    run_metrosim("run", "-o", lease, *ARGS, "--set", "run.name=lease60",
                 "--set", "investors.term_before_2019_months=60")
    run_metrosim("run", "-o", evict, *ARGS, "--set", "run.name=evict10",
                 "--set", "investors.non_renewal_small=0.1")
    out = d / "out" / "report.html"
    assert main(["report", str(base), str(lease), str(evict), "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8"), base, {"lease60": lease, "evict10": evict}


def _reduce(ds):
    v = ds[...]
    agg = ds.attrs["aggregation"]
    return v.sum(axis=1) if agg == "flow" else v.mean(axis=1) if agg == "mean" else v[:, -1]


def _text(fragment):
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def _row(page, name):
    table = page[page.index("<h2>Headline indicators"):page.index("<h2>Who gains")]
    rows = [r for r in table.split("<tr>") if f"<b>{name}</b>" in r]
    assert len(rows) == 1, name
    return _text(rows[0])


def _in_order(text, needles):
    pos = 0
    for n in needles:
        i = text.find(n, pos)
        assert i >= 0, f"{n!r} not found in order in {text!r}"
        pos = i + len(n)


def test_report_holds_every_headline_value(report):
    page, base, whatifs = report
    with h5py.File(base, "r") as b:
        # The engine's headline indicators (sim/model/headline.hpp), read not recomputed.
        names = sorted(n for n in b["metro"] if n.startswith("headline_"))
        assert names
        for name in names:
            bv = _reduce(b[f"metro/{name}"])
            bmed = np.median(bv)
            expected = [name, format_value(bmed), format_value(np.quantile(bv, 0.05)),
                        format_value(np.quantile(bv, 0.95))]
            for lab in ("lease60", "evict10"):
                with h5py.File(whatifs[lab], "r") as w:
                    wv = _reduce(w[f"metro/{name}"])
                    assert list(w["runs/seed"][...]) == list(b["runs/seed"][...])
                d = wv - bv
                expected += [format_value(np.median(wv)), format_value(np.quantile(wv, 0.05)),
                             format_value(np.quantile(wv, 0.95)), format_signed(np.median(d)),
                             format_signed(np.quantile(d, 0.05)), format_signed(np.quantile(d, 0.95)),
                             format_percent(100 * np.median(d) / abs(bmed)) if bmed else "n/a"]
            _in_order(_row(page, name), expected)


def test_report_is_self_contained(report):
    page = report[0]
    assert "http:" not in page and "https:" not in page and "//" not in re.sub(
        r'src="data:[^"]*"', "", page)
    srcs = re.findall(r'src="([^"]*)"', page)
    assert srcs and all(s.startswith("data:image/png;base64,") for s in srcs)
    assert "<link" not in page and "<script" not in page and "@import" not in page
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


def test_report_says_what_changes_and_who_gains_and_pays_by_zone(report):
    page, base, whatifs = report
    text = _text(page)
    assert "lease60" in text and "evict10" in text and "baseline" in text
    assert "investors.term_before_2019_months 36 → 60" in text
    assert "investors.non_renewal_small 0.02 → 0.1" in text
    assert "not recomputed" in text and "headline_" in text  # engine values, fallback declared
    # The zone listed first under "new tenants pay more" for lease60 is the zone whose market rent
    # (the engine's zone headline: change since the start, %) rises most consistently across the
    # paired replicates, with its median difference.
    with h5py.File(base, "r") as b, h5py.File(whatifs["lease60"], "r") as w:
        zones = b["zones/zone"].asstr()[...]
        name = "zones/headline_rent_market_change"
        d = w[name][:, -1, :] - b[name][:, -1, :]
    med = np.median(d, axis=0)
    q05, q95 = np.quantile(d, [0.05, 0.95], axis=0)
    up = np.flatnonzero(q05 > 0)
    section = page[page.index("<h3>lease60 compared with"):page.index("<h3>evict10 compared with")]
    if up.size:
        top = up[np.argmax(med[up])]
        item = [li for li in section.split("<li>") if "new tenants pay more" in li][0]
        assert _text(item).split(" in ", 1)[1].startswith(
            f"{zones[top]} ({format_signed(med[top])} %")
    else:
        assert "new tenants pay more" not in section


def test_report_help_runs_as_a_module():
    proc = subprocess.run([sys.executable if sys.executable.startswith("/usr/bin/") else
                           "/usr/bin/python3", "-m", "metrosim_analysis", "report", "--help"],
                          cwd=ANALYSIS, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "self-contained HTML" in " ".join(proc.stdout.split())
