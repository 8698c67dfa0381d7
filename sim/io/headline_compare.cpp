// headline_compare.cpp — see headline_compare.hpp. Reads with the HDF5 C API like h5_info.cpp.
#include "io/headline_compare.hpp"

#include <hdf5.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "io/diagnostics.hpp"
#include "io/hdf5_quiet.hpp"

namespace metrosim::io {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr const char* kPrefix = "headline_";

/// Owns an HDF5 id and closes it on destruction.
class Id {
 public:
  Id(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  ~Id() {
    if (id_ >= 0) close_(id_);
  }
  Id(const Id&) = delete;
  Id& operator=(const Id&) = delete;
  hid_t get() const { return id_; }
  bool ok() const { return id_ >= 0; }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

[[noreturn]] void refuse(const std::string& path, const std::string& key,
                         const std::string& message) {
  throw InputError({{path, 0, key, message}});
}

std::vector<hsize_t> shape_of(hid_t space) {
  const int rank = H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> dims(rank > 0 ? static_cast<std::size_t>(rank) : 0);
  if (rank > 0) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  return dims;
}

/// Strings of a string attribute (is_attr) or dataset, variable- or fixed-length.
std::vector<std::string> read_strings(hid_t obj, bool is_attr) {
  Id type(is_attr ? H5Aget_type(obj) : H5Dget_type(obj), H5Tclose);
  Id space(is_attr ? H5Aget_space(obj) : H5Dget_space(obj), H5Sclose);
  std::vector<std::string> out;
  if (!type.ok() || !space.ok() || H5Tget_class(type.get()) != H5T_STRING) return out;
  const hssize_t n = H5Sget_simple_extent_npoints(space.get());
  if (n <= 0) return out;
  if (H5Tis_variable_str(type.get()) > 0) {
    Id mem(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(mem.get(), H5T_VARIABLE);
    H5Tset_cset(mem.get(), H5Tget_cset(type.get()));
    std::vector<char*> ptrs(static_cast<std::size_t>(n), nullptr);
    const herr_t rc = is_attr ? H5Aread(obj, mem.get(), ptrs.data())
                              : H5Dread(obj, mem.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data());
    if (rc < 0) return out;
    for (char* p : ptrs) out.emplace_back(p ? p : "");
    H5Dvlen_reclaim(mem.get(), space.get(), H5P_DEFAULT, ptrs.data());
  } else {
    const std::size_t size = H5Tget_size(type.get());
    std::vector<char> buf(static_cast<std::size_t>(n) * size);
    const herr_t rc = is_attr ? H5Aread(obj, type.get(), buf.data())
                              : H5Dread(obj, type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data());
    if (rc < 0) return out;
    for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
      std::string s(&buf[i * size], size);
      s.resize(std::min(s.size(), s.find('\0')));
      out.push_back(std::move(s));
    }
  }
  return out;
}

/// A text attribute of `obj`, or "" when absent.
std::string text_attr(hid_t obj, const char* name) {
  if (H5Aexists(obj, name) <= 0) return "";
  Id attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  const auto v = read_strings(attr.get(), true);
  return v.empty() ? "" : v[0];
}

/// An integer attribute of `obj`, or `fallback` when absent or not an integer.
std::int64_t int_attr(hid_t obj, const char* name, std::int64_t fallback) {
  if (H5Aexists(obj, name) <= 0) return fallback;
  Id attr(H5Aopen(obj, name, H5P_DEFAULT), H5Aclose);
  Id type(H5Aget_type(attr.get()), H5Tclose);
  if (H5Tget_class(type.get()) != H5T_INTEGER) return fallback;
  long long v = 0;
  return H5Aread(attr.get(), H5T_NATIVE_LLONG, &v) >= 0 ? v : fallback;
}

/// A numeric dataset as doubles with its shape (empty shape when absent).
std::vector<double> read_numbers(hid_t file, const std::string& name, std::vector<hsize_t>& shape) {
  shape.clear();
  if (H5Lexists(file, name.c_str(), H5P_DEFAULT) <= 0) return {};
  Id ds(H5Dopen2(file, name.c_str(), H5P_DEFAULT), H5Dclose);
  Id space(H5Dget_space(ds.get()), H5Sclose);
  shape = shape_of(space.get());
  std::vector<double> v(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get())));
  if (!v.empty() &&
      H5Dread(ds.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()) < 0)
    shape.clear();
  return v;
}

/// Names of the links in a group, in name order.
std::vector<std::string> members(hid_t file, const char* group) {
  std::vector<std::string> out;
  if (H5Lexists(file, group, H5P_DEFAULT) <= 0) return out;
  Id g(H5Gopen2(file, group, H5P_DEFAULT), H5Gclose);
  H5G_info_t info;
  if (H5Gget_info(g.get(), &info) < 0) return out;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t n =
        H5Lget_name_by_idx(g.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    if (n <= 0) continue;
    std::string name(static_cast<std::size_t>(n) + 1, '\0');
    H5Lget_name_by_idx(g.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(),
                       H5P_DEFAULT);
    name.resize(static_cast<std::size_t>(n));
    out.push_back(std::move(name));
  }
  return out;
}

std::string join(const std::vector<std::string>& v, std::size_t max_items = 8) {
  std::string s;
  for (std::size_t i = 0; i < v.size() && i < max_items; ++i) s += (i ? ", " : "") + v[i];
  if (v.size() > max_items) s += ", ...";
  return s;
}

std::string join(const std::vector<std::int64_t>& v) {
  std::vector<std::string> s;
  for (auto x : v) s.push_back(std::to_string(x));
  return join(s);
}

}  // namespace

