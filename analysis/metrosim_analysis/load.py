"""Loading metrosim run files into xarray Datasets, one per group, with units and dates intact."""
from __future__ import annotations

import h5py
import xarray as xr

SUPPORTED_FORMAT_VERSIONS = ("1.0",)


class MetrosimFormatError(ValueError):
    """The file is not a metrosim output this package can read."""


def _check(path: str) -> dict:
    try:
        with h5py.File(path, "r") as f:
            attrs = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in f.attrs.items()}
            groups = [k for k in f.keys() if isinstance(f[k], h5py.Group)]
    except OSError as e:
        raise MetrosimFormatError(f"{path}: not an HDF5 file ({e})") from e
    version = attrs.get("format_version")
    if version not in SUPPORTED_FORMAT_VERSIONS:
        raise MetrosimFormatError(
            f"{path}: format_version {version!r} not supported (this package reads "
            f"{', '.join(SUPPORTED_FORMAT_VERSIONS)})")
    if attrs.get("file_kind") != "run":
        raise MetrosimFormatError(f"{path}: file_kind {attrs.get('file_kind')!r}; expected 'run'")
    attrs["_groups"] = groups
    return attrs


def open_run(path: str, engine: str = "h5netcdf") -> dict[str, xr.Dataset]:
    """Opens every group of a run file as an xarray Dataset (times decoded to dates).

    Returns a dict group name -> Dataset; each Dataset's attrs carry the root attributes.
    """
    attrs = _check(path)
    out = {}
    for g in attrs.pop("_groups"):
        ds = xr.open_dataset(path, group=g, engine=engine)
        ds.attrs.update(attrs)
        out[g] = ds.load()
        ds.close()
    return out
