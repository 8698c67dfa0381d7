"""`metrosim sweep` (docs/SWEEPS.md): design validation before anything runs, the multi-run layout
with every design column in /runs, shards merged into the same file as one unsharded sweep,
resume after an interruption, the MPI launcher, and the sensitivity package reading the file."""
import os
import pathlib
import shutil
import subprocess
import sys

import h5py
import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "analysis"))
from metrosim_analysis.__main__ import main as analysis_main  # noqa: E402

ENGINE_ANY_THREADS = ["--steps", "6", "--set", "agents.scale=0.01", "--seed", "11"]
ENGINE = ENGINE_ANY_THREADS + ["--threads", "1"]
LEASE, EVICT = "investors.term_before_2019_months", "investors.non_renewal_small"
# Root attributes that describe the process that wrote the file, not the runs.
PROCESS_ATTRS = {"created_utc", "command_line", "host", "threads"}
# Dimension-scale bookkeeping (object references, not data).
SCALE_LINKS = ("DIMENSION_LIST", "REFERENCE_LIST")


def write_design(folder, text, name="design.csv"):
    path = folder / name
    path.write_text(text)
    return path


GRID = f"design_point,{LEASE},{EVICT}\n0,12,0.02\n1,60,0.02\n2,60,0.1\n"


def sweep(run_metrosim, design, out, *extra, check=True):
    return run_metrosim("sweep", design, "--out", out, *ENGINE, *extra, check=check)


def all_datasets(path):
    items = {}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                attrs = {k: (v.tobytes() if isinstance(v, np.ndarray) else v)
                         for k, v in obj.attrs.items() if k not in SCALE_LINKS}
                items[name] = (obj.dtype.str, obj.shape, obj[()].tobytes()
                               if obj.dtype.kind != "O" else list(obj.asstr()[()]), attrs)
        f.visititems(visit)
        root = {k: v for k, v in f.attrs.items() if k not in PROCESS_ATTRS}
    return items, root


def assert_same_file(a, b):
    da, ra = all_datasets(a)
    db, rb = all_datasets(b)
    assert sorted(da) == sorted(db)
    for name in da:
        assert da[name] == db[name], name
    assert ra.keys() == rb.keys()
    for k in ra:
        assert np.array_equal(ra[k], rb[k]), k


@pytest.fixture(scope="module")
def grid(run_metrosim, tmp_path_factory):
    folder = tmp_path_factory.mktemp("grid")
    design = write_design(folder, GRID)
    out = folder / "sweep.h5"
    proc = sweep(run_metrosim, design, out, "--replicates", "2")
    return design, out, proc


def test_layout_runs_table_and_run_dimension(grid):
    design, out, proc = grid
    assert not pathlib.Path(str(out) + ".parts").exists()  # parts removed after the merge
    assert "runs/hour" in proc.stderr and "6/6 runs done" in proc.stderr
    with h5py.File(out, "r") as f:
        assert f.attrs["file_kind"] == "sweep"
        assert int(f.attrs["n_runs"]) == 6 and int(f.attrs["sweep_replicates"]) == 2
        assert f["metro/households"].shape == (6, 6)
        assert f["zones/rent_market"].shape == (6, 6, 46)
        runs = f["runs"]
        assert list(runs["point"][:]) == [0, 0, 1, 1, 2, 2]
        assert list(runs["replicate"][:]) == [0, 1] * 3
        assert list(runs["seed"][:]) == [11, 12] * 3  # common random numbers across rows
        assert list(runs["design_point"][:]) == [0, 0, 1, 1, 2, 2]
        assert list(runs["investors__term_before_2019_months"][:]) == [12, 12, 60, 60, 60, 60]
        assert runs["investors__term_before_2019_months"].attrs["units"] == "months"
        assert list(runs["investors__non_renewal_small"][:]) == [0.02, 0.02, 0.02, 0.02, 0.1, 0.1]
        assert runs["design_point"].dtype == np.float64
        rent = f["zones/rent_market"][...]
    # Different rows differ (the keys were applied), and replicates differ (seeds).
    assert not np.array_equal(rent[0], rent[1])
    assert not np.array_equal(rent[0], rent[2])


def test_each_run_is_the_single_run_with_its_keys_and_seed(grid, run_metrosim, tmp_path):
    _, out, _ = grid
    single = tmp_path / "one.h5"
    no_seed = [a for a in ENGINE if a not in ("--seed", "11")]
    run_metrosim("run", "-o", single, *no_seed, "--set", f"{LEASE}=60", "--set", f"{EVICT}=0.1",
                 "--seed", "12")
    with h5py.File(out, "r") as m, h5py.File(single, "r") as s:
        for name in ("metro/households", "zones/rent_market", "zones/moves_out"):
            assert np.array_equal(m[name][5], s[name][...], equal_nan=True), name


