"""Shared fixtures for the Python tests: the built `metrosim` binary, the source tree and one small
run of the default scenario that every test file reuses (`small_run`).

ctest runs these with METROSIM_BIN (path of the built executable) and METROSIM_SOURCE_DIR (repo
root) set. Nothing here skips: a missing binary or a failed run is a test failure with a message
that says what to do.
"""
import os
import pathlib
import subprocess

import pytest

RUN_TIMEOUT_S = 240
SMALL_RUN_STEPS = 24
SMALL_RUN_SCALE = 0.01


def _fail(message):
    pytest.fail(message, pytrace=False)


@pytest.fixture(scope="session")
def metrosim_bin():
    """Path of the built `metrosim` executable, from METROSIM_BIN."""
    value = os.environ.get("METROSIM_BIN")
    if not value:
        _fail("METROSIM_BIN is not set: run the Python tests through ctest (`ctest -R python`), "
              "or export METROSIM_BIN=<build dir>/sim/metrosim before calling pytest")
    path = pathlib.Path(value)
    if not path.is_file() or not os.access(path, os.X_OK):
        _fail(f"METROSIM_BIN={value} is not an executable file: build the `metrosim` target first")
    return path


@pytest.fixture(scope="session")
def source_dir():
    """Repository root, from METROSIM_SOURCE_DIR (or this file's location when unset)."""
    value = os.environ.get("METROSIM_SOURCE_DIR")
    path = pathlib.Path(value) if value else pathlib.Path(__file__).resolve().parents[2]
    if not (path / "scenarios").is_dir():
        _fail(f"METROSIM_SOURCE_DIR={path} does not look like the metrosim repository "
              "(no scenarios/ folder)")
    return path


@pytest.fixture(scope="session")
def run_metrosim(metrosim_bin, tmp_path_factory):
    """Runs `metrosim <args...>` and returns the CompletedProcess (text stdout/stderr).

    check=True (the default) fails the test with the command, exit code and stderr when the
    command exits non-zero; pass check=False to inspect a failure yourself.
    """
    workdir = tmp_path_factory.mktemp("cwd")  # nothing a command writes lands in the repo

    def run(*args, check=True, timeout=RUN_TIMEOUT_S):
        cmd = [str(metrosim_bin), *map(str, args)]
        try:
            proc = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            _fail(f"`{' '.join(cmd)}` did not finish within {timeout} s")
        if check and proc.returncode != 0:
            _fail(f"`{' '.join(cmd)}` exited with {proc.returncode}\n"
                  f"--- stderr ---\n{proc.stderr}\n--- stdout ---\n{proc.stdout}")
        return proc

    return run


@pytest.fixture(scope="session")
def small_run(run_metrosim, tmp_path_factory):
    """Path of a 24-month run of the default scenario at agents.scale = 0.01.

    Session-scoped so every test file shares one run; tests must only read the file.
    """
    path = tmp_path_factory.mktemp("small_run") / "run.h5"
    run_metrosim("run", "-o", path, "--overwrite", "--steps", SMALL_RUN_STEPS,
                 "--set", f"agents.scale={SMALL_RUN_SCALE}")
    if not path.is_file():
        _fail(f"`metrosim run -o {path}` exited 0 but wrote no file")
    return path
