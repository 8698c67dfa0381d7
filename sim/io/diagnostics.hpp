// diagnostics.hpp — input problems as `file:line: key: what is wrong, what is allowed`.
// Readers collect every problem they find, then throw one InputError holding all of them; the
// CLI prints them, one per line, and exits with code 2 before anything is written.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace metrosim::io {

struct Diagnostic {
  std::string file;            ///< path as the user gave it ("--set" for the command line)
  int line = 0;                ///< 1-based; 0 when the problem has no line (missing file)
  std::string key;             ///< scenario key, CSV column or section; may be empty
  std::string message;         ///< what is wrong, what is allowed
  std::string format() const;  ///< "file:line: key: message"
};

class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace metrosim::io
