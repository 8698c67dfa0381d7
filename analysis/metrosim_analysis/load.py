"""Loading metrosim output (docs/OUTPUT.md) into xarray Datasets, one per group.

Two entry points:

* :func:`open_run` reads a single-run file (``file_kind = "run"``) and refuses anything else.
* :func:`open_runs` reads a multi-run file (``file_kind = "sweep"``: replicates, later sweeps) and,
  for convenience, also a single-run file, which it gives a ``run`` dimension of length 1. The
  ``/runs`` table (replicate, seed, status, varied parameters, design bookkeeping columns) is attached
  to every group as coordinates along ``run``, so ``ds.sel(run=ds.replicate == 0)`` or
  ``ds.where(ds.investors__term_before_2019_months == 60, drop=True)`` work directly.

Both return a :class:`MetrosimData`: a ``dict`` group name -> :class:`xarray.Dataset` (times decoded
to month-start dates, ``units``/``long_name``/``aggregation`` attributes intact, zone coordinates
``zone_code``, ``zone_municipality``, ``is_core`` attached) with the root attributes, the ``/runs``
table as a pandas DataFrame and a tidy (long) DataFrame view on request.

Compatibility: any ``format_version`` with MAJOR ``1`` is read (MINOR versions only add things);
another MAJOR, a missing version, an unknown ``file_kind``, a file that is not HDF5 or a file without
the ``/metro`` group raise :class:`MetrosimFormatError` with a message that says why.
"""
from __future__ import annotations

import importlib.util
import io
import os
import warnings
from typing import Iterable, Sequence

import h5py
import numpy as np
import pandas as pd
import xarray as xr

SUPPORTED_FORMAT_MAJOR = "1"
SUPPORTED_FORMAT_VERSIONS = ("1.0", "1.1")  #: versions this package was tested against (any 1.x is read)
FILE_KINDS = ("run", "sweep")
#: /runs columns that are bookkeeping, not varied scenario parameters.
RUNS_BOOKKEEPING = ("replicate", "seed", "status", "point")
#: Prefix of the design bookkeeping columns of sensitivity designs (see sensitivity.py).
DESIGN_PREFIX = "design_"
EXTERNAL_ZONE_CODE = "EXT"
#: xarray engine used by default: netCDF4 opens a file's groups about 3x faster than h5netcdf here;
#: both read the contract (docs/OUTPUT.md), and either can be passed as ``engine=``.
DEFAULT_ENGINE = "netcdf4" if importlib.util.find_spec("netCDF4") else "h5netcdf"
# Debian's netCDF4 may warn at import about numpy's ABI ("size changed"); harmless (docs/OUTPUT.md).
warnings.filterwarnings("ignore", message="numpy.ndarray size changed", category=RuntimeWarning)


class MetrosimFormatError(ValueError):
    """The file is not metrosim output that this package can read (the message says why)."""


def _text(v):
    if isinstance(v, bytes):
        return v.decode("utf-8")
    if isinstance(v, np.generic):
        return v.item()
    return v


def read_root_attrs(path: str | os.PathLike) -> dict:
    """Root attributes of a metrosim file as plain Python values, after checking the format.

    Raises FileNotFoundError for a missing path and MetrosimFormatError for anything that is not a
    readable metrosim file (not HDF5, no or unsupported ``format_version``, unknown ``file_kind``).
    """
    path = os.fspath(path)
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path}: no such file")
    try:
        with h5py.File(path, "r") as f:
            attrs = {k: _text(v) for k, v in f.attrs.items()}
            groups = sorted(k for k in f.keys() if isinstance(f[k], h5py.Group))
    except OSError as e:
        raise MetrosimFormatError(f"{path}: not an HDF5 file ({e})") from e
    version = attrs.get("format_version")
    if version is None:
        raise MetrosimFormatError(
            f"{path}: no format_version root attribute: not a metrosim output file")
    if str(version).split(".")[0] != SUPPORTED_FORMAT_MAJOR:
        raise MetrosimFormatError(
            f"{path}: format_version {version!r} is not readable by this package, which reads "
            f"format {SUPPORTED_FORMAT_MAJOR}.x (tested: {', '.join(SUPPORTED_FORMAT_VERSIONS)}); "
            "use a metrosim_analysis that matches the metrosim that wrote the file")
    kind = attrs.get("file_kind")
    if kind not in FILE_KINDS:
        raise MetrosimFormatError(
            f"{path}: file_kind {kind!r} is unknown; this package reads {', '.join(FILE_KINDS)}")
    if "metro" not in groups:
        raise MetrosimFormatError(f"{path}: no /metro group (groups: {', '.join(groups) or 'none'})")
    attrs["_groups"] = groups
    return attrs


SHOCK_COLUMNS = ("id", "start", "end", "target", "zones", "op", "value", "source", "origin")


