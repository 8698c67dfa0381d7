// run_part.cpp — see run_part.hpp.
#include "io/run_part.hpp"

#include <cstring>
#include <fstream>
#include <stdexcept>
#include <type_traits>

#include "io/atomic_file.hpp"
#include "io/csv_reader.hpp"
#include "io/sha256.hpp"

namespace metrosim::io {

namespace {

constexpr char kMagic[] = "METROSIM-RUN-PART";
constexpr std::uint32_t kPartFormat = 2;

class Writer {
 public:
  template <class T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void size(std::size_t n) { pod(static_cast<std::uint64_t>(n)); }
  void str(const std::string& s) {
    size(s.size());
    bytes_ += s;
  }
  template <class T>
  void vec(const std::vector<T>& v) {
    size(v.size());
    if constexpr (std::is_same_v<T, std::string>) {
      for (const auto& s : v) str(s);
    } else {
      bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }
  }
  void map(const std::map<std::string, std::string>& m) {
    size(m.size());
    for (const auto& [k, v] : m) {
      str(k);
      str(v);
    }
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class Reader {
 public:
  Reader(const std::string& bytes, std::size_t end, std::string what)
      : bytes_(bytes), end_(end), what_(std::move(what)) {}
  template <class T>
  T pod() {
    need(sizeof(T));
    T v;
    std::memcpy(&v, bytes_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  std::size_t size() {
    const auto n = pod<std::uint64_t>();
    if (n > end_ - pos_ && n > 0) fail("implausible length");
    return static_cast<std::size_t>(n);
  }
  std::string str() {
    const std::size_t n = size();
    need(n);
    std::string s = bytes_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  template <class T>
  std::vector<T> vec() {
    const std::size_t n = size();
    std::vector<T> v;
    if constexpr (std::is_same_v<T, std::string>) {
      for (std::size_t i = 0; i < n; ++i) v.push_back(str());
    } else {
      need(n * sizeof(T));
      v.resize(n);
      std::memcpy(v.data(), bytes_.data() + pos_, n * sizeof(T));
      pos_ += n * sizeof(T);
    }
    return v;
  }
  std::map<std::string, std::string> map() {
    std::map<std::string, std::string> m;
    const std::size_t n = size();
    for (std::size_t i = 0; i < n; ++i) {
      std::string k = str();
      m[k] = str();
    }
    return m;
  }
  bool at_end() const { return pos_ == end_; }
  [[noreturn]] void fail(const std::string& why) const {
    throw std::runtime_error(what_ + ": not a valid run part (" + why + ")");
  }

 private:
  void need(std::size_t n) const {
    if (n > end_ - pos_) fail("truncated");
  }
  const std::string& bytes_;
  std::size_t end_;
  std::size_t pos_ = 0;
  std::string what_;
};

void write_coord(Writer& w, const Coordinate& c) {
  w.str(c.name);
  w.pod(static_cast<std::uint8_t>(c.values.index()));
  std::visit([&](const auto& v) { w.vec(v); }, c.values);
  w.map(c.attrs);
  w.str(c.dim);
}

Coordinate read_coord(Reader& r) {
  Coordinate c;
  c.name = r.str();
  switch (r.pod<std::uint8_t>()) {
    case 0:
      c.values = r.vec<std::int32_t>();
      break;
    case 1:
      c.values = r.vec<double>();
      break;
    case 2:
      c.values = r.vec<std::string>();
      break;
    case 3:
      c.values = r.vec<std::uint8_t>();
      break;
    case 4:
      c.values = r.vec<std::int64_t>();
      break;
    default:
      r.fail("unknown coordinate type");
  }
  c.attrs = r.map();
  c.dim = r.str();
  return c;
}

}  // namespace

std::string serialize_run_part(const RunPart& part) {
  static_assert(std::variant_size_v<decltype(Coordinate::values)> == 5,
                "run_part: a new coordinate type needs a case in read_coord");
  Writer w;
  w.bytes().append(kMagic, sizeof kMagic);
  w.pod(kPartFormat);
  w.str(part.sweep_hash);
  w.pod(part.run);
  const RunOutput& o = part.output;
  w.str(o.file_kind);
  w.map(o.attrs_text);
  w.size(o.attrs_int.size());
  for (const auto& [k, v] : o.attrs_int) {
    w.str(k);
    w.pod(v);
  }
  w.size(o.groups.size());
  for (const Group& g : o.groups) {
    w.str(g.name);
    w.size(g.coords.size());
    for (const Coordinate& c : g.coords) write_coord(w, c);
    w.size(g.vars.size());
    for (const Variable& v : g.vars) {
      w.str(v.name);
      w.str(v.units);
      w.str(v.long_name);
      w.vec(v.dims);
      w.vec(v.data);
      w.pod(static_cast<std::uint8_t>(v.aggregation));
      w.map(v.attrs);
    }
  }
  std::string bytes = std::move(w.bytes());
  bytes += sha256_hex(bytes);
  return bytes;
}

RunPart deserialize_run_part(const std::string& bytes, const std::string& what) {
  constexpr std::size_t kHexLen = 64;
  if (bytes.size() < sizeof kMagic + kHexLen ||
      bytes.compare(0, sizeof kMagic, kMagic, sizeof kMagic))
    throw std::runtime_error(what + ": not a run part (no " + kMagic + " header)");
  const std::size_t end = bytes.size() - kHexLen;
  if (sha256_hex(std::string_view(bytes).substr(0, end)) != bytes.substr(end))
    throw std::runtime_error(what + ": run part fails its checksum (torn or altered file)");
  Reader r(bytes, end, what);
  for (std::size_t i = 0; i < sizeof kMagic; ++i) r.pod<char>();
  if (r.pod<std::uint32_t>() != kPartFormat) r.fail("written by a build with another part format");
  RunPart part;
  part.sweep_hash = r.str();
  part.run = r.pod<std::int64_t>();
  RunOutput& o = part.output;
  o.file_kind = r.str();
  o.attrs_text = r.map();
  for (std::size_t i = 0, n = r.size(); i < n; ++i) {
    std::string k = r.str();
    o.attrs_int[k] = r.pod<std::int64_t>();
  }
  for (std::size_t i = 0, n = r.size(); i < n; ++i) {
    Group g;
    g.name = r.str();
    for (std::size_t j = 0, nc = r.size(); j < nc; ++j) g.coords.push_back(read_coord(r));
    for (std::size_t j = 0, nv = r.size(); j < nv; ++j) {
      Variable v;
      v.name = r.str();
      v.units = r.str();
      v.long_name = r.str();
      v.dims = r.vec<std::string>();
      v.data = r.vec<double>();
      const auto a = r.pod<std::uint8_t>();
      if (a > static_cast<std::uint8_t>(Aggregation::kCumulative)) r.fail("unknown aggregation");
      v.aggregation = static_cast<Aggregation>(a);
      v.attrs = r.map();
      g.vars.push_back(std::move(v));
    }
    o.groups.push_back(std::move(g));
  }
  if (!r.at_end()) r.fail("trailing bytes");
  return part;
}

void write_run_part(const RunPart& part, const std::string& path) {
  const std::string bytes = serialize_run_part(part);
  write_atomically(path, true, [&](const std::string& tmp) {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) throw std::runtime_error("cannot write " + tmp);
  });
}

RunPart read_run_part(const std::string& path) {
  std::string bytes, error;
  if (!read_file_bytes(path, bytes, error)) throw std::runtime_error(path + ": " + error);
  return deserialize_run_part(bytes, path);
}

}  // namespace metrosim::io
