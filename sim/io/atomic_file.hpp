// atomic_file.hpp — write an output file so that no partial version is ever visible under its
// final name: write a temp file in the same directory, fsync it, rename it into place, fsync the
// directory. The temp file is removed on any failure (TOOLCHAIN.md "HDF5 and crashes").
#pragma once
#include <functional>
#include <stdexcept>
#include <string>

namespace metrosim::io {

/// The output path exists and the caller did not ask to overwrite it.
struct OutputExistsError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Throws OutputExistsError when `path` exists and !overwrite (message names the path and says
/// "use --overwrite"), std::runtime_error when `path` is a directory or its directory does not
/// exist. Cheap: the CLI may call it before a long run so the user learns early.
void check_output_path(const std::string& path, bool overwrite);

/// A reserved temp file next to `path`. Write to temp_path(), then commit(); if commit() is never
/// reached (an exception), the destructor removes the temp file.
class AtomicFile {
 public:
  /// Runs check_output_path, then creates an empty, uniquely named temp file
  /// (".<name>.tmp-<pid>-<n>-<random>") in the same directory.
  AtomicFile(std::string path, bool overwrite);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

  /// Call after the temp file is written and closed: fsyncs it, renames it onto path() (refusing
  /// to replace a file that appeared meanwhile unless overwrite) and fsyncs the directory.
  void commit();

 private:
  std::string path_;
  std::string temp_path_;
  bool overwrite_ = false;
  bool committed_ = false;
};

/// AtomicFile f(path, overwrite); write(f.temp_path()); f.commit();
void write_atomically(const std::string& path, bool overwrite,
                      const std::function<void(const std::string& temp_path)>& write);

}  // namespace metrosim::io
