#!/usr/bin/env bash
# Installs the Debian 12 packages metrosim needs (as root; a no-op when all are present).
set -euo pipefail
packages=(
  build-essential cmake libhdf5-dev hdf5-tools libboost-program-options-dev libeigen3-dev
  catch2 librandom123-dev libssl-dev
  python3-h5py python3-numpy python3-matplotlib python3-pandas python3-xarray python3-netcdf4
  python3-h5netcdf python3-pytest python3-scipy openmpi-bin libopenmpi-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
