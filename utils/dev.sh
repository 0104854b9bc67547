#!/usr/bin/env bash
# LutFold developer entry point.
#
#   ./utils/dev.sh demo     install what is missing, build, fold examples/
#   ./utils/dev.sh test     install what is missing, build, run every test
#   ./utils/dev.sh build    install what is missing and build
#   ./utils/dev.sh sanitize build with AddressSanitizer and UBSan in
#                           build-sanitize/ and run every test there
#   ./utils/dev.sh bench    the benchmarks of docs/Performance.md (minutes)
#   ./utils/dev.sh fuzz [N] run the fuzzers for N executions each
#                           (default 1000000; the slower int16 fit fuzzer
#                           and int16 islands N / 500) in build/fuzz-runs/
#   ./utils/dev.sh deps     install the Debian packages the project needs
#   ./utils/dev.sh docs     refresh docs/Passes.md (from Passes.td) and
#                           docs/IslandOps.md (from ScalarOps.def)
#   ./utils/dev.sh format   clang-format every C++ source file in place
#
# BUILD_DIR (default: build), BUILD_TYPE (default: Release) and PYTHON (the
# interpreter of the Python package; default: /usr/bin/python3) can be set
# in the environment.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
BUILD_TYPE="${BUILD_TYPE:-Release}"
LLVM_PREFIX=/usr/lib/llvm-22
# The interpreter the Python package is built for, and the tests run with:
# Debian's, which has the Debian packages above (numpy, pytest).
PYTHON="${PYTHON:-/usr/bin/python3}"

PACKAGES=(
  cmake ninja-build g++ python3 git
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools
  libgtest-dev libbenchmark-dev clang-format-22 zlib1g-dev libzstd-dev
  librsvg2-bin python3-yaml
  clang-22 libclang-rt-22-dev
  pybind11-dev python3-dev python3-numpy python3-pytest
  valgrind
)

log() { printf '==> %s\n' "$*" >&2; }

deps() {
  local missing=()
  for pkg in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null |
      grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  log "installing: ${missing[*]}"
  local sudo=()
  if ((EUID != 0)); then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
}

configure() {
  if [[ -f "$BUILD_DIR/build.ninja" ]]; then
    # A build directory configured for another interpreter (or before the
    # Python package existed) is pointed at $PYTHON.
    if ! grep -q "^Python3_EXECUTABLE:[A-Z]*=$PYTHON\$" \
      "$BUILD_DIR/CMakeCache.txt"; then
      log "reconfiguring $BUILD_DIR for $PYTHON"
      cmake -DPython3_EXECUTABLE="$PYTHON" "$BUILD_DIR" >/dev/null
    fi
    return 0
  fi
  log "configuring $BUILD_DIR ($BUILD_TYPE)"
  # clang builds the libFuzzer targets too (fuzz/).
  cmake -G Ninja -S "$ROOT" -B "$BUILD_DIR" \
    -DCMAKE_BUILD_TYPE="$BUILD_TYPE" \
    -DCMAKE_C_COMPILER="$LLVM_PREFIX/bin/clang" \
    -DCMAKE_CXX_COMPILER="$LLVM_PREFIX/bin/clang++" \
    -DMLIR_DIR="$LLVM_PREFIX/lib/cmake/mlir" \
    -DLLVM_EXTERNAL_LIT="$LLVM_PREFIX/bin/lit" \
    -DPython3_EXECUTABLE="$PYTHON" \
    "${CMAKE_ARGS[@]}"
}

build() {
  deps
  configure
  log "building"
  ninja -C "$BUILD_DIR"
}

demo() {
  build
  log "folding examples/sigmoid.mlir"
  "$BUILD_DIR/bin/lutfold-opt" --tosa-fold-to-table \
    --mlir-print-elementsattrs-with-hex-if-larger=-1 "$ROOT/examples/sigmoid.mlir"
}

run_tests() {
  build
  log "running the test suite"
  local status=0
  "$LLVM_PREFIX/bin/lit" -sv "$BUILD_DIR/test" || status=$?
  return "$status"
}

sanitize() {
  BUILD_DIR="${SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}"
  BUILD_TYPE=RelWithDebInfo
  local flags="-fsanitize=address,undefined -fno-sanitize-recover=all"
  flags+=" -fno-omit-frame-pointer"
  CMAKE_ARGS=("-DCMAKE_CXX_FLAGS=$flags"
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined"
    "-DLUTFOLD_SANITIZED_BUILD=ON")
  run_tests
}

