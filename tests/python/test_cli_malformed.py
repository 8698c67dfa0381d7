"""Malformed scenarios and region tables through the CLI: for each case `metrosim run` exits with
code 2, prints `file:line: key: ...` naming the problem, and writes no output file (nor a temp)."""
import pathlib
import shutil

import pytest

# (case id, scenario text, expected line, expected key, expected substring of the message)
INI_CASES = [
    ("unknown section", "[hosing]\nnatural_vacancy = 0.1\n", 1, "hosing", "did you mean"),
    ("unknown key", "[housing]\nrent_cap_larg = 0.02\n", 2, "housing.rent_cap_larg", "did you mean"),
    ("duplicate key", "[run]\nsteps = 12\nsteps = 13\n", 3, "run.steps", "line 2"),
    ("not an integer", "[run]\nsteps = 12.5\n", 2, "run.steps", "integer"),
    ("out of range", "[run]\nsteps = 0\n", 2, "run.steps", "[1, 1200]"),
    ("negative unsigned", "[run]\nseed = -1\n", 2, "run.seed", "seed"),
    ("nan", "[housing]\nnatural_vacancy = nan\n", 2, "housing.natural_vacancy", "finite"),
    ("inf", "[agents]\nscale = inf\n", 2, "agents.scale", "finite"),
    ("empty value", "[housing]\nnatural_vacancy =\n", 2, "housing.natural_vacancy", "empty"),
    ("decimal comma", "[housing]\nnatural_vacancy = 0,05\n", 2, "housing.natural_vacancy", "decimal comma"),
    ("trailing garbage", "[housing]\nnatural_vacancy = 0.05x\n", 2, "housing.natural_vacancy", "0.05x"),
    ("inline comment", "[run]\nsteps = 12 # months\n", 2, "run.steps", "comment"),
    ("quoted value", "[run]\nname = \"base\"\n", 2, "run.name", "quote"),
    ("bad enum", "[output]\nprecision = float16\n", 2, "output.precision", "float32"),
    ("bad month", "[run]\nstart = 2015-13\n", 2, "run.start", "YYYY-MM"),
    ("no equals sign", "[run]\nsteps 12\n", 2, "", "="),
    ("per-zone on global key", "[run]\nsteps@08101 = 3\n", 2, "run.steps", "per-zone"),
    ("unknown zone code", "[housing]\nnatural_vacancy@99999 = 0.05\n", 2, "housing.natural_vacancy@99999", "unknown zone code"),
    ("split core code", "[housing]\nnatural_vacancy@08019 = 0.05\n", 2, "housing.natural_vacancy@08019", "0801901"),
    ("missing base", "base = nowhere.ini\n[run]\nsteps = 3\n", 1, "base", "nowhere.ini"),
    ("scale zero", "[agents]\nscale = 0\n", 2, "agents.scale", "(0, 1]"),
    ("every not 1 or 12", "[output]\nevery = 6\n", 2, "output.every", "12"),
]


@pytest.fixture()
def outdir(tmp_path):
    d = tmp_path / "out"
    d.mkdir()
    return d


def assert_refused(proc, path, line, key, fragment, outdir):
    assert proc.returncode == 2, proc.stderr
    text = proc.stderr
    prefix = f"{path}:{line}: {key}" if key else f"{path}:{line}:"
    matching = [l for l in text.splitlines() if l.startswith(prefix)]
    assert matching, f"no line starting with {prefix!r} in:\n{text}"
    assert any(fragment in l for l in matching), f"{fragment!r} not in {matching}"
    assert list(outdir.iterdir()) == [], "something was written"


@pytest.mark.parametrize("case,text,line,key,fragment", INI_CASES, ids=[c[0] for c in INI_CASES])
def test_malformed_scenario_is_refused_through_the_cli(run_metrosim, tmp_path, outdir, case, text,
                                                       line, key, fragment):
    ini = tmp_path / "what-if.ini"
    ini.write_bytes(text.encode())
    proc = run_metrosim("run", ini, "-o", outdir / "out.h5", check=False)
    assert_refused(proc, ini, line, key, fragment, outdir)