def applied_shocks(path: str | os.PathLike) -> pd.DataFrame:
    """The shocks and regulations calendar a run applied (root attribute ``shocks``,
    docs/OUTPUT.md): one row per enabled entry in application order, every column as text
    (``end`` empty = permanent; ``zones`` space-separated, empty = the plain key). Files written
    before format 1.1 have no calendar: the table is empty."""
    text = read_root_attrs(path).get("shocks", "")
    if not text:
        return pd.DataFrame(columns=list(SHOCK_COLUMNS), dtype=str)
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


class MetrosimData(dict):
    """Group name -> xarray Dataset of one metrosim file, plus its provenance.

    Attributes
    ----------
    path : str
        The file read.
    attrs : dict
        Root attributes (provenance: ``scenario_name``, ``scenario_resolved``, ``seed``, ...).
    kind : str
        ``"run"`` or ``"sweep"`` (the file's ``file_kind``).
    multi : bool
        True when the groups have a ``run`` dimension (always for :func:`open_runs`).
    """

    def __init__(self, groups: dict, path: str, attrs: dict, multi: bool):
        super().__init__(groups)
        self.path = path
        self.attrs = attrs
        self.kind = attrs.get("file_kind")
        self.multi = multi

    # -- provenance -----------------------------------------------------------------------
    @property
    def name(self) -> str:
        """The scenario name (``[run] name``) written by the engine."""
        return str(self.attrs.get("scenario_name") or os.path.splitext(os.path.basename(self.path))[0])

    @property
    def n_runs(self) -> int:
        return int(self["metro"].sizes.get("run", 1))

    @property
    def metro(self) -> xr.Dataset:
        return self["metro"]

    @property
    def zones(self) -> xr.Dataset:
        return self["zones"]

    @property
    def runs(self) -> pd.DataFrame:
        """The ``/runs`` table as a DataFrame indexed by ``run`` (empty columns for a run file
        opened with :func:`open_run`)."""
        if "runs" in self:
            return self["runs"].to_dataframe()
        return pd.DataFrame(index=pd.Index([], name="run"))

    @property
    def parameters(self) -> list[str]:
        """Names of the varied scenario parameters in ``/runs`` (``section__key``)."""
        return runs_parameters(self["runs"]) if "runs" in self else []

    def tidy(self, group: str = "metro", names: Iterable[str] | None = None) -> pd.DataFrame:
        """A tidy (long) DataFrame of some variables of one group: see :func:`to_tidy`."""
        return to_tidy(self[group], names)

    def close(self):
        for ds in self.values():
            ds.close()

    def __repr__(self):
        dims = ", ".join(f"{g}{dict(ds.sizes)}" for g, ds in self.items())
        return f"<MetrosimData {self.kind} {self.name!r} {self.path}: {dims}>"


def runs_parameters(runs: xr.Dataset) -> list[str]:
    """Varied-parameter variables of a ``/runs`` dataset: everything that is neither bookkeeping
    (replicate, seed, status) nor a design column (``design_*``)."""
    return [str(n) for n in runs.variables
            if n != "run" and n not in RUNS_BOOKKEEPING and not str(n).startswith(DESIGN_PREFIX)
            and runs[n].dims == ("run",)]


def parameter_key(name: str) -> str:
    """``investors__term_before_2019_months`` -> ``investors.term_before_2019_months`` (the scenario key)."""
    return name.replace("__", ".")


def parameter_name(key: str) -> str:
    """``investors.term_before_2019_months`` -> ``investors__term_before_2019_months`` (the /runs variable)."""
    return key.replace(".", "__")


def _open_group(path: str, group: str, engine: str, load: bool) -> xr.Dataset:
    ds = xr.open_dataset(path, group=group, engine=engine)
    if load:
        ds = ds.load()
        ds.close()
    return ds


def _attach_runs(ds: xr.Dataset, runs: xr.Dataset, path: str, group: str) -> xr.Dataset:
    if "run" not in ds.dims:
        return ds
    if not np.array_equal(ds["run"].values, runs["run"].values):
        raise MetrosimFormatError(f"{path}: /{group}/run differs from /runs/run")
    coords = {}
    for name in runs.variables:
        if name == "run" or runs[name].dims != ("run",) or name in ds.variables:
            continue
        coords[name] = runs[name].variable.copy()
    return ds.assign_coords(coords)


def open_run(path: str | os.PathLike, engine: str = DEFAULT_ENGINE,
             groups: Sequence[str] | None = None) -> MetrosimData:
    """Opens a single-run metrosim file: group name -> Dataset with dims ``time`` (``zone``, ...).

    Times are decoded to month-start dates; every variable keeps its ``units``, ``long_name`` and
    ``aggregation`` attributes; every Dataset's ``attrs`` also carry the root attributes.
    A multi-run file is refused with a message pointing to :func:`open_runs`.
    """
    path = os.fspath(path)
    attrs = read_root_attrs(path)
    if attrs["file_kind"] != "run":
        raise MetrosimFormatError(
            f"{path}: file_kind {attrs['file_kind']!r} holds {attrs.get('n_runs', 'several')} runs "
            "with a `run` dimension; open it with open_runs()")
    return _open(path, attrs, engine, groups, multi=False, load=True)


