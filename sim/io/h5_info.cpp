// h5_info.cpp — `metrosim info`: walks a metrosim HDF5 file with the C API (groups, dimension
// scales, attributes) and prints a summary. Generic over layouts (runs and sweeps alike): dims come
// from the dimension scales attached to each axis, not from knowledge of the layout.
#include "io/h5_info.hpp"
#include "io/hdf5_quiet.hpp"

#include <hdf5.h>
#include <hdf5_hl.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

namespace metrosim::io {

namespace {

constexpr std::size_t kScenarioPreviewLines = 12;

/// Owns an HDF5 id; closes it with H5Oclose/H5Aclose/... on destruction.
class Handle {
 public:
  Handle(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  ~Handle() {
    if (id_ >= 0) close_(id_);
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  hid_t get() const { return id_; }
  bool ok() const { return id_ >= 0; }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string basename_of(const std::string& h5path) {
  const auto slash = h5path.rfind('/');
  return slash == std::string::npos ? h5path : h5path.substr(slash + 1);
}

std::string object_path(hid_t id) {
  const ssize_t n = H5Iget_name(id, nullptr, 0);
  if (n <= 0) return "";
  std::string name(static_cast<std::size_t>(n) + 1, '\0');
  H5Iget_name(id, name.data(), name.size());
  name.resize(static_cast<std::size_t>(n));
  return name;
}

std::vector<hsize_t> shape_of(hid_t space) {
  const int rank = H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> dims(rank > 0 ? static_cast<std::size_t>(rank) : 0);
  if (rank > 0) H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  return dims;
}

hsize_t element_count(const std::vector<hsize_t>& shape) {
  hsize_t n = 1;
  for (hsize_t d : shape) n *= d;
  return n;
}

std::string type_name(hid_t type) {
  const std::size_t size = H5Tget_size(type);
  switch (H5Tget_class(type)) {
    case H5T_FLOAT:
      return "float" + std::to_string(8 * size);
    case H5T_INTEGER:
      return (H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") + std::to_string(8 * size);
    case H5T_STRING:
      return "string";
    default:
      return "other";
  }
}

/// Reads every element of a string attribute or dataset (variable- or fixed-length).
std::vector<std::string> read_strings(hid_t obj, hid_t type, hid_t space, bool is_attr) {
  const hsize_t n = element_count(shape_of(space));
  std::vector<std::string> out;
  if (n == 0) return out;
  if (H5Tis_variable_str(type) > 0) {
    Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(mem.get(), H5T_VARIABLE);
    H5Tset_cset(mem.get(), H5Tget_cset(type));
    std::vector<char*> ptrs(n, nullptr);
    const herr_t rc = is_attr ? H5Aread(obj, mem.get(), ptrs.data())
                              : H5Dread(obj, mem.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data());
    if (rc < 0) return out;
    for (char* p : ptrs) out.emplace_back(p ? p : "");
    H5Dvlen_reclaim(mem.get(), space, H5P_DEFAULT, ptrs.data());
  } else {
    const std::size_t size = H5Tget_size(type);
    std::vector<char> buf(n * size);
    const herr_t rc = is_attr ? H5Aread(obj, type, buf.data())
                              : H5Dread(obj, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data());
    if (rc < 0) return out;
    for (hsize_t i = 0; i < n; ++i) {
      std::string s(&buf[i * size], size);
      s.resize(s.find('\0') == std::string::npos ? s.size() : s.find('\0'));
      out.push_back(std::move(s));
    }
  }
  return out;
}

/// An attribute's value as text: strings as they are, numbers shortest, arrays "[a, b, ...]".
std::string attr_text(hid_t attr) {
  Handle type(H5Aget_type(attr), H5Tclose);
  Handle space(H5Aget_space(attr), H5Sclose);
  std::vector<std::string> items;
  const H5T_class_t cls = H5Tget_class(type.get());
  if (cls == H5T_STRING) {
    items = read_strings(attr, type.get(), space.get(), true);
  } else if (cls == H5T_INTEGER || cls == H5T_FLOAT) {
    const hsize_t n = element_count(shape_of(space.get()));
    if (cls == H5T_INTEGER) {
      std::vector<long long> v(n);
      if (n && H5Aread(attr, H5T_NATIVE_LLONG, v.data()) >= 0)
        for (long long x : v) items.push_back(std::to_string(x));
    } else {
      std::vector<double> v(n);
      if (n && H5Aread(attr, H5T_NATIVE_DOUBLE, v.data()) >= 0)
        for (double x : v) items.push_back(format_number(x));
    }
  } else {
    return "<" + type_name(type.get()) + ">";
  }
  if (H5Sget_simple_extent_type(space.get()) == H5S_SCALAR && items.size() == 1) return items[0];
  std::string text = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i == 6 && items.size() > 8) {
      text += ", ... (" + std::to_string(items.size()) + " values)";
      break;
    }
    text += (i ? ", " : "") + items[i];
  }
  return text + "]";
}

/// name -> text of every attribute of an object, in name order.
std::vector<std::pair<std::string, std::string>> attributes(hid_t obj) {
  std::vector<std::pair<std::string, std::string>> out;
  hsize_t idx = 0;
  H5Aiterate2(
      obj, H5_INDEX_NAME, H5_ITER_INC, &idx,
      [](hid_t loc, const char* name, const H5A_info_t*, void* data) -> herr_t {
        Handle attr(H5Aopen(loc, name, H5P_DEFAULT), H5Aclose);
        if (!attr.ok()) return 0;
        static_cast<std::vector<std::pair<std::string, std::string>>*>(data)->emplace_back(
            name, attr_text(attr.get()));
        return 0;
      },
      &out);
  return out;
}

std::string find_attr(const std::vector<std::pair<std::string, std::string>>& attrs,
                      const std::string& name) {
  for (const auto& [k, v] : attrs)
    if (k == name) return v;
  return "";
}

bool has_attr(hid_t obj, const char* name) {
  return H5Aexists(obj, name) > 0;
}

/// Link names of a group's members, in name order.
std::vector<std::string> members(hid_t group) {
  std::vector<std::string> names;
  hsize_t idx = 0;
  H5Literate(
      group, H5_INDEX_NAME, H5_ITER_INC, &idx,
      [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
        static_cast<std::vector<std::string>*>(data)->emplace_back(name);
        return 0;
      },
      &names);
  return names;
}

/// Name of the dimension scale attached to `axis` of a dataset, or "" when none.
std::string scale_name(hid_t dset, unsigned axis) {
  if (H5DSget_num_scales(dset, axis) <= 0) return "";
  std::string name;
  H5DSiterate_scales(
      dset, axis, nullptr,
      [](hid_t, unsigned, hid_t scale, void* data) -> herr_t {
        *static_cast<std::string*>(data) = basename_of(object_path(scale));
        return 1;  // first scale is enough
      },
      &name);
  return name;
}

/// First and last element of a numeric dataset, as doubles.
bool first_last(hid_t dset, const std::vector<hsize_t>& shape, double& first, double& last) {
  if (element_count(shape) == 0) return false;
  if (shape.empty()) {
    if (H5Dread(dset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, &first) < 0) return false;
    last = first;
    return true;
  }
  std::vector<hsize_t> coords(2 * shape.size(), 0);
  for (std::size_t i = 0; i < shape.size(); ++i) coords[shape.size() + i] = shape[i] - 1;
  Handle file_space(H5Dget_space(dset), H5Sclose);
  if (H5Sselect_elements(file_space.get(), H5S_SELECT_SET, 2, coords.data()) < 0) return false;
  const hsize_t two = 2;
  Handle mem_space(H5Screate_simple(1, &two, nullptr), H5Sclose);
  double values[2] = {0, 0};
  if (H5Dread(dset, H5T_NATIVE_DOUBLE, mem_space.get(), file_space.get(), H5P_DEFAULT, values) < 0)
    return false;
  first = values[0];
  last = values[1];
  return true;
}

struct DatasetInfo {
  std::string name;
  bool is_scale = false;
  std::vector<hsize_t> shape;
  std::vector<std::string> dims;
  std::string type;
  std::string units, long_name;
  bool numeric = false;
};

DatasetInfo inspect(hid_t dset, const std::string& name) {
  DatasetInfo info;
  info.name = name;
  info.is_scale = H5DSis_scale(dset) > 0;
  Handle space(H5Dget_space(dset), H5Sclose);
  Handle type(H5Dget_type(dset), H5Tclose);
  info.shape = shape_of(space.get());
  info.type = type_name(type.get());
  const H5T_class_t cls = H5Tget_class(type.get());
  info.numeric = cls == H5T_INTEGER || cls == H5T_FLOAT;
  for (unsigned axis = 0; axis < info.shape.size(); ++axis) {
    std::string d = info.is_scale ? name : scale_name(dset, axis);
    info.dims.push_back(d.empty() ? "?" + std::to_string(axis) : d);
  }
  const auto attrs = attributes(dset);
  info.units = find_attr(attrs, "units");
  info.long_name = find_attr(attrs, "long_name");
  return info;
}

void describe_group(std::ostringstream& os, hid_t group, const std::string& path) {
  std::vector<DatasetInfo> datasets;
  std::vector<std::string> subgroups;
  for (const std::string& name : members(group)) {
    Handle obj(H5Oopen(group, name.c_str(), H5P_DEFAULT), H5Oclose);
    if (!obj.ok()) continue;
    const H5I_type_t kind = H5Iget_type(obj.get());
    if (kind == H5I_GROUP) subgroups.push_back(name);
    if (kind == H5I_DATASET) datasets.push_back(inspect(obj.get(), name));
  }
  const bool is_metro = path == "/metro";
  if (!datasets.empty()) {
    os << "\n" << path << "\n  dims:";
    bool any = false;
    for (const DatasetInfo& d : datasets)
      if (d.is_scale && d.shape.size() == 1) {
        os << (any ? ", " : " ") << d.name << " = " << d.shape[0];
        any = true;
      }
    if (!any) os << " (none)";
    os << "\n";
    // Dimension coordinates first, then the other datasets, each in name order.
    for (int pass = 0; pass < 2; ++pass)
      for (const DatasetInfo& d : datasets) {
        if (d.is_scale != (pass == 0)) continue;
        std::string head = "  " + d.name + "(";
        for (std::size_t i = 0; i < d.dims.size(); ++i) head += (i ? ", " : "") + d.dims[i];
        head += ")";
        if (head.size() < 34) head.resize(34, ' ');
        std::string type = d.type;
        if (type.size() < 8) type.resize(8, ' ');
        os << head << " " << type;
        if (!d.units.empty()) os << "  [" << d.units << "]";
        if (!d.long_name.empty()) os << "  " << d.long_name;
        if (is_metro && !d.is_scale && d.numeric) {
          Handle dset(H5Dopen2(group, d.name.c_str(), H5P_DEFAULT), H5Dclose);
          double first = 0, last = 0;
          if (dset.ok() && first_last(dset.get(), d.shape, first, last))
            os << "  first " << format_number(first) << ", last " << format_number(last);
        }
        os << "\n";
      }
  }
  for (const std::string& name : subgroups) {
    Handle sub(H5Gopen2(group, name.c_str(), H5P_DEFAULT), H5Gclose);
    if (sub.ok()) describe_group(os, sub.get(), (path == "/" ? "/" : path + "/") + name);
  }
}

void print_root_attr(std::ostringstream& os, const std::string& key, const std::string& value,
                     bool full) {
  if (value.find('\n') == std::string::npos) {
    os << "  " << key << ": " << value << "\n";
    return;
  }
  std::vector<std::string> lines;
  std::istringstream in(value);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const bool shorten = !full && (key == "scenario_resolved" || key == "shocks") &&
                       lines.size() > kScenarioPreviewLines;
  const std::size_t shown = shorten ? kScenarioPreviewLines : lines.size();
  os << "  " << key << ": (" << lines.size() << " lines)\n";
  for (std::size_t i = 0; i < shown; ++i) os << "    | " << lines[i] << "\n";
  if (shorten) os << "    | ... " << lines.size() - shown << " more lines (--full shows all)\n";
}

}  // namespace

std::string describe_h5(const std::string& path, bool full) {
  const QuietHdf5 quiet;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw std::runtime_error("cannot open '" + path + "': no such file");
  if (std::filesystem::is_directory(path, ec))
    throw std::runtime_error("cannot open '" + path + "': it is a directory");
  if (H5Fis_hdf5(path.c_str()) <= 0) throw std::runtime_error("'" + path + "' is not an HDF5 file");
  Handle file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!file.ok()) throw std::runtime_error("cannot open '" + path + "' as an HDF5 file");
  Handle root(H5Gopen2(file.get(), "/", H5P_DEFAULT), H5Gclose);
  for (const char* required : {"format_version", "file_kind"})
    if (!root.ok() || !has_attr(root.get(), required))
      throw std::runtime_error("'" + path +
                               "' is not a metrosim output file: it lacks the root "
                               "attribute '" +
                               std::string(required) + "'");
  const auto attrs = attributes(root.get());
  std::ostringstream os;
  os << path << ": metrosim " << find_attr(attrs, "file_kind") << " file, format_version "
     << find_attr(attrs, "format_version") << "\n\nroot attributes\n";
  for (const auto& [key, value] : attrs)
    if (key != "format_version" && key != "file_kind") print_root_attr(os, key, value, full);
  describe_group(os, root.get(), "/");
  return os.str();
}

}  // namespace metrosim::io
