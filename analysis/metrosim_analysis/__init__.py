"""metrosim_analysis — read, plot and compare metrosim HDF5 output (docs/OUTPUT.md).

Runs on Debian's /usr/bin/python3 with python3-h5py, -xarray, -pandas and -matplotlib.
"""
from .load import open_run, SUPPORTED_FORMAT_VERSIONS
from .plot import plot_metro, plot_zones

__all__ = ["open_run", "plot_metro", "plot_zones", "SUPPORTED_FORMAT_VERSIONS"]
