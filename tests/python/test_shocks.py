"""The shocks calendar through the CLI: a malformed entry is refused (exit 2, file:line: column,
nothing written); a scenario's extra file adds an entry that the output lists; disabling entries
reproduces the run without them bit for bit; the resolved scenario reproduces a run with an extra
file; `validate` prints the calendar files' SHA-256."""
import csv
import hashlib
import pathlib
import re
import shutil
import sys

import h5py
import numpy as np
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "analysis"))
from metrosim_analysis import applied_shocks  # noqa: E402

ARGS = ["--steps", "14", "--set", "agents.scale=0.01", "--set", "run.start=2021-12"]
HEADER = "id,start,end,target,op,value,source\n"
EXTRA = HEADER + "my-cpi,2022-01,2022-07,economy.cpi_growth,set,0.1,\"test, with a comma\"\n"


def datasets(path):
    """Every indicator dataset of a run file, by path."""
    out = {}
    with h5py.File(path, "r") as f:
        for group in ("metro", "zones"):
            for name, ds in f[group].items():
                out[f"{group}/{name}"] = ds[()]
    return out


def assert_same_data(a, b):
    da, db = datasets(a), datasets(b)
    assert da.keys() == db.keys()
    for name in da:
        floats = np.asarray(da[name]).dtype.kind == "f"
        assert np.array_equal(da[name], db[name], equal_nan=floats), name


def shipped_ids(source_dir):
    lines = (source_dir / "scenarios/barcelona-amb/shocks.csv").read_text().splitlines()[1:]
    return [line.split(",", 1)[0] for line in lines]


@pytest.fixture()
def outdir(tmp_path):
    d = tmp_path / "out"
    d.mkdir()
    return d


def test_a_malformed_entry_is_refused_and_nothing_is_written(run_metrosim, source_dir, tmp_path,
                                                            outdir):
    region = tmp_path / "region"
    shutil.copytree(source_dir / "scenarios" / "barcelona-amb", region)
    path = region / "shocks.csv"
    text = path.read_text(encoding="utf-8")
    old = "cpi-2016,2016-01,2017-01,economy.cpi_growth,set,0.000"
    assert old in text, "fixture drift: the shipped calendar changed"
    path.write_text(text.replace(old, "cpi-2016,2016-01,2017-01,economy.cpi_growth,set,0.9"),
                    encoding="utf-8")
    proc = run_metrosim("run", "-o", outdir / "out.h5", "--set", f"region.dir={region}",
                        check=False)
    assert proc.returncode == 2, proc.stderr
    assert any(l.startswith(f"{path}:3: value: economy.cpi_growth:") and "[-0.2, 0.3]" in l
               for l in proc.stderr.splitlines()), proc.stderr
    assert list(outdir.iterdir()) == []


def test_a_non_dynamic_target_and_an_unknown_disabled_id_are_refused(run_metrosim, tmp_path,
                                                                     outdir):
    (tmp_path / "extra.csv").write_text(HEADER + "x,2016-01,,agents.scale,set,0.5,test\n")
    ini = tmp_path / "s.ini"
    ini.write_text("[shocks]\nextra = extra.csv\ndisable = cpi-20166\n")
    proc = run_metrosim("run", ini, "-o", outdir / "o.h5", check=False)
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert any(l.startswith(f"{tmp_path / 'extra.csv'}:2: target:") and "agents.scale" in l
               for l in lines), proc.stderr
    assert any(l.startswith(f"{ini}:3: shocks.disable:") and "did you mean 'cpi-2016'" in l
               for l in lines), proc.stderr
    assert list(outdir.iterdir()) == []


def test_extra_entries_are_applied_listed_and_reproduced(run_metrosim, source_dir, tmp_path):
    (tmp_path / "extra.csv").write_text(EXTRA)
    ini = tmp_path / "s.ini"
    ini.write_text("[shocks]\nextra = extra.csv\n")
    with_extra, without = tmp_path / "with.h5", tmp_path / "without.h5"
    run_metrosim("run", ini, "-o", with_extra, *ARGS)
    run_metrosim("run", "-o", without, *ARGS)
    table = applied_shocks(with_extra)
    assert list(table["id"]) == shipped_ids(source_dir) + ["my-cpi"]
    row = table.iloc[-1]
    assert (row["start"], row["end"], row["op"], row["value"]) == ("2022-01", "2022-07", "set",
                                                                   "0.1")
    assert row["source"] == "test, with a comma"
    assert row["origin"] == f"{tmp_path / 'extra.csv'}:2"
    # The entry comes after the region's cpi-2022 (6.5 %) and wins: the January 2022 indexation
    # (month 1) raises contract rents by 10 %; stocks observed up to then are identical.
    with h5py.File(with_extra, "r") as a, h5py.File(without, "r") as b:
        ra, rb = a["metro/rent_contract_mean"][:], b["metro/rent_contract_mean"][:]
        assert np.array_equal(ra[:2], rb[:2])
        assert ra[2] / rb[2] > 1.01
        resolved = a.attrs["scenario_resolved"]
        sha = a.attrs["data_sha256"]
    digest = hashlib.sha256(EXTRA.encode()).hexdigest()
    assert f"{digest}  {tmp_path / 'extra.csv'}" in sha
    # The resolved scenario alone reproduces the run bit for bit (the extra path is absolute).
    (tmp_path / "elsewhere").mkdir()
    again_ini = tmp_path / "elsewhere" / "resolved.ini"
    again_ini.write_text(resolved)
    again = tmp_path / "again.h5"
    run_metrosim("run", again_ini, "-o", again, "--threads", "1")
    assert_same_data(with_extra, again)


def test_disabling_every_entry_reproduces_the_run_without_a_calendar(run_metrosim, source_dir,
                                                                     tmp_path):
    none, disabled = tmp_path / "none.h5", tmp_path / "disabled.h5"
    run_metrosim("run", "-o", none, *ARGS, "--set", "shocks.file=")
    run_metrosim("run", "-o", disabled, *ARGS, "--set",
                 "shocks.disable=" + ",".join(shipped_ids(source_dir)))
    assert_same_data(none, disabled)
    assert applied_shocks(disabled).empty
    # And the shipped calendar does act in these months (CPI and wage paths in January 2022).
    shocked = tmp_path / "shocked.h5"
    run_metrosim("run", "-o", shocked, *ARGS)
    with h5py.File(none, "r") as a, h5py.File(shocked, "r") as b:
        assert not np.array_equal(a["metro/rent_contract_mean"][:],
                                  b["metro/rent_contract_mean"][:])


def test_validate_prints_the_calendar_sha256(run_metrosim, source_dir):
    proc = run_metrosim("validate")
    data = (source_dir / "scenarios/barcelona-amb/shocks.csv").read_bytes()
    assert f"# {hashlib.sha256(data).hexdigest()}  shocks.csv" in proc.stdout
    assert "\n[shocks]\n" in proc.stdout