def test_shards_merged_equal_the_unsharded_sweep(grid, run_metrosim, tmp_path):
    """Shards on 2, 1 and 2 threads merge into the unsharded (1 thread) sweep's file."""
    design, whole, _ = grid
    out = tmp_path / "sharded.h5"
    for i in range(3):
        threads = str(1 + (i + 1) % 2)
        proc = run_metrosim("sweep", design, "--out", out, *ENGINE_ANY_THREADS, "--replicates",
                            "2", "--threads", threads, "--shard", f"{i}/3")
        assert not out.exists()
    assert "0 of 6 runs still missing" in proc.stderr
    sweep(run_metrosim, design, out, "--replicates", "2", "--merge")
    assert_same_file(whole, out)


def test_merge_of_an_incomplete_sweep_fails_and_names_the_missing_runs(grid, run_metrosim,
                                                                          tmp_path):
    design, _, _ = grid
    out = tmp_path / "partial.h5"
    sweep(run_metrosim, design, out, "--replicates", "2", "--shard", "1/2")
    proc = sweep(run_metrosim, design, out, "--replicates", "2", "--merge", check=False)
    assert proc.returncode == 1 and "incomplete: 3 of 6 runs" in proc.stderr
    assert "runs 0, 2, 4" in proc.stderr and not out.exists()


def test_resume_after_an_interruption_gives_the_same_file(grid, run_metrosim, tmp_path,
                                                           metrosim_bin):
    design, whole, _ = grid
    out = tmp_path / "resumed.h5"
    env = dict(os.environ, METROSIM_SWEEP_STOP_AFTER="2")
    cmd = [str(metrosim_bin), "sweep", str(design), "--out", str(out), "--replicates", "2", *ENGINE]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 1 and "stopped after 2 runs" in proc.stderr
    parts = pathlib.Path(str(out) + ".parts")
    assert sorted(p.name for p in parts.glob("run-*.part")) == ["run-0000000.part",
                                                               "run-0000001.part"]
    assert not out.exists()
    # A torn write leaves only a hidden temp file, which resume ignores.
    (parts / ".run-0000002.part.tmp-1-1-x").write_bytes(b"torn")
    proc = sweep(run_metrosim, design, out, "--replicates", "2")
    assert "resuming: 2 of 6 runs already done" in proc.stderr
    assert_same_file(whole, out)


def test_a_changed_design_is_refused_when_resuming(grid, run_metrosim, tmp_path, metrosim_bin):
    design, _, _ = grid
    out = tmp_path / "changed.h5"
    env = dict(os.environ, METROSIM_SWEEP_STOP_AFTER="1")
    subprocess.run([str(metrosim_bin), "sweep", str(design), "--out", str(out), *ENGINE], env=env,
                   capture_output=True, timeout=240)
    changed = write_design(tmp_path, GRID.replace("0.1\n", "0.15\n"), "changed.csv")
    proc = sweep(run_metrosim, changed, out, check=False)
    assert proc.returncode == 2 and "belongs to another sweep" in proc.stderr
    proc = sweep(run_metrosim, design, out, "--replicates", "3", check=False)
    assert proc.returncode == 2 and "belongs to another sweep" in proc.stderr
    assert not out.exists()


@pytest.mark.parametrize("text, line, key, expected", [
    (f"{LEASE},tourism.tax_per_nite\n12,1\n", 1, "tourism.tax_per_nite", "unknown scenario key"),
    (f"{LEASE}\n12\nabc\n", 3, LEASE, "expected"),
    (f"{LEASE}\n12\n100000\n", 3, LEASE, "expected"),
    (f"{EVICT}\n0.1\n-0.5\n", 3, EVICT, "expected"),
    ("run.seed\n3\n", 1, "run.seed", "cannot vary run.*"),
    ("run.name\nx\n", 1, "run.name", "cannot vary run.*"),
    ("region.municipalities\nx.csv\n", 1, "region.municipalities", "numeric key"),
    (f"{LEASE},{LEASE}\n12,24\n", 1, LEASE, "twice"),
    (f"{LEASE},design_step\n12,one\n", 2, "design_step", "expected a number"),
    ("relocation.amenity@9999999\n0.5\n", 2, "relocation.amenity@9999999", "unknown zone code"),
])
def test_design_errors_exit_2_with_file_line_key_and_write_nothing(run_metrosim, tmp_path, text,
                                                                   line, key, expected):
    design = write_design(tmp_path, text)
    out = tmp_path / "bad.h5"
    proc = sweep(run_metrosim, design, out, check=False)
    assert proc.returncode == 2, proc.stderr
    assert f"{design}:{line}: {key}: " in proc.stderr, proc.stderr
    assert expected in proc.stderr, proc.stderr
    assert not out.exists() and not pathlib.Path(str(out) + ".parts").exists()
    assert list(tmp_path.iterdir()) == [design]


