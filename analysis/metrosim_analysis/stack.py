"""Stacking single-run files into the multi-run layout (``file_kind = "sweep"``, docs/OUTPUT.md
"Several runs"), for ad hoc sweeps and tests until the engine's sweep tooling writes them.

The result has exactly the layout ``metrosim run --replicates N`` writes: every group with a leading
``run`` dimension on the variables that have a time dimension (static variables stay ``(zone)`` when
identical in every run, else ``(run, zone)``), a ``run`` dimension scale in every group, and
``/runs`` with ``run``, ``replicate`` (int32), ``seed`` (int64), ``status`` (string) plus one float64
variable per varied parameter (``investors.term_before_2019_months`` -> ``investors__term_before_2019_months``) and
any design bookkeeping columns (``design_*``, see :mod:`metrosim_analysis.sensitivity`). The data are
copied unchanged from the engine's run files; nothing is computed.
"""
from __future__ import annotations

import os
import tempfile
from typing import Mapping, Sequence

import h5py
import numpy as np

from .load import MetrosimFormatError, parameter_name, read_root_attrs

_SKIP_ATTRS = {"DIMENSION_LIST", "REFERENCE_LIST", "CLASS", "NAME", "_Netcdf4Dimid",
               "_Netcdf4Coordinates"}
_STR = h5py.string_dtype("utf-8")


def _dims(ds: h5py.Dataset) -> list[str]:
    """Dimension names of a dataset, from its attached dimension scales (or itself if a scale)."""
    if ds.attrs.get("CLASS") == b"DIMENSION_SCALE":
        return [os.path.basename(ds.name)]
    names = []
    for i, dim in enumerate(ds.dims):
        if len(dim) == 0:
            raise MetrosimFormatError(f"{ds.file.filename}: {ds.name} axis {i} has no dimension scale")
        names.append(os.path.basename(dim[0].name))
    return names


def _copy_attrs(src, dst):
    for k, v in src.attrs.items():
        if k in _SKIP_ATTRS:
            continue
        if isinstance(v, bytes):
            v = v.decode("utf-8")
        dst.attrs[k] = v


def _create(g: h5py.Group, name: str, data: np.ndarray, chunk_run: bool):
    if data.dtype.kind in "OUS":
        return g.create_dataset(name, data=np.asarray(data, dtype=object), dtype=_STR)
    if chunk_run and data.ndim >= 2:
        return g.create_dataset(name, data=data, chunks=(1,) + data.shape[1:], compression="gzip",
                                compression_opts=4, shuffle=True)
    return g.create_dataset(name, data=data)


def _read(ds: h5py.Dataset) -> np.ndarray:
    if ds.dtype.kind == "O" or h5py.check_string_dtype(ds.dtype):
        return ds.asstr()[...]
    return ds[...]


def stack_runs(paths: Sequence[str | os.PathLike], out: str | os.PathLike,
               parameters: Mapping[str, Sequence[float]] | None = None,
               columns: Mapping[str, Sequence[float]] | None = None,
               replicates: Sequence[int] | None = None, units: Mapping[str, str] | None = None,
               overwrite: bool = False) -> str:
    """Writes the single-run files ``paths`` as one multi-run file ``out`` (written to a temporary
    name and renamed, like the engine).

    parameters: scenario key -> one value per run (the varied parameters, written to /runs as
        float64 ``section__key``); ``units`` gives their units (``metrosim keys``), default "1".
    columns: extra /runs float64 columns (design bookkeeping, e.g. ``design_block``).
    replicates: replicate index per run (default: each file's ``replicate`` attribute).
    """
    paths = [os.fspath(p) for p in paths]
    out = os.fspath(out)
    if not paths:
        raise ValueError("stack_runs: no input files")
    if os.path.exists(out) and not overwrite:
        raise FileExistsError(f"{out} exists (use overwrite=True)")
    attrs = [read_root_attrs(p) for p in paths]
    for p, a in zip(paths, attrs):
        if a["file_kind"] != "run":
            raise MetrosimFormatError(f"{p}: file_kind {a['file_kind']!r}; stack_runs takes run files")
    n = len(paths)
    for label, table in (("parameters", parameters or {}), ("columns", columns or {})):
        for key, values in table.items():
            if len(values) != n:
                raise ValueError(f"stack_runs: {label}[{key!r}] has {len(values)} values for {n} runs")
    reps = np.asarray(replicates if replicates is not None
                      else [int(a.get("replicate", 0)) for a in attrs], dtype=np.int32)
    seeds = np.asarray([int(a.get("seed", 0)) for a in attrs], dtype=np.int64)

    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(out)}.tmp-", dir=os.path.dirname(out) or ".")
    os.close(fd)
    try:
        files = [h5py.File(p, "r") for p in paths]
        try:
            with h5py.File(tmp, "w") as dst:
                _write(files, dst, n, reps, seeds, parameters or {}, columns or {}, units or {})
        finally:
            for f in files:
                f.close()
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    return out


