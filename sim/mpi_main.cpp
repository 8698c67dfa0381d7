// mpi_main.cpp — metrosim_mpi: `mpirun -np N metrosim_mpi sweep DESIGN.csv ... --out OUT.h5`.
// Rank r runs the sweep's runs k with k % N == r into OUT.h5.parts/ (OpenMP threads within each
// run as usual) and rank 0 merges them: the same file as `metrosim sweep` on one machine.
#include <mpi.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/sweep.hpp"

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int rc = 2;
  if (argc < 2 || std::string(argv[1]) != "sweep") {
    if (rank == 0)
      std::cerr << "usage: mpirun -np N metrosim_mpi sweep DESIGN.csv [SCENARIO.ini] --out OUT.h5 "
                   "[options of metrosim sweep]\n";
  } else {
    std::string command_line;
    for (int i = 0; i < argc; ++i) command_line += (i ? " " : "") + std::string(argv[i]);
    // Every phase ends with the ranks agreeing on the worst exit code, so they stop together.
    auto agree = [](int code) {
      int worst = 0;
      MPI_Allreduce(&code, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
      return worst;
    };
    rc = metrosim::cli::sweep_main(std::vector<std::string>(argv + 2, argv + argc), command_line,
                                   rank, size, agree);
  }
  MPI_Finalize();
  return rc;
}