def open_runs(path: str | os.PathLike, engine: str = DEFAULT_ENGINE,
              groups: Sequence[str] | None = None, load: bool = True) -> MetrosimData:
    """Opens a multi-run file (``file_kind = "sweep"``) as one Dataset per group with a ``run``
    dimension and the ``/runs`` table as coordinates along ``run``.

    A single-run file is accepted too: its variables get a ``run`` dimension of length 1 and a
    ``/runs`` table is made from its root attributes (``replicate``, ``seed``, status ``"ok"``), so
    code written for replicates works on one run. ``load=False`` keeps the data on disk (lazy,
    for large sweeps; call ``.close()`` when done).
    """
    path = os.fspath(path)
    attrs = read_root_attrs(path)
    return _open(path, attrs, engine, groups, multi=True, load=load)


def _open(path, attrs, engine, groups, multi, load) -> MetrosimData:
    available = attrs.pop("_groups")
    wanted = list(groups) if groups is not None else available
    missing = [g for g in wanted if g not in available]
    if missing:
        raise MetrosimFormatError(
            f"{path}: no group(s) {', '.join(missing)} (groups: {', '.join(available)})")
    out = {}
    for g in wanted:
        if g == "runs":
            continue
        ds = _open_group(path, g, engine, load)
        ds.attrs.update(attrs)
        out[g] = ds
    if attrs["file_kind"] == "sweep":
        if "runs" not in available:
            raise MetrosimFormatError(f"{path}: file_kind 'sweep' without a /runs group")
        runs = _open_group(path, "runs", engine, True)
        runs.attrs.update(attrs)
        for g in list(out):
            out[g] = _attach_runs(out[g], runs, path, g)
        out["runs"] = runs
    elif multi:
        runs = xr.Dataset(
            {"replicate": ("run", np.array([int(attrs.get("replicate", 0))], dtype=np.int32),
                           {"long_name": "replicate index"}),
             "seed": ("run", np.array([int(attrs.get("seed", 0))], dtype=np.int64),
                      {"long_name": "seed of the run"}),
             "status": ("run", np.array(["ok"], dtype=object), {"long_name": "run status"})},
            coords={"run": ("run", np.array([0], dtype=np.int32),
                            {"long_name": "run index (row of /runs)"})},
            attrs=dict(attrs))
        for g in list(out):
            ds = out[g]
            timed = [n for n in ds.data_vars if "time" in ds[n].dims]
            expanded = {n: ds[n].expand_dims(run=1) for n in timed}
            ds = ds.assign(expanded).assign_coords(run=runs["run"])
            out[g] = _attach_runs(ds, runs, path, g)
        out["runs"] = runs
    return MetrosimData(out, path, attrs, multi)


def to_tidy(ds: xr.Dataset, names: Iterable[str] | None = None) -> pd.DataFrame:
    """A tidy DataFrame: one row per value, columns = the variable's dimensions (``run``,
    ``time``, ``zone``, ...), their 1-D coordinates (``zone_code``, ``is_core``, ``replicate``,
    parameters, ...), ``variable``, ``units`` and ``value``.

    ``names`` defaults to every data variable with a time dimension.
    """
    if names is None:
        names = [n for n in ds.data_vars if "time" in ds[n].dims]
    frames = []
    for n in names:
        da = ds[n]
        df = da.to_dataframe(name="value").reset_index()
        keep = list(da.dims) + [c for c in da.coords if c not in da.dims and da[c].ndim == 1]
        df = df[[c for c in keep if c in df.columns] + ["value"]]
        df.insert(len(df.columns) - 1, "variable", n)
        df.insert(len(df.columns) - 1, "units", da.attrs.get("units", ""))
        frames.append(df)
    if not frames:
        return pd.DataFrame(columns=["variable", "units", "value"])
    return pd.concat(frames, ignore_index=True)


def is_external(zones: xr.Dataset) -> np.ndarray:
    """Boolean mask over ``zone``: True for the external zone (code ``EXT``, rest of the world)."""
    if "zone_code" in zones.coords:
        return np.asarray(zones["zone_code"].values == EXTERNAL_ZONE_CODE)
    return np.zeros(zones.sizes["zone"], dtype=bool)


def select_zone(da: xr.DataArray, zone: str) -> xr.DataArray:
    """Selects one zone by name or by ``zone_code``."""
    names = [str(z) for z in da["zone"].values]
    if zone in names:
        return da.isel(zone=names.index(zone))
    if "zone_code" in da.coords:
        codes = [str(z) for z in da["zone_code"].values]
        if zone in codes:
            return da.isel(zone=codes.index(zone))
    raise KeyError(f"no zone named or coded {zone!r}")