def test_bom_and_cyclic_base_are_refused(run_metrosim, tmp_path, outdir):
    ini = tmp_path / "bom.ini"
    ini.write_bytes(b"\xef\xbb\xbf[run]\nsteps = 3\n")
    assert_refused(run_metrosim("run", ini, "-o", outdir / "o.h5", check=False), ini, 1, "",
                   "BOM", outdir)
    a, b = tmp_path / "a.ini", tmp_path / "b.ini"
    a.write_text("base = b.ini\n")
    b.write_text("base = a.ini\n")
    proc = run_metrosim("run", a, "-o", outdir / "o.h5", check=False)
    assert proc.returncode == 2 and "cycl" in proc.stderr, proc.stderr
    assert list(outdir.iterdir()) == []


# (case id, file, (old, new) replacement in that file, expected line, key, message fragment)
CSV_CASES = [
    ("misspelt header", "municipalities.csv", ("census2021_households", "census2021_housholds"), 1, "census2021_housholds", "did you mean"),
    ("missing column", "barcelona-districts.csv", (",rfd_index_2015", ""), 1, "rfd_index_2015", "missing"),
    ("ragged row", "municipalities.csv", (",Badalona,Barcelonès", ",Badalona,Barcelonès,extra"), 2, "", "fields"),
    ("non-numeric", "municipalities.csv", ("224301,41.44702", "224301,north"), 2, "lat", "north"),
    ("decimal comma", "barcelona-districts.csv", ("4.205", "\"4,205\""), 2, "area_km2", "decimal comma"),
    ("negative count", "municipalities.csv", ("83337,91915", "-83337,91915"), 2, "census2021_households", "negative"),
    ("duplicate code", "barcelona-districts.csv", ("2,Eixample", "1,Eixample"), 3, "district_code", "duplicate"),
    ("unknown venue zone", "events.csv", ("2016,2,08101", "2016,2,08199"), 3, "venue_zone", "unknown zone code"),
    ("unknown agency kind", "agencies.csv", ("city_council", "city_counsel"), 3, "kind", "did you mean"),
]


@pytest.mark.parametrize("case,name,change,line,key,fragment", CSV_CASES,
                         ids=[c[0] for c in CSV_CASES])
def test_malformed_region_table_is_refused_through_the_cli(run_metrosim, source_dir, tmp_path,
                                                           outdir, case, name, change, line, key,
                                                           fragment):
    region = tmp_path / "region"
    shutil.copytree(source_dir / "scenarios" / "barcelona-amb", region)
    path = region / name
    text = path.read_text(encoding="utf-8")
    assert change[0] in text, "fixture drift: the shipped file changed"
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    proc = run_metrosim("run", "-o", outdir / "out.h5", "--set", f"region.dir={region}",
                        check=False)
    assert_refused(proc, path, line, key, fragment, outdir)


def test_all_problems_are_reported_at_once(run_metrosim, tmp_path, outdir):
    ini = tmp_path / "many.ini"
    ini.write_text("[run]\nsteps = 0\n[housing]\nnatural_vacancy = 2\nrent_cap_larg = 3\n")
    proc = run_metrosim("run", ini, "-o", outdir / "o.h5", "--set", "agents.scale=5", check=False)
    assert proc.returncode == 2
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert any(l.startswith(f"{ini}:2: run.steps") for l in lines)
    assert any(l.startswith(f"{ini}:4: housing.natural_vacancy") for l in lines)
    assert any(l.startswith(f"{ini}:5: housing.rent_cap_larg") for l in lines)
    assert any(l.startswith("--set:1: agents.scale") for l in lines)
    assert list(outdir.iterdir()) == []


def test_seed_and_steps_errors_name_their_option(run_metrosim, outdir):
    proc = run_metrosim("run", "-o", outdir / "o.h5", "--set", "agents.scale=0.01",
                        "--seed", "-3", "--steps", "0", check=False)
    assert proc.returncode == 2
    lines = proc.stderr.splitlines()
    assert any(l.startswith("--seed:1: run.seed") for l in lines), proc.stderr
    assert any(l.startswith("--steps:1: run.steps") for l in lines), proc.stderr
    assert list(outdir.iterdir()) == []
