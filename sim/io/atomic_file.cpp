// atomic_file.cpp — temp file + fsync + rename (POSIX). On Linux a rename that must not replace
// an existing file uses renameat2(RENAME_NOREPLACE), so a file created by someone else while we
// wrote is never clobbered; file systems without it fall back to check-then-rename.
#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <random>
#include <system_error>
#include <utility>

namespace metrosim::io {

namespace {

namespace fs = std::filesystem;

std::string errno_text(int err) {
  return std::generic_category().message(err);
}

fs::path directory_of(const std::string& path) {
  fs::path dir = fs::path(path).parent_path();
  return dir.empty() ? fs::path(".") : dir;
}

std::string exists_message(const std::string& path) {
  return "output file '" + path + "' already exists; use --overwrite to replace it";
}

std::string unique_suffix() {
  static std::atomic<unsigned> counter{0};
  static const unsigned seed = std::random_device{}();
  std::mt19937 gen(seed + counter.load() * 2654435761u);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%ld-%u-%08x", static_cast<long>(::getpid()), counter++,
                static_cast<unsigned>(gen()));
  return buf;
}

void fsync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw std::runtime_error("cannot open '" + path + "' to sync it: " + errno_text(errno));
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) throw std::runtime_error("cannot sync '" + path + "': " + errno_text(err));
}

/// Makes the rename itself durable. Best effort: the file is already in place and complete, and
/// some file systems cannot fsync a directory (EINVAL), so a failure here is not an error.
void fsync_directory_best_effort(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace

void check_output_path(const std::string& path, bool overwrite) {
  if (path.empty()) throw std::runtime_error("output path is empty");
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (fs::exists(st)) {
    if (fs::is_directory(st))
      throw std::runtime_error("output path '" + path + "' is a directory, not a file");
    if (!overwrite) throw OutputExistsError(exists_message(path));
  }
  const fs::path dir = directory_of(path);
  if (!fs::is_directory(dir, ec))
    throw std::runtime_error("cannot write '" + path + "': directory '" + dir.string() +
                             "' does not exist");
}

AtomicFile::AtomicFile(std::string path, bool overwrite)
    : path_(std::move(path)), overwrite_(overwrite) {
  check_output_path(path_, overwrite_);
  const fs::path dir = directory_of(path_);
  const std::string name = fs::path(path_).filename().string();
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string candidate = (dir / ("." + name + ".tmp-" + unique_suffix())).string();
    // 0666 so the final file gets the user's umask, like any file the user creates.
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      temp_path_ = candidate;
      return;
    }
    if (errno != EEXIST)
      throw std::runtime_error("cannot create a temporary file in '" + dir.string() + "' for '" +
                               path_ + "': " + errno_text(errno));
  }
  throw std::runtime_error("cannot create a unique temporary file next to '" + path_ + "'");
}

AtomicFile::~AtomicFile() {
  if (!committed_ && !temp_path_.empty()) ::unlink(temp_path_.c_str());
}

void AtomicFile::commit() {
  if (committed_) throw std::logic_error("AtomicFile::commit called twice for '" + path_ + "'");
  fsync_file(temp_path_);
  bool renamed = false;
  if (!overwrite_) {
    if (::renameat2(AT_FDCWD, temp_path_.c_str(), AT_FDCWD, path_.c_str(), RENAME_NOREPLACE) == 0) {
      renamed = true;
    } else if (errno == EEXIST) {
      throw OutputExistsError(exists_message(path_));
    } else if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP) {
      throw std::runtime_error("cannot rename '" + temp_path_ + "' to '" + path_ +
                               "': " + errno_text(errno));
    } else {
      check_output_path(path_, false);  // no RENAME_NOREPLACE here: check, then rename
    }
  }
  if (!renamed && std::rename(temp_path_.c_str(), path_.c_str()) != 0)
    throw std::runtime_error("cannot rename '" + temp_path_ + "' to '" + path_ +
                             "': " + errno_text(errno));
  committed_ = true;
  fsync_directory_best_effort(directory_of(path_));
}

void write_atomically(const std::string& path, bool overwrite,
                      const std::function<void(const std::string& temp_path)>& write) {
  AtomicFile file(path, overwrite);
  write(file.temp_path());
  file.commit();
}

}  // namespace metrosim::io