HeadlineFile read_headline_file(const std::string& path) {
  const QuietHdf5 quiet;
  const std::string not_ours =
      "not a metrosim output file (HDF5 with format_version and "
      "file_kind \"run\" or \"sweep\", written by `metrosim run`)";
  Id file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!file.ok()) refuse(path, "", not_ours);
  HeadlineFile f;
  f.path = path;
  f.file_kind = text_attr(file.get(), "file_kind");
  if (text_attr(file.get(), "format_version").empty() ||
      (f.file_kind != "run" && f.file_kind != "sweep"))
    refuse(path, "", not_ours);
  f.scenario_name = text_attr(file.get(), "scenario_name");
  f.start = text_attr(file.get(), "start");
  f.steps = int_attr(file.get(), "steps", -1);
  f.every = int_attr(file.get(), "output_every", 1);
  if (H5Lexists(file.get(), "/zones", H5P_DEFAULT) > 0 &&
      H5Lexists(file.get(), "/zones/zone_code", H5P_DEFAULT) > 0) {
    Id ds(H5Dopen2(file.get(), "/zones/zone_code", H5P_DEFAULT), H5Dclose);
    f.zone_codes = read_strings(ds.get(), false);
  }
  const bool sweep = f.file_kind == "sweep";
  if (sweep) {
    std::vector<hsize_t> shape;
    const auto rep = read_numbers(file.get(), "/runs/replicate", shape);
    const auto seed = read_numbers(file.get(), "/runs/seed", shape);
    if (rep.empty() || seed.size() != rep.size())
      refuse(path, "/runs", "a multi-run file without its /runs table (replicate, seed)");
    for (double r : rep) f.replicates.push_back(static_cast<std::int64_t>(r));
    // Seeds are int64 and may exceed a double's 53 bits: read them exactly.
    Id ds(H5Dopen2(file.get(), "/runs/seed", H5P_DEFAULT), H5Dclose);
    f.seeds.assign(rep.size(), 0);
    H5Dread(ds.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, f.seeds.data());
    auto sorted = f.replicates;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
      refuse(path, "/runs/replicate",
             "replicate indices repeat: a parameter sweep, not replicates of one scenario");
  } else {
    f.replicates = {int_attr(file.get(), "replicate", 0)};
    f.seeds = {int_attr(file.get(), "seed", 0)};
  }
  for (const std::string& name : members(file.get(), "/metro")) {
    if (name.rfind(kPrefix, 0) != 0) continue;
    HeadlineSeries s;
    s.name = name;
    std::vector<hsize_t> shape;
    s.data = read_numbers(file.get(), "/metro/" + name, shape);
    if (shape.size() != (sweep ? 2u : 1u))
      refuse(path, "/metro/" + name, "expected dims (run, time) or (time)");
    s.runs = sweep ? shape[0] : 1;
    s.periods = shape.back();
    if (s.runs != f.replicates.size())
      refuse(path, "/metro/" + name, "its run dimension does not match /runs");
    Id ds(H5Dopen2(file.get(), ("/metro/" + name).c_str(), H5P_DEFAULT), H5Dclose);
    s.units = text_attr(ds.get(), "units");
    s.long_name = text_attr(ds.get(), "long_name");
    s.aggregation = text_attr(ds.get(), "aggregation");
    s.better = text_attr(ds.get(), "better");
    f.headlines.push_back(std::move(s));
  }
  if (f.headlines.empty())
    refuse(path, "/metro/headline_*",
           "no headline indicators (written by an older metrosim, or excluded by "
           "output.indicators): rerun the scenario");
  return f;
}

