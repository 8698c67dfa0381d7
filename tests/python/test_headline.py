"""Headline indicators (/metro/headline_*, /zones/headline_*; sim/model/headline.hpp): each one
equals an independent recomputation from the raw indicators written in the same file, and yearly
output (output.every = 12) keeps a cumulative headline's last month and a stock's first."""
import h5py
import numpy as np
import pytest

from conftest import SMALL_RUN_SCALE, SMALL_RUN_STEPS


def read(f, name):
    return np.asarray(f[name][...], dtype=float)


def theil(benefit, households, in_core):
    """Theil T with its core/periphery decomposition, from the definition (Shorrocks 1980)."""
    keep = households > 0
    b, n, c = benefit[keep], households[keep], in_core[keep]
    mu = np.sum(n * b) / np.sum(n)
    if not mu > 0:
        return np.nan, np.nan, np.nan

    def t(bb, nn):
        m = np.sum(nn * bb) / np.sum(nn)
        r = bb / m
        return np.sum(nn * np.where(r > 0, r * np.log(np.where(r > 0, r, 1)), 0)) / np.sum(nn)

    total = t(b, n)
    between = within = 0.0
    for g in (True, False):
        sel = c == g
        bg = np.sum(n[sel] * b[sel])
        if bg > 0:
            s = bg / np.sum(n * b)
            between += s * np.log((bg / np.sum(n[sel])) / mu)
            within += s * t(b[sel], n[sel])
    return total, between, within


def test_every_headline_has_units_long_name_and_kind(small_run):
    with h5py.File(small_run, "r") as f:
        metro = [k for k in f["metro"] if k.startswith("headline_")]
        zones = [k for k in f["zones"] if k.startswith("headline_")]
        assert len(metro) >= 15 and len(zones) >= 5
        for g, names in (("metro", metro), ("zones", zones)):
            for k in names:
                a = f[g][k].attrs
                assert a["units"] and a["long_name"], k
                assert a["aggregation"] in ("stock", "mean", "cumulative", "flow"), k
        assert f["metro/headline_displaced_cumulative"].attrs["better"] == "lower"
        assert f["metro/headline_jobs_created_workplace"].attrs["better"] == "higher"


def test_metro_headlines_equal_recomputations(small_run):
    with h5py.File(small_run, "r") as f:
        m = lambda k: read(f, "metro/" + k)
        close = lambda a, b: np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-9)
        close(m("headline_displaced_cumulative"),
              np.cumsum(m("displaced_renewal") + m("displaced_eviction")))
        close(m("headline_displaced_renewal_cumulative"), np.cumsum(m("displaced_renewal")))
        close(m("headline_displaced_eviction_cumulative"), np.cumsum(m("displaced_eviction")))
        close(m("headline_displaced_str_cumulative"), np.cumsum(m("displaced_str")))
        close(m("headline_exits_external_cumulative"), np.cumsum(m("exits_external")))
        close(m("headline_tourist_nights_cumulative"), np.cumsum(m("tourist_nights")))
        close(m("headline_hires_cumulative"), np.cumsum(m("hires")))
        close(m("headline_talent_stock"),
              m("talent_students") + m("talent_researchers") + m("talent_skilled"))
        close(m("headline_jobs_created_workplace"), m("jobs") - m("jobs")[0])
        close(m("headline_jobs_created_residence"), m("employed") - m("employed")[0])
        rent = m("rent_market_mean")
        close(m("headline_rent_market_change"), 100 * (rent / rent[0] - 1))
        close(m("headline_str_share"), m("str_share_licensed") + m("str_share_unlicensed"))
        close(m("headline_irritated_share"), m("irritated_share"))
        close(m("headline_pollution_nox"), m("pollution_nox_resident_mean"))
        close(m("headline_welfare_change"), m("welfare_mean") - m("welfare_mean")[0])
        # From the zones: jobs outside the core, pressure, Theil of the benefit.
        core = f["zones/is_core"][:].astype(bool)
        metro_zone = np.array([c != b"EXT" and c != "EXT" for c in f["zones/zone_code"][:]])
        z = lambda k: read(f, "zones/" + k)
        jobs = z("jobs_tourism") + z("jobs_tradable") + z("jobs_local")
        close(m("headline_jobs_outside_core_share"),
              jobs[:, metro_zone & ~core].sum(1) / jobs[:, metro_zone].sum(1))
        hh = z("households")
        p = z("tourism_pressure")
        w = np.where(np.isnan(p) | ~(hh > 0), 0, hh)[:, metro_zone]
        pw = np.where(w > 0, np.nan_to_num(p[:, metro_zone]) * w, 0)
        close(m("headline_tourism_pressure"), pw.sum(1) / w.sum(1))
        hires = np.cumsum(z("hires_residence"), axis=0)
        for t in range(hh.shape[0]):
            b = np.where(hh[t] > 0, hires[t] / np.where(hh[t] > 0, hh[t], 1), 0)
            total, between, within = theil(b[metro_zone], hh[t][metro_zone], core[metro_zone])
            close(m("headline_theil_benefit")[t], total)
            close(m("headline_theil_benefit_between")[t], between)
            close(m("headline_theil_benefit_within")[t], within)
        assert m("headline_displaced_cumulative")[-1] > 0  # not a comparison of zeros


