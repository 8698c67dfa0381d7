"""Sensitivity analysis: designs for the sweep tooling and estimators for multi-run files.

Designs
-------
Every design is a table with one row per run, written as CSV for the sweep tooling
(:func:`write_design`), with

* ``design_point``: row number 0..n-1 (replicates of a design point share it);
* bookkeeping columns the estimators read back from ``/runs``:
  - Saltelli: ``design_sample`` j (0..N-1) and ``design_block``: 0 = matrix A, i = 1..k = matrix
    A with column i taken from B (A_B^(i)), k+1 = matrix B;
  - Morris: ``design_trajectory`` (0..r-1) and ``design_step`` (0..k);
* one column per varied parameter named by its scenario key (``investors.term_before_2019_months``).

The sweep tooling runs each row and copies every column into ``/runs``: the parameters as
``section__key`` (``.`` -> ``__``) and the ``design_*`` columns unchanged (float64). A JSON side
file (``design.json`` next to ``design.csv``) keeps the method, bounds, seed and sizes; the Morris
estimator uses its bounds (otherwise the observed extent of each parameter in ``/runs``).

Estimators
----------
* Sobol first-order and total indices from a Saltelli design: :func:`sobol_indices`
  (first order: Saltelli et al. 2010, Table 2 (b); total: Jansen 1999, Saltelli et al. 2010
  Table 2 (f)), with bootstrap confidence intervals.
* Morris elementary effects: :func:`morris_indices` (μ, μ*, σ; Morris 1991, μ* from Campolongo
  et al. 2007).
* For designs without that structure (grids, Latin hypercube, Sobol points, replicates of
  what-ifs): the given-data first-order index (correlation ratio over parameter levels or
  equiprobable bins, Plischke et al. 2013), response curves and two-parameter response surfaces.

References
----------
* Jansen, M. J. W. (1999). Analysis of variance designs for model output. Computer Physics
  Communications 117(1-2), 35-43.
* Saltelli, A. (2002). Making best use of model evaluations to compute sensitivity indices.
  Computer Physics Communications 145(2), 280-297.
* Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M., Tarantola, S. (2010). Variance
  based sensitivity analysis of model output. Design and estimator for the total sensitivity
  index. Computer Physics Communications 181(2), 259-270.
* Sobol', I. M. (2001). Global sensitivity indices for nonlinear mathematical models and their
  Monte Carlo estimates. Mathematics and Computers in Simulation 55(1-3), 271-280.
* Morris, M. D. (1991). Factorial sampling plans for preliminary computational experiments.
  Technometrics 33(2), 161-174.
* Campolongo, F., Cariboni, J., Saltelli, A. (2007). An effective screening design for
  sensitivity analysis of large models. Environmental Modelling & Software 22(10), 1509-1518.
* Ruano, M. V., Ribes, J., Seco, A., Ferrer, J. (2012). An improved sampling strategy based on
  trajectory design for application of the Morris method. Environmental Modelling & Software 37,
  103-109 (greedy trajectory selection).
* Plischke, E., Borgonovo, E., Smith, C. L. (2013). Global sensitivity measures from given data.
  European Journal of Operational Research 226(3), 536-550.
* McKay, M. D., Beckman, R. J., Conover, W. J. (1979). A comparison of three methods for selecting
  values of input variables in the analysis of output from a computer code. Technometrics 21(2).
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from typing import Sequence

import numpy as np
import pandas as pd
import scipy
import xarray as xr
from scipy.stats import qmc

from .compare import summarise_time
from .load import DESIGN_PREFIX, MetrosimData, parameter_key, parameter_name, select_zone

METHODS = ("saltelli", "morris", "lhs", "sobol")


@dataclass
class Parameter:
    """A varied scenario key and its range [low, high]; ``integer`` rounds the values."""
    key: str
    low: float
    high: float
    integer: bool = False

    @classmethod
    def parse(cls, spec: str) -> "Parameter":
        """``"investors.term_before_2019_months=12:120:int"`` (append ``:int`` for an integer key)."""
        m = re.fullmatch(r"\s*([A-Za-z_][\w.@]*)\s*=\s*([^:]+):([^:]+?)(:int)?\s*", spec)
        if not m:
            raise ValueError(f"parameter {spec!r}: expected key=low:high or key=low:high:int")
        p = cls(m.group(1), float(m.group(2)), float(m.group(3)), bool(m.group(4)))
        if not p.high > p.low:
            raise ValueError(f"parameter {spec!r}: high must exceed low")
        return p


def _scale(unit: np.ndarray, params: Sequence[Parameter]) -> np.ndarray:
    lo = np.array([p.low for p in params])
    hi = np.array([p.high for p in params])
    x = lo + unit * (hi - lo)
    for j, p in enumerate(params):
        if p.integer:
            x[:, j] = np.round(x[:, j])
    return x


def _frame(x: np.ndarray, params: Sequence[Parameter], **columns) -> pd.DataFrame:
    df = pd.DataFrame({"design_point": np.arange(x.shape[0])})
    for name, values in columns.items():
        df[name] = values
    for j, p in enumerate(params):
        # Integer keys as integers: the engine reads `12`, not `12.0`, for an integer key.
        df[p.key] = x[:, j].astype(np.int64) if p.integer else x[:, j]
    return df


def saltelli_design(params: Sequence[Parameter], n: int, seed: int | None = None,
                    scramble: bool = True) -> pd.DataFrame:
    """Saltelli's design for first-order and total Sobol indices: N (k + 2) runs.

    A and B are the two halves of an N x 2k scrambled Sobol' sequence (``scipy.stats.qmc.Sobol``;
    N a power of 2 keeps its balance properties), A_B^(i) is A with column i from B (Saltelli 2002;
    Saltelli et al. 2010, section 3). Rows are ordered sample by sample (A_j, A_B^(1)_j, ...,
    A_B^(k)_j, B_j), so any prefix of whole samples is itself a valid design.
    """
    k = len(params)
    if k < 1 or n < 2:
        raise ValueError("saltelli_design: need at least one parameter and N >= 2")
    base = qmc.Sobol(d=2 * k, scramble=scramble, seed=seed).random(n)
    a, b = base[:, :k], base[:, k:]
    m = np.repeat(a[:, None, :], k + 2, axis=1)
    m[:, k + 1, :] = b
    idx = np.arange(k)
    m[:, 1 + idx, idx] = b[:, idx]
    unit = m.reshape(-1, k)
    return _frame(_scale(unit, params), params,
                  design_sample=np.repeat(np.arange(n), k + 2),
                  design_block=np.tile(np.arange(k + 2), n))


def _morris_trajectories(k: int, count: int, levels: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` random Morris trajectories in the unit hypercube, shape (count, k + 1, k).

    B* = (J x* + Δ/2 [(2B - J) D* + J]) P* (Morris 1991, section 3): x* a random base point on the
    grid {0, 1/(p-1), ..., 1 - Δ}, B strictly lower triangular ones, D* random signs, P* a random
    column permutation, Δ = p / (2 (p - 1)).
    """
    delta = levels / (2.0 * (levels - 1))
    xstar = rng.integers(0, levels // 2, size=(count, 1, k)) / (levels - 1)
    lower = np.tril(np.ones((k + 1, k)), -1)
    signs = rng.choice([-1.0, 1.0], size=(count, 1, k))
    t = xstar + delta / 2.0 * ((2.0 * lower - 1.0) * signs + 1.0)
    perm = np.argsort(rng.random((count, k)), axis=1)
    return np.take_along_axis(t, perm[:, None, :], axis=2)


def _select_spread(traj: np.ndarray, r: int) -> np.ndarray:
    """Greedy choice of r of the candidate trajectories that maximises Campolongo et al.'s (2007)
    spread: the sum over pairs of d_ml^2, d_ml = Σ_i Σ_j ||X_i^(m) - X_j^(l)|| (a greedy
    approximation of their exhaustive search, as in Ruano et al. 2012)."""
    m, kp1, k = traj.shape
    pts = traj.reshape(m * kp1, k)
    sq = (pts ** 2).sum(1)
    dist = np.sqrt(np.maximum(sq[:, None] + sq[None, :] - 2 * pts @ pts.T, 0.0))
    d = dist.reshape(m, kp1, m, kp1).sum(axis=(1, 3))
    d2 = d ** 2
    i, j = np.unravel_index(np.argmax(d2), d2.shape)
    chosen = [int(i), int(j)]
    score = d2[i] + d2[j]
    while len(chosen) < r:
        s = score.copy()
        s[chosen] = -np.inf
        nxt = int(np.argmax(s))
        chosen.append(nxt)
        score = score + d2[nxt]
    return np.array(chosen[:r])


def morris_design(params: Sequence[Parameter], trajectories: int, levels: int = 4,
                  seed: int | None = None, candidates: int | None = None) -> pd.DataFrame:
    """Morris (1991) one-at-a-time trajectories: r (k + 1) runs on a p-level grid.

    Each trajectory moves one parameter at a time by Δ = p / (2 (p - 1)) of its range. With
    ``candidates`` > r, r of that many random trajectories are chosen for spread (Campolongo et al.
    2007, greedily). ``levels`` must be even.
    """
    k = len(params)
    if levels < 2 or levels % 2:
        raise ValueError("morris_design: levels must be an even number >= 2")
    if trajectories < 2:
        raise ValueError("morris_design: need at least 2 trajectories")
    rng = np.random.default_rng(seed)
    count = max(candidates or trajectories, trajectories)
    traj = _morris_trajectories(k, count, levels, rng)
    if count > trajectories:
        traj = traj[_select_spread(traj, trajectories)]
    unit = traj.reshape(-1, k)
    return _frame(_scale(unit, params), params,
                  design_trajectory=np.repeat(np.arange(trajectories), k + 1),
                  design_step=np.tile(np.arange(k + 1), trajectories))


def latin_hypercube_design(params: Sequence[Parameter], n: int, seed: int | None = None) -> pd.DataFrame:
    """n Latin hypercube points (McKay et al. 1979; ``scipy.stats.qmc.LatinHypercube``)."""
    unit = qmc.LatinHypercube(d=len(params), seed=seed).random(n)
    return _frame(_scale(unit, params), params)


def sobol_design(params: Sequence[Parameter], n: int, seed: int | None = None,
                 scramble: bool = True) -> pd.DataFrame:
    """n scrambled Sobol' points (``scipy.stats.qmc.Sobol``; n a power of 2 is best)."""
    unit = qmc.Sobol(d=len(params), scramble=scramble, seed=seed).random(n)
    return _frame(_scale(unit, params), params)


def make_design(method: str, params: Sequence[Parameter], n: int, seed: int | None = None,
                levels: int = 4, candidates: int | None = None) -> pd.DataFrame:
    """Dispatch by method name (``saltelli``: n = N base samples; ``morris``: n = trajectories;
    ``lhs``, ``sobol``: n = points)."""
    if method == "saltelli":
        return saltelli_design(params, n, seed)
    if method == "morris":
        return morris_design(params, n, levels, seed, candidates)
    if method == "lhs":
        return latin_hypercube_design(params, n, seed)
    if method == "sobol":
        return sobol_design(params, n, seed)
    raise ValueError(f"unknown design method {method!r} (one of {', '.join(METHODS)})")


def write_design(design: pd.DataFrame, path: str, method: str, params: Sequence[Parameter],
                 **meta) -> tuple[str, str]:
    """Writes the design as CSV (floats round-trip exact) and its JSON side file
    (``<stem>.json``: method, parameters with bounds, sizes, seed, scipy version)."""
    d = os.path.dirname(path)
    if d:
        os.makedirs(d, exist_ok=True)
    design.to_csv(path, index=False)
    side = os.path.splitext(path)[0] + ".json"
    info = dict(method=method, parameters=[asdict(p) for p in params], runs=len(design),
                columns=list(design.columns), scipy=scipy.__version__, **meta)
    with open(side, "w") as f:
        json.dump(info, f, indent=2)
    return path, side


def read_design_meta(path: str) -> dict:
    """The JSON side file of a design CSV (or the JSON itself)."""
    side = path if path.endswith(".json") else os.path.splitext(path)[0] + ".json"
    with open(side) as f:
        return json.load(f)


# -- estimators ------------------------------------------------------------------------------

def _sobol_from_matrix(ya, yb, yab):
    """ya, yb: (..., N); yab: (..., N, k). Returns S1, ST of shape (..., k)."""
    v = np.var(np.concatenate([ya, yb], axis=-1), axis=-1)[..., None]
    s1 = np.mean(yb[..., None] * (yab - ya[..., None]), axis=-2) / v
    st = 0.5 * np.mean((ya[..., None] - yab) ** 2, axis=-2) / v
    return s1, st


def sobol_indices(y: np.ndarray, block: np.ndarray, sample: np.ndarray, names: Sequence[str],
                  n_bootstrap: int = 0, seed: int | None = 0, conf_level: float = 0.95) -> pd.DataFrame:
    """First-order and total Sobol indices from the outputs of a Saltelli design.

    With y^A, y^B and y^(i) the outputs at rows of A, B and A_B^(i) of the same sample j, and
    V = Var[y^A ∪ y^B] (y centred on its mean first):

    * first order (Saltelli et al. 2010, Table 2 (b)):
      S_i = (1/N) Σ_j y^B_j (y^(i)_j - y^A_j) / V
    * total (Jansen 1999; Saltelli et al. 2010, Table 2 (f)):
      ST_i = (1/(2N)) Σ_j (y^A_j - y^(i)_j)^2 / V

    Samples with a missing block (a failed or unfinished run) are left out. ``n_bootstrap`` > 0
    adds ``S1_conf`` and ``ST_conf``: the half-width of the ``conf_level`` interval, 1.96 times the
    bootstrap standard deviation over resampled samples j (as SALib reports them).
    Returns a DataFrame indexed by parameter with S1, ST (and conf) and the number N of samples.
    """
    k = len(names)
    y = np.asarray(y, dtype=float)
    block = np.asarray(block).astype(int)
    sample = np.asarray(sample).astype(int)
    if block.min() < 0 or block.max() > k + 1:
        raise ValueError(f"design_block outside 0..{k + 1}: the parameters ({k}) do not match the design")
    samples, pos = np.unique(sample, return_inverse=True)
    mat = np.full((samples.size, k + 2), np.nan)
    mat[pos, block] = y
    mat = mat[np.isfinite(mat).all(axis=1)]
    if mat.shape[0] < 2:
        raise ValueError("sobol_indices: fewer than 2 complete Saltelli samples")
    mat = mat - np.mean(mat[:, [0, k + 1]])
    ya, yb, yab = mat[:, 0], mat[:, k + 1], mat[:, 1:k + 1]
    s1, st = _sobol_from_matrix(ya, yb, yab)
    out = pd.DataFrame({"S1": s1, "ST": st}, index=pd.Index(list(names), name="parameter"))
    if n_bootstrap > 0:
        rng = np.random.default_rng(seed)
        idx = rng.integers(0, mat.shape[0], size=(n_bootstrap, mat.shape[0]))
        b1, bt = _sobol_from_matrix(ya[idx], yb[idx], yab[idx])
        from scipy.stats import norm
        z = norm.ppf(0.5 + conf_level / 2)
        out["S1_conf"] = z * b1.std(axis=0, ddof=1)
        out["ST_conf"] = z * bt.std(axis=0, ddof=1)
    out["N"] = mat.shape[0]
    return out


def morris_indices(x: np.ndarray, y: np.ndarray, trajectory: np.ndarray, names: Sequence[str],
                   step: np.ndarray | None = None, bounds: np.ndarray | None = None) -> pd.DataFrame:
    """Morris elementary effects from one-at-a-time trajectories.

    Within each trajectory (runs ordered by ``step``), consecutive runs differ in exactly one
    parameter i; the elementary effect is EE_i = (y' - y) / (Δx_i / (high_i - low_i)), i.e. per
    unit of the parameter's range, the unit hypercube of Morris (1991). ``bounds`` (k x 2) default
    to the observed extent of each parameter. Returns per parameter μ (mean EE), μ* (mean |EE|,
    Campolongo et al. 2007), σ (sample standard deviation of EE, Morris 1991), ``mu_star_raw``
    (mean |Δy/Δx_i| in output units per parameter unit) and the number of effects r.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    trajectory = np.asarray(trajectory)
    k = len(names)
    order = np.lexsort((np.arange(len(y)) if step is None else np.asarray(step), trajectory))
    x, y, trajectory = x[order], y[order], trajectory[order]
    same = trajectory[1:] == trajectory[:-1]
    dx = (x[1:] - x[:-1])[same]
    dy = (y[1:] - y[:-1])[same]
    if bounds is None:
        bounds = np.column_stack([x.min(axis=0), x.max(axis=0)])
    rng = np.asarray(bounds, dtype=float)[:, 1] - np.asarray(bounds, dtype=float)[:, 0]
    tol = 1e-12 * np.maximum(np.abs(rng), 1.0)
    moved = np.abs(dx) > tol
    if not np.all(moved.sum(axis=1) == 1):
        bad = int(np.sum(moved.sum(axis=1) != 1))
        raise ValueError(f"morris_indices: {bad} consecutive run pairs in a trajectory do not "
                         "differ in exactly one parameter (not a Morris design?)")
    factor = np.argmax(moved, axis=1)
    step_x = dx[np.arange(dx.shape[0]), factor]
    ee_raw = dy / step_x
    ee = ee_raw * rng[factor]
    n = np.bincount(factor, minlength=k).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        mu = np.bincount(factor, ee, k) / n
        mu_star = np.bincount(factor, np.abs(ee), k) / n
        mu_star_raw = np.bincount(factor, np.abs(ee_raw), k) / n
        sigma = np.sqrt(np.bincount(factor, (ee - mu[factor]) ** 2, k) / (n - 1))
    return pd.DataFrame({"mu": mu, "mu_star": mu_star, "sigma": sigma, "mu_star_raw": mu_star_raw,
                         "r": n.astype(int)}, index=pd.Index(list(names), name="parameter"))


def _levels(x: np.ndarray, max_levels: int) -> tuple[np.ndarray, np.ndarray]:
    """Class index per value and class centre: the distinct values when there are at most
    ``max_levels``, else equiprobable bins (centre = mean value in the bin)."""
    uniq, inv = np.unique(x, return_inverse=True)
    if uniq.size <= max_levels:
        return inv, uniq
    edges = np.quantile(x, np.linspace(0, 1, max_levels + 1))
    cls = np.clip(np.searchsorted(edges, x, side="right") - 1, 0, max_levels - 1)
    _, cls = np.unique(cls, return_inverse=True)
    centres = np.bincount(cls, x) / np.bincount(cls)
    return cls, centres


def first_order_given_data(x: np.ndarray, y: np.ndarray, names: Sequence[str],
                           max_levels: int | None = None) -> pd.DataFrame:
    """First-order indices from any sample (given data): the correlation ratio
    S_i ≈ Var(E[y | class of x_i]) / Var(y), with classes the parameter's distinct values (grids,
    replicated what-ifs) or ``max_levels`` equiprobable bins (default ⌈√n⌉ capped at 50; Latin
    hypercube or Sobol points). Plischke, Borgonovo & Smith (2013). Biased upwards by about
    (classes - 1) / n for small samples."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = y.size
    m = max_levels or int(min(50, np.ceil(np.sqrt(n))))
    v = np.var(y)
    s1, cls_n = [], []
    for j in range(x.shape[1]):
        cls, _ = _levels(x[:, j], m)
        cnt = np.bincount(cls)
        means = np.bincount(cls, y) / cnt
        s1.append(np.sum(cnt * (means - y.mean()) ** 2) / n / v if v > 0 else np.nan)
        cls_n.append(cnt.size)
    return pd.DataFrame({"S1": s1, "classes": cls_n}, index=pd.Index(list(names), name="parameter"))