void check_comparable(const HeadlineFile& base, const HeadlineFile& other) {
  const auto differs = [&](const std::string& key, const std::string& what, const std::string& a,
                           const std::string& b) {
    refuse(other.path, key,
           what + " differs from the baseline " + base.path + " (" + b + " here, " + a +
               " there): the files cannot be paired");
  };
  if (other.zone_codes != base.zone_codes)
    differs("zone_code", "territory (zone codes)", join(base.zone_codes), join(other.zone_codes));
  if (other.start != base.start) differs("run.start", "start month", base.start, other.start);
  if (other.steps != base.steps)
    differs("run.steps", "horizon (steps)", std::to_string(base.steps),
            std::to_string(other.steps));
  if (other.every != base.every)
    differs("output.every", "output.every", std::to_string(base.every),
            std::to_string(other.every));
  if (other.replicates.size() != base.replicates.size())
    differs("replicates", "replicate count", std::to_string(base.replicates.size()),
            std::to_string(other.replicates.size()));
  // Replicates pair by index whatever their order in the file; each pair must share its seed.
  const auto by_replicate = [](const HeadlineFile& f) {
    std::vector<std::pair<std::int64_t, std::int64_t>> v;
    for (std::size_t r = 0; r < f.replicates.size(); ++r)
      v.emplace_back(f.replicates[r], f.seeds[r]);
    std::sort(v.begin(), v.end());
    return v;
  };
  const auto pb = by_replicate(base), po = by_replicate(other);
  std::vector<std::int64_t> rb, ro, sb, so;
  for (std::size_t i = 0; i < pb.size(); ++i) {
    rb.push_back(pb[i].first);
    ro.push_back(po[i].first);
    sb.push_back(pb[i].second);
    so.push_back(po[i].second);
  }
  if (ro != rb) differs("replicate", "replicate indices", join(rb), join(ro));
  if (so != sb)
    differs("run.seed", "seeds (common random numbers need the same seed per replicate)", join(sb),
            join(so));
  for (const HeadlineSeries& s : base.headlines) {
    const auto it = std::find_if(other.headlines.begin(), other.headlines.end(),
                                 [&](const HeadlineSeries& o) { return o.name == s.name; });
    if (it == other.headlines.end())
      refuse(other.path, "/metro/" + s.name,
             "missing here but present in the baseline " + base.path);
    if (it->periods != s.periods || it->aggregation != s.aggregation)
      refuse(other.path, "/metro/" + s.name,
             "periods or aggregation differ from the baseline " + base.path);
  }
}

double quantile7(std::vector<double> values, double p) {
  if (values.empty() ||
      std::any_of(values.begin(), values.end(), [](double x) { return std::isnan(x); }))
    return kNaN;
  std::sort(values.begin(), values.end());
  const double h = static_cast<double>(values.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

const char* summary_rule(const HeadlineSeries& s) {
  return s.aggregation == "flow" ? "total" : s.aggregation == "mean" ? "mean" : "final";
}

double summarise_run(const HeadlineSeries& s, std::size_t run) {
  const double* x = s.data.data() + run * s.periods;
  if (s.periods == 0) return kNaN;
  if (s.aggregation == "flow" || s.aggregation == "mean") {
    double sum = 0;  // NaN propagates, like numpy's sum and mean
    for (std::size_t t = 0; t < s.periods; ++t) sum += x[t];
    return s.aggregation == "flow" ? sum : sum / static_cast<double>(s.periods);
  }
  return x[s.periods - 1];
}

std::vector<CompareRow> compare_headlines(const HeadlineFile& base,
                                          const std::vector<HeadlineFile>& whatifs) {
  std::vector<CompareRow> rows;
  for (const HeadlineFile& w : whatifs) {
    for (const HeadlineSeries& b : base.headlines) {
      const HeadlineSeries& o =
          *std::find_if(w.headlines.begin(), w.headlines.end(),
                        [&](const HeadlineSeries& x) { return x.name == b.name; });
      std::vector<double> bv, ov, d;
      // Replicate indices are identical in both files (check_comparable), so run r pairs with
      // the run of the same replicate: the same seed.
      for (std::size_t r = 0; r < b.runs; ++r) {
        const auto it = std::find(w.replicates.begin(), w.replicates.end(), base.replicates[r]);
        const auto ro = static_cast<std::size_t>(it - w.replicates.begin());
        bv.push_back(summarise_run(b, r));
        ov.push_back(summarise_run(o, ro));
        d.push_back(ov.back() - bv.back());
      }
      CompareRow row;
      row.whatif = w.scenario_name.empty() ? w.path : w.scenario_name;
      row.indicator = b.name;
      row.units = b.units;
      row.rule = summary_rule(b);
      row.better = b.better;
      row.replicates = d.size();
      row.base_median = quantile7(bv, 0.5);
      row.whatif_median = quantile7(ov, 0.5);
      row.diff_median = quantile7(d, 0.5);
      row.diff_q05 = quantile7(d, 0.05);
      row.diff_q95 = quantile7(d, 0.95);
      row.relative_pct =
          row.base_median != 0 ? 100.0 * row.diff_median / std::fabs(row.base_median) : kNaN;
      row.distinguishable = row.diff_q05 > 0 || row.diff_q95 < 0;
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace metrosim::io