def test_a_design_key_also_given_with_set_is_refused(run_metrosim, tmp_path):
    design = write_design(tmp_path, f"{LEASE}\n12\n")
    proc = sweep(run_metrosim, design, tmp_path / "o.h5", "--set", f"{LEASE}=24", check=False)
    assert proc.returncode == 2 and f"{design}:1: {LEASE}: also given with --set" in proc.stderr


def test_mpi_launcher_gives_the_same_file(grid, tmp_path):
    mpi_bin = os.environ.get("METROSIM_MPI_BIN")
    mpirun = shutil.which("mpirun")
    if not mpi_bin or not mpirun:
        pytest.skip("MPI is not installed (metrosim_mpi not built or no mpirun): "
                    "scripts/install-deps.sh installs openmpi-bin libopenmpi-dev")
    design, whole, _ = grid
    out = tmp_path / "mpi.h5"
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
               OMPI_MCA_rmaps_base_oversubscribe="1")
    proc = subprocess.run([mpirun, "-np", "2", "--oversubscribe", "--bind-to", "none", mpi_bin,
                           "sweep", str(design), "--out", str(out), "--replicates", "2", *ENGINE],
                          env=env, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert_same_file(whole, out)


def test_morris_design_through_the_engine_gives_mu_star(run_metrosim, tmp_path, capsys):
    design = tmp_path / "morris.csv"
    assert analysis_main(["sensitivity", "design", "morris", "-p", f"{LEASE}=12:120:int",
                          "-p", f"{EVICT}=0:0.2", "-n", "2", "--seed", "3",
                          "-o", str(design)]) == 0
    out = tmp_path / "morris.h5"
    sweep(run_metrosim, design, out)
    capsys.readouterr()
    assert analysis_main(["sensitivity", "indices", str(out), "--output",
                          "metro/rent_market_mean:last", "--design", str(design),
                          "-o", str(tmp_path / "ind")]) == 0
    printed = capsys.readouterr().out
    assert "morris indices" in printed
    ind = pd.read_csv(tmp_path / "ind" / "indices.csv", index_col=0)
    assert set(ind.index) == {LEASE, EVICT}
    assert np.all(np.isfinite(ind["mu_star"])) and np.all(ind["mu_star"] >= 0)
    with h5py.File(out, "r") as f:
        assert list(f["runs/design_trajectory"][:]) == [0, 0, 0, 1, 1, 1]


def test_the_file_comparison_sees_a_one_value_change(grid, tmp_path):
    """assert_same_file is what the shard, resume and MPI tests rely on: it must not be vacuous."""
    _, whole, _ = grid
    copy = tmp_path / "copy.h5"
    shutil.copy(whole, copy)
    assert_same_file(whole, copy)
    with h5py.File(copy, "r+") as f:
        f["zones/rent_market"][2, 3, 4] += 1e-9
    with pytest.raises(AssertionError):
        assert_same_file(whole, copy)


def test_slurm_array_script_shards_and_merges(grid, metrosim_bin, source_dir, tmp_path):
    """scripts/slurm/sweep.sbatch run as Slurm would run it (array task ids in the environment,
    then the merge job), without Slurm itself."""
    design, whole, _ = grid
    out = tmp_path / "slurm.h5"
    script = source_dir / "scripts" / "slurm" / "sweep.sbatch"
    base = dict(os.environ, METROSIM=str(metrosim_bin), SLURM_ARRAY_TASK_COUNT="2",
                SLURM_CPUS_PER_TASK="1")
    args = [str(design), str(out), "--replicates", "2", *ENGINE]
    for task in ("0", "1"):
        proc = subprocess.run(["bash", str(script), *args],
                              env=dict(base, SLURM_ARRAY_TASK_ID=task), capture_output=True,
                              text=True, timeout=240)
        assert proc.returncode == 0, proc.stderr
        assert f"shard {task}/2 done" in proc.stderr
    proc = subprocess.run(["bash", str(script), "--merge", *args], env=base, capture_output=True,
                          text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr
    assert_same_file(whole, out)
