// diagnostics.cpp — formatting of input problems and the exception that carries all of them.
#include "io/diagnostics.hpp"

#include <utility>

namespace metrosim::io {

namespace {

std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.format();
  }
  return text.empty() ? std::string("invalid input") : text;
}

}  // namespace

std::string Diagnostic::format() const {
  std::string text = file.empty() ? std::string("<input>") : file;
  if (line > 0) text += ':' + std::to_string(line);
  text += ": ";
  if (!key.empty()) text += key + ": ";
  text += message;
  return text;
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace metrosim::io