def test_zone_headlines_equal_recomputations(small_run):
    with h5py.File(small_run, "r") as f:
        z = lambda k: read(f, "zones/" + k)
        close = lambda a, b: np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-9)
        close(z("headline_displaced_cumulative"),
              np.cumsum(z("displaced_renewal_out") + z("displaced_eviction_out"), axis=0))
        close(z("headline_exits_external_cumulative"), np.cumsum(z("exits_external"), axis=0))
        hires = np.cumsum(z("hires_residence"), axis=0)
        close(z("headline_hires_residence_cumulative"), hires)
        hh = z("households")
        with np.errstate(divide="ignore", invalid="ignore"):
            close(z("headline_benefit_per_household"), np.where(hh > 0, hires / hh, np.nan))
            rent = z("rent_market")
            close(z("headline_rent_market_change"), 100 * (rent / rent[0] - 1))
        jobs = z("jobs_tourism") + z("jobs_tradable") + z("jobs_local")
        close(z("headline_jobs_created_workplace"), jobs - jobs[0])
        close(z("headline_str_share"), z("str_share_licensed") + z("str_share_unlicensed"))


def test_yearly_output_keeps_cumulatives_last_month_and_stocks_first(small_run, run_metrosim,
                                                                      tmp_path):
    yearly = tmp_path / "yearly.h5"
    run_metrosim("run", "-o", yearly, "--steps", SMALL_RUN_STEPS, "--set",
                 f"agents.scale={SMALL_RUN_SCALE}", "--set", "output.every=12")
    with h5py.File(small_run, "r") as mo, h5py.File(yearly, "r") as yr:
        for name in ("headline_displaced_cumulative", "headline_theil_benefit"):
            assert yr["metro/" + name].attrs["aggregation"] == "cumulative"
            np.testing.assert_array_equal(yr["metro/" + name][:], mo["metro/" + name][[11, 23]])
        np.testing.assert_array_equal(yr["metro/headline_str_share"][:],
                                      mo["metro/headline_str_share"][[0, 12]])
        np.testing.assert_allclose(yr["metro/headline_irritated_share"][:],
                                   [np.nanmean(mo["metro/headline_irritated_share"][:12]),
                                    np.nanmean(mo["metro/headline_irritated_share"][12:])],
                                   rtol=1e-12)
        np.testing.assert_array_equal(yr["zones/headline_displaced_cumulative"][:],
                                      mo["zones/headline_displaced_cumulative"][[11, 23]])


def test_headlines_are_in_the_indicator_table(run_metrosim):
    out = run_metrosim("indicators", "--markdown").stdout
    assert "### /metro headline (time)" in out
    assert "`headline_theil_benefit`" in out and "cumulative (end of month)" in out
