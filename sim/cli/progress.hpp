// progress.hpp — a one-line progress indicator on stderr, drawn only when stderr is a terminal
// (so logs and CI output stay clean). Debian packages no C++ progress-bar library.
#pragma once
#include <chrono>
#include <string>

namespace metrosim::cli {

class Progress {
 public:
  explicit Progress(std::string label);
  void update(long done, long total);  ///< redraws at most every 100 ms, and at the end
  void finish();

 private:
  std::string label_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace metrosim::cli
