// hdf5_quiet.hpp — silences HDF5's automatic error printing while alive, so that HDF5 failures
// become exceptions with context (file, object) instead of stack dumps on stderr.
#pragma once
#include <H5Epublic.h>

namespace metrosim::io {

class QuietHdf5 {
 public:
  QuietHdf5() {
    H5Eget_auto2(H5E_DEFAULT, &func_, &data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  ~QuietHdf5() { H5Eset_auto2(H5E_DEFAULT, func_, data_); }
  QuietHdf5(const QuietHdf5&) = delete;
  QuietHdf5& operator=(const QuietHdf5&) = delete;

 private:
  H5E_auto2_t func_ = nullptr;
  void* data_ = nullptr;
};

}  // namespace metrosim::io