fuzz() {
  local runs="${1:-1000000}"
  build
  local dir="$BUILD_DIR/fuzz-runs"
  mkdir -p "$dir/lut" "$dir/int16" "$dir/island"
  log "table builder fuzzer: $runs executions"
  (cd "$dir" && "$BUILD_DIR/bin/lutfold-lut-fuzzer" -runs="$runs" \
    -max_len=256 -print_final_stats=1 lut 2>&1 | tail -n 12)
  local int16_runs=$(( runs / 500 > 10 ? runs / 500 : 10 ))
  log "int16 fit fuzzer: $int16_runs executions"
  (cd "$dir" && "$BUILD_DIR/bin/lutfold-int16-fuzzer" -runs="$int16_runs" \
    -max_len=256 -print_final_stats=1 int16 2>&1 | tail -n 12)
  log "island fuzzer, int8 islands: $runs executions"
  (cd "$dir" && LUTFOLD_FUZZ_INT16=off LUTFOLD_FUZZ_STATS=1 \
    "$BUILD_DIR/bin/lutfold-island-fuzzer" -runs="$runs" -max_len=512 \
    -print_final_stats=1 island 2>&1 | tail -n 14)
  log "chain fuzzer: $runs executions"
  mkdir -p "$dir/chain"
  (cd "$dir" && "$BUILD_DIR/bin/lutfold-chain-fuzzer" -runs="$runs" \
    -max_len=512 -print_final_stats=1 chain 2>&1 | tail -n 12)
  # Each int16 island fits a table and checks 65,536 codes.
  log "island fuzzer, int16 islands: $int16_runs executions"
  mkdir -p "$dir/island16"
  (cd "$dir" && LUTFOLD_FUZZ_INT16=only LUTFOLD_FUZZ_STATS=1 \
    "$BUILD_DIR/bin/lutfold-island-fuzzer" -runs="$int16_runs" -max_len=512 \
    -print_final_stats=1 island16 2>&1 | tail -n 14)
}

bench() {
  build
  log "fold vs parse, int8 quant-dialect islands (K = 500)"
  python3 "$ROOT/bench/fold/run_fold_bench.py" --tool "$BUILD_DIR/bin/lutfold-opt" \
    --islands 10000,20000,100000,200000 --params 500 --repeat 3
  log "fold vs parse, plain-TOSA islands (K = 500)"
  python3 "$ROOT/bench/fold/run_fold_bench.py" --tool "$BUILD_DIR/bin/lutfold-opt" \
    --islands 20000,100000 --params 500 --encoding plain
  log "fold vs parse, int16 islands (K = 20), with and without threads"
  python3 "$ROOT/bench/fold/run_fold_bench.py" --tool "$BUILD_DIR/bin/lutfold-opt" \
    --islands 20000,100000 --params 20 --encoding int16 --threading both \
    --repeat 3
  log "instructions per island against bench/fold/fold-cost-baseline.json"
  python3 "$ROOT/bench/fold/check_fold_cost.py" --tool "$BUILD_DIR/bin/lutfold-opt" || true
  log "one island of 10,000 to 100,000 operations: analysis linear in its size"
  python3 "$ROOT/bench/fold/run_island_size_bench.py" --tool "$BUILD_DIR/bin/lutfold-opt" \
    --ops 10000,20000,50000,100000 --repeat 3
  log "table builders against plain loops"
  "$BUILD_DIR/bin/lutfold-table-benchmark" --benchmark_repetitions=5 \
    --benchmark_report_aggregates_only=true
  log "int16 fit against LutFold 0.1's, ExecuTorch's and TFLite's: 240 cases"
  "$BUILD_DIR/bin/lutfold-int16-error-report" --sweep 240 --seed 1
}

docs() {
  build
  cp "$BUILD_DIR/docs/Passes.md" "$BUILD_DIR/docs/IslandOps.md" "$ROOT/docs/"
  log "docs/Passes.md and docs/IslandOps.md refreshed"
}

format() {
  deps
  (cd "$ROOT" && find include lib tools unittests fuzz bench examples docs python -name '*.cpp' -o -name '*.h' |
    xargs clang-format-22 -i)
}

CMAKE_ARGS=()
case "${1:-}" in
  deps) deps ;;
  build) build ;;
  demo) demo ;;
  test) run_tests ;;
  sanitize) sanitize ;;
  docs) docs ;;
  format) format ;;
  fuzz) fuzz "${2:-}" ;;
  bench) bench ;;
  *)
    sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