def response_curve(x: np.ndarray, y: np.ndarray, max_levels: int = 12) -> pd.DataFrame:
    """The output against one parameter: per distinct value (or equiprobable bin when there are
    more than ``max_levels``) the median, 5 % and 95 % quantiles, mean and count of the runs."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    cls, centres = _levels(x, max_levels)
    rows = []
    for c, centre in enumerate(centres):
        v = y[cls == c]
        q = np.quantile(v, [0.5, 0.05, 0.95])
        rows.append(dict(x=centre, median=q[0], q05=q[1], q95=q[2], mean=v.mean(), n=v.size))
    return pd.DataFrame(rows)


def response_surface(x1: np.ndarray, x2: np.ndarray, y: np.ndarray, names: tuple[str, str],
                     stat: str = "median", max_levels: int = 8) -> xr.DataArray:
    """The output over two parameters: the ``stat`` (median or mean) of the runs in each cell of
    their levels (or equiprobable bins), dims (names[1], names[0]); NaN for an empty cell."""
    c1, v1 = _levels(np.asarray(x1, float), max_levels)
    c2, v2 = _levels(np.asarray(x2, float), max_levels)
    y = np.asarray(y, float)
    out = np.full((v2.size, v1.size), np.nan)
    for j in range(v2.size):
        for i in range(v1.size):
            cell = y[(c1 == i) & (c2 == j)]
            if cell.size:
                out[j, i] = np.median(cell) if stat == "median" else np.mean(cell)
    return xr.DataArray(out, dims=(names[1], names[0]), coords={names[1]: v2, names[0]: v1})


# -- multi-run files -------------------------------------------------------------------------

@dataclass
class OutputSpec:
    """A scalar output per run: ``[group/]name[@zone][:how]``, e.g. ``rent_market_mean``,
    ``metro/displaced_renewal:sum``, ``zones/rent_market@Eixample:last``, ``zones/rent_market@0801902:2016-06``.
    ``how`` is a reduction of :func:`metrosim_analysis.compare.summarise_time` (default auto:
    flows summed over the run, stocks at the last period)."""
    group: str
    name: str
    zone: str | None = None
    how: str = "auto"

    @classmethod
    def parse(cls, spec: str) -> "OutputSpec":
        m = re.fullmatch(r"(?:(\w+)/)?(\w+)(?:@([^:]+))?(?::(\S+))?", spec.strip())
        if not m:
            raise ValueError(f"output {spec!r}: expected [group/]name[@zone][:how]")
        return cls(m.group(1) or "metro", m.group(2), m.group(3), m.group(4) or "auto")

    def __str__(self):
        s = f"{self.group}/{self.name}" + (f"@{self.zone}" if self.zone else "")
        return s + (f":{self.how}" if self.how != "auto" else "")


def scalar_output(data: MetrosimData, spec: str | OutputSpec) -> xr.DataArray:
    """One value per run (dim ``run``) of an engine indicator, as ``spec`` says; attrs carry
    ``units``, ``long_name`` and ``label`` (``name@zone (at 2016-12) [units]``)."""
    spec = OutputSpec.parse(spec) if isinstance(spec, str) else spec
    if spec.group not in data:
        raise KeyError(f"{data.path}: no group {spec.group!r}")
    ds = data[spec.group]
    if spec.name not in ds.data_vars:
        raise KeyError(f"{data.path}: /{spec.group} has no {spec.name!r}")
    da = ds[spec.name]
    if spec.zone is not None:
        da = select_zone(da, spec.zone)
    elif "zone" in da.dims:
        raise ValueError(f"{spec}: a zone indicator needs @zone (name or code)")
    out, desc, units = summarise_time(da, spec.how)
    if "run" not in out.dims:
        raise ValueError(f"{spec}: no run dimension (a static variable)")
    extra = set(out.dims) - {"run"}
    if extra:
        raise ValueError(f"{spec}: dims {sorted(extra)} left; select them in the spec")
    what = spec.name + (f"@{spec.zone}" if spec.zone else "")
    out.attrs["label"] = f"{what} ({desc}) [{units}]"
    return out


def runs_table(data: MetrosimData) -> tuple[pd.DataFrame, list[str]]:
    """The /runs table and the varied parameters (``section__key`` names)."""
    if "runs" not in data:
        raise ValueError(f"{data.path}: no /runs table")
    params = data.parameters
    return data.runs, params


def parameter_label(data: MetrosimData, name: str) -> str:
    """``investors.term_before_2019_months [months]`` for a /runs parameter variable."""
    units = data["runs"][name].attrs.get("units", "")
    return f"{parameter_key(name)} [{units}]" if units else parameter_key(name)


def _per_design_point(table: pd.DataFrame, y: np.ndarray, columns: list[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """Averages the output over replicates of each design point (``design_point``)."""
    if "design_point" not in table.columns:
        return table, y
    df = table.assign(_y=y)
    g = df.groupby("design_point", sort=True)
    first = g[columns].first()
    spread = (g[columns].max() - g[columns].min()).abs().to_numpy()
    if spread.size and np.nanmax(spread) > 0:
        raise ValueError("runs with the same design_point have different parameter values")
    return first.reset_index(), g["_y"].mean().to_numpy()


def saltelli_block_parameters(x: np.ndarray, block: np.ndarray, sample: np.ndarray) -> list[int]:
    """Which parameter (column of ``x``) each block A_B^(i), i = 1..k, varies, read from the
    data: the column in which its rows differ from the A rows of the same samples (most often;
    integer parameters may coincide by chance). Raises ValueError when that is not one-to-one."""
    k = x.shape[1]
    a_rows = {s: i for i, (s, b) in enumerate(zip(sample, block)) if b == 0}
    order = []
    for b in range(1, k + 1):
        votes = np.zeros(k)
        for i in np.flatnonzero(block == b):
            a = a_rows.get(sample[i])
            if a is not None:
                votes += x[i] != x[a]
        order.append(int(np.argmax(votes)) if votes.max() > 0 else -1)
    if sorted(order) != list(range(k)):
        raise ValueError("the Saltelli blocks in /runs do not vary one parameter each: the /runs "
                         "parameters do not match the design")
    return order


def detect_method(table: pd.DataFrame) -> str:
    """``sobol`` (design_block + design_sample), ``morris`` (design_trajectory + design_step) or
    ``given-data`` (anything else)."""
    cols = set(table.columns)
    if {"design_block", "design_sample"} <= cols:
        return "sobol"
    if {"design_trajectory", "design_step"} <= cols:
        return "morris"
    return "given-data"


def analyse(data: MetrosimData, output: str | OutputSpec, method: str = "auto",
            bounds: dict[str, tuple[float, float]] | None = None, n_bootstrap: int = 200,
            seed: int = 0) -> tuple[pd.DataFrame, dict]:
    """Sensitivity indices of a scalar ``output`` (see :class:`OutputSpec`) over the varied
    parameters of a multi-run file. ``method``: auto (from the design columns in /runs), sobol,
    morris or given-data. Replicates of a design point are averaged first. ``bounds``: parameter
    key -> (low, high) for Morris (e.g. from the design's JSON side file).
    Returns (indices indexed by scenario key, info dict with method, output label, units, runs)."""
    table, params = runs_table(data)
    if not params:
        raise ValueError(f"{data.path}: /runs has no varied parameters (replicates only?)")
    y = scalar_output(data, output)
    yv = y.values.astype(float)
    method = detect_method(table) if method == "auto" else method
    design_cols = [c for c in table.columns if c.startswith(DESIGN_PREFIX)]
    pts, yp = _per_design_point(table, yv, params + [c for c in design_cols if c != "design_point"])
    keys = [parameter_key(p) for p in params]
    x = pts[params].to_numpy(float)
    if not np.all(np.isfinite(yp)):
        keep = np.isfinite(yp)
        pts, x, yp = pts[keep], x[keep], yp[keep]
    if method == "sobol":
        block = pts["design_block"].to_numpy().astype(int)
        sample = pts["design_sample"].to_numpy().astype(int)
        order = saltelli_block_parameters(x, block, sample)
        res = sobol_indices(yp, block, sample, [keys[j] for j in order],
                            n_bootstrap=n_bootstrap, seed=seed)
    elif method == "morris":
        b = None
        if bounds:
            b = np.array([bounds.get(k, (np.nan, np.nan)) for k in keys], dtype=float)
            obs = np.column_stack([x.min(0), x.max(0)])
            b = np.where(np.isfinite(b), b, obs)
        res = morris_indices(x, yp, pts["design_trajectory"].to_numpy(), keys,
                             step=pts["design_step"].to_numpy(), bounds=b)
    elif method == "given-data":
        res = first_order_given_data(x, yp, keys)
    else:
        raise ValueError(f"unknown method {method!r} (auto, sobol, morris, given-data)")
    info = dict(method=method, output=str(output), label=y.attrs["label"],
                units=y.attrs.get("units", ""), runs=int(len(table)), points=int(len(yp)))
    return res, info


def response(data: MetrosimData, output: str | OutputSpec, param: str,
             max_levels: int = 12) -> tuple[pd.DataFrame, np.ndarray, np.ndarray, xr.DataArray]:
    """Response curve of ``output`` against one /runs parameter (scenario key or ``a__b`` name):
    (curve, x per run, y per run, the scalar output)."""
    name = parameter_name(param)
    if name not in data["runs"]:
        raise KeyError(f"{data.path}: /runs has no parameter {param!r} (has "
                       f"{', '.join(parameter_key(p) for p in data.parameters) or 'none'})")
    y = scalar_output(data, output)
    x = data["runs"][name].values.astype(float)
    return response_curve(x, y.values, max_levels), x, y.values, y


def surface(data: MetrosimData, output: str | OutputSpec, param1: str, param2: str,
            stat: str = "median", max_levels: int = 8) -> tuple[xr.DataArray, xr.DataArray]:
    """Two-parameter response surface of ``output`` (see :func:`response_surface`)."""
    names = (parameter_name(param1), parameter_name(param2))
    for n in names:
        if n not in data["runs"]:
            raise KeyError(f"{data.path}: /runs has no parameter {parameter_key(n)!r}")
    y = scalar_output(data, output)
    s = response_surface(data["runs"][names[0]].values, data["runs"][names[1]].values, y.values,
                         (parameter_key(names[0]), parameter_key(names[1])), stat, max_levels)
    return s, y
