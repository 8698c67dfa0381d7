"""metrosim_analysis — read, plot and compare metrosim HDF5 output (docs/OUTPUT.md), sensitivity
designs and indices, and planner's HTML reports (docs/ANALYSIS.md).

Runs on Debian's /usr/bin/python3 with python3-h5py, -xarray, -pandas, -matplotlib and -scipy.

>>> from metrosim_analysis import open_runs, compare, plot_metro
>>> base = open_runs("results/baseline.h5")            # group -> xarray Dataset, run dimension
>>> cmp = compare("results/baseline.h5", ["results/lease60.h5"])
>>> cmp.headline_table()                               # engine values, paired differences
"""
from .compare import Comparison, compare, format_signed, format_value, summarise_time
from .load import (SUPPORTED_FORMAT_VERSIONS, MetrosimData, MetrosimFormatError, applied_shocks,
                   open_run, open_runs, read_root_attrs, to_tidy)
from .plot import (plot_core_periphery, plot_differences, plot_heatmap, plot_metro, plot_morris,
                   plot_response, plot_sobol, plot_zone_map, plot_zones, save_figure)
from .report import render_report, write_report
from .sensitivity import (OutputSpec, Parameter, analyse, first_order_given_data,
                          latin_hypercube_design, make_design, morris_design, morris_indices,
                          saltelli_design, sobol_design, sobol_indices)
from .stack import stack_runs

__all__ = [
    "open_run", "open_runs", "read_root_attrs", "applied_shocks", "to_tidy", "MetrosimData", "MetrosimFormatError",
    "SUPPORTED_FORMAT_VERSIONS",
    "plot_metro", "plot_zones", "plot_core_periphery", "plot_zone_map", "plot_differences",
    "plot_sobol", "plot_morris", "plot_response", "plot_heatmap", "save_figure",
    "compare", "Comparison", "summarise_time", "format_value", "format_signed",
    "Parameter", "OutputSpec", "saltelli_design", "morris_design", "latin_hypercube_design",
    "sobol_design", "make_design", "sobol_indices", "morris_indices", "first_order_given_data",
    "analyse", "render_report", "write_report", "stack_runs",
]
