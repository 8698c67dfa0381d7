// h5_writer.cpp — RunOutput -> HDF5 per docs/OUTPUT.md: output parameters first (indicator
// selection, yearly aggregation), then one group per Group with its own dimension-scale
// coordinates attached to every axis of every variable, chunked and gzip-compressed variables,
// written through an AtomicFile so no partial file is ever visible under the final name.
#include "io/h5_writer.hpp"
#include "io/hdf5_quiet.hpp"

#include <fnmatch.h>
#include <hdf5_hl.h>

#include <H5Cpp.h>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

#include "io/diagnostics.hpp"
#include "io/key_registry.hpp"  // did_you_mean

namespace metrosim::io {

namespace {

constexpr const char* kTimeDim = "time";
constexpr std::size_t kMaxTimeChunk = 120;  // months per chunk along time (10 years)
constexpr unsigned kDeflateLevel = 4;

std::size_t coord_size(const Coordinate& c) {
  return std::visit([](const auto& v) { return v.size(); }, c.values);
}

bool is_dimension(const Coordinate& c) {
  return c.dim.empty();
}

std::string where(const Group& g, const std::string& name) {
  return "/" + g.name + "/" + name;
}

void check_name(const std::string& name, const std::string& what) {
  if (name.empty() || name == "." || name.find('/') != std::string::npos)
    throw std::invalid_argument("invalid " + what + " name '" + name +
                                "': must be non-empty and contain no '/'");
}

/// Dimension name -> length for one group's dimension coordinates.
std::map<std::string, std::size_t> dimension_sizes(const Group& g) {
  std::map<std::string, std::size_t> sizes;
  for (const Coordinate& c : g.coords)
    if (is_dimension(c)) sizes[c.name] = coord_size(c);
  return sizes;
}

std::vector<std::size_t> shape_of(const Variable& v,
                                  const std::map<std::string, std::size_t>& sizes) {
  std::vector<std::size_t> shape;
  for (const std::string& d : v.dims) shape.push_back(sizes.at(d));
  return shape;
}

std::size_t product(const std::vector<std::size_t>& shape) {
  return std::accumulate(shape.begin(), shape.end(), std::size_t{1},
                         [](std::size_t a, std::size_t b) { return a * b; });
}

/// Programming errors in the RunOutput a run hands over: caught before any file is touched.
void validate(const RunOutput& out) {
  std::set<std::string> group_names;
  for (const Group& g : out.groups) {
    check_name(g.name, "group");
    if (!group_names.insert(g.name).second)
      throw std::invalid_argument("group '" + g.name + "' appears twice");
    const auto sizes = dimension_sizes(g);
    std::set<std::string> names;
    for (const Coordinate& c : g.coords) {
      check_name(c.name, "coordinate");
      if (!names.insert(c.name).second)
        throw std::invalid_argument(where(g, c.name) + " appears twice");
      if (is_dimension(c)) continue;
      const auto it = sizes.find(c.dim);
      if (it == sizes.end())
        throw std::invalid_argument(where(g, c.name) + " lies along dimension '" + c.dim +
                                    "', which has no dimension coordinate in the group");
      if (it->second != coord_size(c))
        throw std::invalid_argument(where(g, c.name) + " has " + std::to_string(coord_size(c)) +
                                    " values but dimension '" + c.dim + "' has " +
                                    std::to_string(it->second));
    }
    for (const Variable& v : g.vars) {
      check_name(v.name, "variable");
      if (!names.insert(v.name).second)
        throw std::invalid_argument(where(g, v.name) + " appears twice");
      if (v.units.empty() || v.long_name.empty())
        throw std::invalid_argument(where(g, v.name) +
                                    " needs non-empty units and long_name (docs/OUTPUT.md)");
      std::set<std::string> seen;
      for (const std::string& d : v.dims) {
        if (!sizes.count(d))
          throw std::invalid_argument(where(g, v.name) + " uses dimension '" + d +
                                      "', which has no dimension coordinate in the group");
        if (!seen.insert(d).second)
          throw std::invalid_argument(where(g, v.name) + " uses dimension '" + d + "' twice");
      }
      if (v.aggregation == Aggregation::kStatic && seen.count(kTimeDim))
        throw std::invalid_argument(where(g, v.name) +
                                    " is Aggregation::kStatic but has a time dimension");
      const std::size_t expected = product(shape_of(v, sizes));
      if (v.data.size() != expected)
        throw std::invalid_argument(where(g, v.name) + " has " + std::to_string(v.data.size()) +
                                    " values but its dims need " + std::to_string(expected));
    }
  }
}

/// A pattern with '/' names "group/variable"; otherwise it matches the variable in any group.
bool matches(const std::string& pattern, const std::string& qualified_name) {
  const std::string subject = pattern.find('/') != std::string::npos
                                  ? qualified_name
                                  : qualified_name.substr(qualified_name.find('/') + 1);
  return ::fnmatch(pattern.c_str(), subject.c_str(), 0) == 0;
}

void select_indicators(RunOutput& out, const std::vector<std::string>& patterns) {
  if (patterns.empty()) return;
  std::vector<std::string> available;
  for (const Group& g : out.groups)
    for (const Variable& v : g.vars) available.push_back(g.name + "/" + v.name);
  check_indicator_patterns(patterns, available);
  for (Group& g : out.groups)
    std::erase_if(g.vars, [&](const Variable& v) {
      return std::none_of(patterns.begin(), patterns.end(),
                          [&](const std::string& p) { return matches(p, g.name + "/" + v.name); });
    });
}

/// Keeps the first element of each period of `every` along a 1-D time coordinate.
template <class T>
std::vector<T> first_of_periods(const std::vector<T>& values, std::size_t every) {
  std::vector<T> kept;
  for (std::size_t t = 0; t < values.size(); t += every) kept.push_back(values[t]);
  return kept;
}

void aggregate_variable(Variable& v, std::size_t axis, const std::vector<std::size_t>& shape,
                        std::size_t every) {
  std::size_t outer = 1, inner = 1;
  for (std::size_t i = 0; i < axis; ++i) outer *= shape[i];
  for (std::size_t i = axis + 1; i < shape.size(); ++i) inner *= shape[i];
  const std::size_t steps = shape[axis];
  const std::size_t periods = (steps + every - 1) / every;
  std::vector<double> agg(outer * periods * inner, 0.0);
  for (std::size_t o = 0; o < outer; ++o)
    for (std::size_t p = 0; p < periods; ++p) {
      const std::size_t first = p * every, end = std::min(first + every, steps);
      double* dst = &agg[(o * periods + p) * inner];
      if (v.aggregation == Aggregation::kFlow) {
        for (std::size_t t = first; t < end; ++t)  // fixed order: bit-identical sums
          for (std::size_t i = 0; i < inner; ++i) dst[i] += v.data[(o * steps + t) * inner + i];
      } else if (v.aggregation == Aggregation::kMean) {
        // Month means average over the period's months that have a value (NaN = undefined).
        for (std::size_t i = 0; i < inner; ++i) {
          double sum = 0.0;
          std::size_t n = 0;
          for (std::size_t t = first; t < end; ++t) {
            const double x = v.data[(o * steps + t) * inner + i];
            if (!std::isnan(x)) {
              sum += x;
              ++n;
            }
          }
          dst[i] = n > 0 ? sum / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
        }
      } else if (v.aggregation == Aggregation::kCumulative) {
        // A running value as of a month's end: the period's value is its last month's.
        const double* src = &v.data[(o * steps + end - 1) * inner];
        std::copy(src, src + inner, dst);
      } else {
        // Stocks are observed on the first day of a month (docs/OUTPUT.md), so the period's
        // value is the one at its time stamp: the first month (= the end of the previous period).
        const double* src = &v.data[(o * steps + first) * inner];
        std::copy(src, src + inner, dst);
      }
    }
  v.data = std::move(agg);
  // A flow summed over a year is a per-year quantity.
  static const std::string per_month = "/month";
  if (v.aggregation == Aggregation::kFlow && every == 12 && v.units.size() >= per_month.size() &&
      v.units.compare(v.units.size() - per_month.size(), per_month.size(), per_month) == 0)
    v.units.replace(v.units.size() - per_month.size(), per_month.size(), "/year");
}

void aggregate_time(RunOutput& out, std::size_t every) {
  for (Group& g : out.groups) {
    const auto sizes = dimension_sizes(g);
    if (!sizes.count(kTimeDim)) continue;
    for (Variable& v : g.vars) {
      const auto it = std::find(v.dims.begin(), v.dims.end(), kTimeDim);
      if (it == v.dims.end()) continue;
      aggregate_variable(v, static_cast<std::size_t>(it - v.dims.begin()), shape_of(v, sizes),
                         every);
    }
    for (Coordinate& c : g.coords)
      if (c.name == kTimeDim || c.dim == kTimeDim)
        std::visit([&](auto& values) { values = first_of_periods(values, every); }, c.values);
  }
}

// ---- HDF5 -------------------------------------------------------------------------------------

/// The innermost message on HDF5's error stack ("name already exists"), or "".
std::string hdf5_error_detail() {
  std::string detail;
  H5Ewalk2(
      H5E_DEFAULT, H5E_WALK_UPWARD,
      [](unsigned n, const H5E_error2_t* err, void* out) -> herr_t {
        if (n == 0 && err->desc) *static_cast<std::string*>(out) = err->desc;
        return 0;
      },
      &detail);
  return detail;
}

H5::StrType utf8_string_type() {
  H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  type.setCset(H5T_CSET_UTF8);
  return type;
}

void write_string_attr(H5::H5Object& obj, const std::string& name, const std::string& value) {
  const H5::StrType type = utf8_string_type();
  H5::Attribute attr = obj.createAttribute(name, type, H5::DataSpace(H5S_SCALAR));
  attr.write(type, value);
}

void write_int_attr(H5::H5Object& obj, const std::string& name, std::int64_t value) {
  H5::Attribute attr =
      obj.createAttribute(name, H5::PredType::STD_I64LE, H5::DataSpace(H5S_SCALAR));
  attr.write(H5::PredType::NATIVE_INT64, &value);
}

H5::DataSet write_coordinate(H5::Group& group, const Coordinate& c) {
  const hsize_t n = coord_size(c);
  const H5::DataSpace space(1, &n);
  H5::DataSet ds = std::visit(
      [&](const auto& values) {
        using T = typename std::decay_t<decltype(values)>::value_type;
        if constexpr (std::is_same_v<T, std::string>) {
          const H5::StrType type = utf8_string_type();
          H5::DataSet d = group.createDataSet(c.name, type, space);
          std::vector<const char*> ptrs;
          for (const std::string& s : values) ptrs.push_back(s.c_str());
          if (n > 0) d.write(ptrs.data(), type);
          return d;
        } else {
          const auto [file_type, mem_type] = [] {
            if constexpr (std::is_same_v<T, std::int32_t>)
              return std::pair{H5::PredType::STD_I32LE, H5::PredType::NATIVE_INT32};
            else if constexpr (std::is_same_v<T, double>)
              return std::pair{H5::PredType::IEEE_F64LE, H5::PredType::NATIVE_DOUBLE};
            else if constexpr (std::is_same_v<T, std::int64_t>)
              return std::pair{H5::PredType::STD_I64LE, H5::PredType::NATIVE_INT64};
            else
              return std::pair{H5::PredType::STD_U8LE, H5::PredType::NATIVE_UINT8};
          }();
          H5::DataSet d = group.createDataSet(c.name, file_type, space);
          if (n > 0) d.write(values.data(), mem_type);
          return d;
        }
      },
      c.values);
  for (const auto& [key, value] : c.attrs) write_string_attr(ds, key, value);
  return ds;
}

H5::DataSet write_variable(H5::Group& group, const Variable& v,
                           const std::vector<std::size_t>& shape, model::Precision precision) {
  const std::vector<hsize_t> dims(shape.begin(), shape.end());
  const H5::DataSpace space(static_cast<int>(dims.size()), dims.data());
  H5::DSetCreatPropList plist;
  if (!dims.empty() && product(shape) > 0) {
    std::vector<hsize_t> chunk = dims;
    for (std::size_t i = 0; i < dims.size(); ++i)
      if (v.dims[i] == kTimeDim)
        chunk[i] = std::min<hsize_t>(dims[i], kMaxTimeChunk);
      else if (v.dims[i] == "run")
        chunk[i] = 1;  // one run per chunk: sweeps read run by run
    plist.setChunk(static_cast<int>(chunk.size()), chunk.data());
    plist.setShuffle();
    plist.setDeflate(kDeflateLevel);
  }
  H5::DataSet ds;
  if (precision == model::Precision::kFloat32) {
    ds = group.createDataSet(v.name, H5::PredType::IEEE_F32LE, space, plist);
    std::vector<float> narrowed(v.data.begin(), v.data.end());
    if (!narrowed.empty()) ds.write(narrowed.data(), H5::PredType::NATIVE_FLOAT);
  } else {
    ds = group.createDataSet(v.name, H5::PredType::IEEE_F64LE, space, plist);
    if (!v.data.empty()) ds.write(v.data.data(), H5::PredType::NATIVE_DOUBLE);
  }
  write_string_attr(ds, "units", v.units);
  write_string_attr(ds, "long_name", v.long_name);
  write_string_attr(ds, "aggregation",
                    v.aggregation == Aggregation::kFlow         ? "flow"
                    : v.aggregation == Aggregation::kStock      ? "stock"
                    : v.aggregation == Aggregation::kMean       ? "mean"
                    : v.aggregation == Aggregation::kCumulative ? "cumulative"
                                                                : "static");
  for (const auto& [key, value] : v.attrs)
    if (key != "units" && key != "long_name" && key != "aggregation")
      write_string_attr(ds, key, value);
  return ds;
}

void attach(const H5::DataSet& var, const H5::DataSet& scale, unsigned axis) {
  if (H5DSattach_scale(var.getId(), scale.getId(), axis) < 0)
    throw H5::DataSetIException("H5DSattach_scale", "cannot attach dimension scale");
}

void write_group(H5::H5File& file, const Group& g, model::Precision precision,
                 std::string& context) {
  context = "group /" + g.name;
  H5::Group group = file.createGroup(g.name);
  const auto sizes = dimension_sizes(g);
  std::map<std::string, H5::DataSet> scales;
  std::vector<std::pair<H5::DataSet, const Coordinate*>> aux;
  for (const Coordinate& c : g.coords) {
    context = where(g, c.name);
    H5::DataSet ds = write_coordinate(group, c);
    if (is_dimension(c)) {
      if (H5DSset_scale(ds.getId(), c.name.c_str()) < 0)
        throw H5::DataSetIException("H5DSset_scale", "cannot make a dimension scale");
      scales.emplace(c.name, ds);
    } else {
      aux.emplace_back(ds, &c);
    }
  }
  for (const auto& [ds, c] : aux) {
    context = where(g, c->name);
    attach(ds, scales.at(c->dim), 0);
  }
  for (const Variable& v : g.vars) {
    context = where(g, v.name);
    H5::DataSet ds = write_variable(group, v, shape_of(v, sizes), precision);
    // CF auxiliary coordinates: xarray shows zone_code, month_index, ... as coordinates of v.
    std::string coordinates;
    for (const Coordinate& c : g.coords)
      if (!is_dimension(c) && std::find(v.dims.begin(), v.dims.end(), c.dim) != v.dims.end())
        coordinates += (coordinates.empty() ? "" : " ") + c.name;
    if (!coordinates.empty()) write_string_attr(ds, "coordinates", coordinates);
    for (std::size_t axis = 0; axis < v.dims.size(); ++axis)
      attach(ds, scales.at(v.dims[axis]), static_cast<unsigned>(axis));
  }
}

/// Root attributes the writer owns: a caller's value under these names is replaced.
bool is_writer_attr(const std::string& key) {
  return key == "format_version" || key == "file_kind" || key == "output_every" ||
         key == "output_precision";
}

void write_file(const RunOutput& out, const std::string& file_path, model::Precision precision,
                int every, std::string& context) {
  H5::H5File file(file_path, H5F_ACC_TRUNC);
  context = "root attributes";
  for (const auto& [key, value] : out.attrs_text)
    if (!is_writer_attr(key)) write_string_attr(file, key, value);
  for (const auto& [key, value] : out.attrs_int)
    if (!is_writer_attr(key)) write_int_attr(file, key, value);
  write_string_attr(file, "format_version", kFormatVersion);
  write_string_attr(file, "file_kind", out.file_kind);
  write_int_attr(file, "output_every", every);
  write_string_attr(file, "output_precision",
                    precision == model::Precision::kFloat32 ? "float32" : "float64");
  for (const Group& g : out.groups) write_group(file, g, precision, context);
  context = "file close";
  file.flush(H5F_SCOPE_GLOBAL);
  file.close();
}

}  // namespace

void check_indicator_patterns(const std::vector<std::string>& patterns,
                              const std::vector<std::string>& available) {
  std::vector<std::string> names;  // bare names, for suggestions to patterns without '/'
  for (const std::string& q : available) {
    const std::string name = q.substr(q.find('/') + 1);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  std::vector<Diagnostic> problems;
  for (const std::string& p : patterns) {
    if (std::any_of(available.begin(), available.end(),
                    [&](const std::string& q) { return matches(p, q); }))
      continue;
    std::string hint = did_you_mean(p, p.find('/') != std::string::npos ? available : names);
    if (hint.empty()) hint = "; `metrosim indicators` lists them";
    problems.push_back({"", 0, "output.indicators", "unknown indicator '" + p + "'" + hint});
  }
  if (!problems.empty()) throw InputError(std::move(problems));
}

RunOutput apply_output_params(const RunOutput& out, const model::OutputParams& params) {
  validate(out);
  if (params.every != 1 && params.every != 12)
    throw InputError({{"", 0, "output.every",
                       "must be 1 (monthly) or 12 (yearly), got " + std::to_string(params.every)}});
  RunOutput result = out;
  select_indicators(result, params.indicators);
  if (params.every > 1) aggregate_time(result, static_cast<std::size_t>(params.every));
  return result;
}

void write_run_h5(const RunOutput& out, const std::string& path, const model::OutputParams& params,
                  bool overwrite) {
  check_output_path(path, overwrite);  // refuse early, before any work
  write_prepared_h5(apply_output_params(out, params), path, params, overwrite);
}

void write_prepared_h5(const RunOutput& stored, const std::string& path,
                       const model::OutputParams& params, bool overwrite) {
  validate(stored);
  AtomicFile target(path, overwrite);
  std::string context = "file";
  {
    const QuietHdf5 quiet;
    try {
      write_file(stored, target.temp_path(), params.precision, params.every, context);
    } catch (const H5::Exception& e) {
      std::string detail = hdf5_error_detail();
      if (detail.empty()) detail = e.getFuncName() + ": " + e.getDetailMsg();
      throw std::runtime_error("cannot write '" + path + "': HDF5 error at " + context + ": " +
                               detail);
    }
  }
  target.commit();
}

}  // namespace metrosim::io