def _write(files, dst, n, reps, seeds, parameters, columns, units):
    first = files[0]
    _copy_attrs(first, dst)
    if "replicate" in dst.attrs:
        del dst.attrs["replicate"]
    dst.attrs["file_kind"] = "sweep"
    dst.attrs["n_runs"] = np.int64(n)
    run_values = np.arange(n, dtype=np.int32)

    for gname in sorted(k for k in first.keys() if isinstance(first[k], h5py.Group)):
        src = first[gname]
        g = dst.create_group(gname)
        scales = {}
        run = g.create_dataset("run", data=run_values)
        run.attrs["long_name"] = "run index (row of /runs)"
        run.make_scale("run")
        scales["run"] = run
        names = sorted(src.keys())
        # Dimension scales first, so that variables can be attached to them.
        for name in names:
            ds = src[name]
            if ds.attrs.get("CLASS") == b"DIMENSION_SCALE":
                for f in files[1:]:
                    if not np.array_equal(_read(f[gname][name]), _read(ds)):
                        raise MetrosimFormatError(
                            f"{f.filename}: /{gname}/{name} differs from {first.filename}")
                new = _create(g, name, _read(ds), False)
                _copy_attrs(ds, new)
                new.make_scale(name)
                scales[name] = new
        for name in names:
            ds = src[name]
            if name in scales:
                continue
            dims = _dims(ds)
            arrays = [_read(f[gname][name]) for f in files]
            same = all(np.array_equal(a, arrays[0], equal_nan=a.dtype.kind == "f") for a in arrays[1:])
            is_coord = "aggregation" not in ds.attrs
            if is_coord and not same:
                raise MetrosimFormatError(f"/{gname}/{name}: coordinate differs between runs")
            if "time" in dims and not is_coord or not same:
                data, dims = np.stack(arrays), ["run"] + dims
            else:
                data = arrays[0]
            new = _create(g, name, data, chunk_run=dims[0] == "run")
            _copy_attrs(ds, new)
            for i, d in enumerate(dims):
                new.dims[i].attach_scale(scales[d])

    runs = dst.create_group("runs")
    run = runs.create_dataset("run", data=run_values)
    run.attrs["long_name"] = "run index (row of /runs)"
    run.make_scale("run")
    table = [("replicate", reps, "replicate index (common random numbers across scenarios)"),
             ("seed", seeds, "seed that reproduces the run: metrosim run <scenario_resolved> --seed <seed>"),
             ("status", np.array(["ok"] * n, dtype=object), "run status")]
    for name, values, long_name in table:
        ds = _create(runs, name, values, False)
        ds.attrs["long_name"] = long_name
        ds.dims[0].attach_scale(run)
    coordinates = "replicate seed status"
    for key, values in parameters.items():
        ds = runs.create_dataset(parameter_name(key), data=np.asarray(values, dtype=np.float64))
        ds.attrs["units"] = units.get(key, "1")
        ds.attrs["long_name"] = f"varied scenario key {key}"
        ds.attrs["aggregation"] = "static"
        ds.attrs["coordinates"] = coordinates
        ds.dims[0].attach_scale(run)
    for name, values in columns.items():
        ds = runs.create_dataset(name, data=np.asarray(values, dtype=np.float64))
        ds.attrs["units"] = "1"
        ds.attrs["long_name"] = f"design column {name}"
        ds.attrs["aggregation"] = "static"
        ds.attrs["coordinates"] = coordinates
        ds.dims[0].attach_scale(run)
