"""Where the tests find LutFold's tools and test data.

Run by the lit test test/Python/pytest.test, which sets LUTFOLD_BIN_DIR and
PYTHONPATH; by hand:

    PYTHONPATH=build/python_packages LUTFOLD_BIN_DIR=build/bin \\
        python3 -m pytest python/tests
"""

import os
import pathlib
import subprocess

import pytest

SOURCE_DIR = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def bin_dir() -> pathlib.Path:
    path = pathlib.Path(os.environ.get("LUTFOLD_BIN_DIR",
                                       SOURCE_DIR / "build" / "bin"))
    if not (path / "lutfold-opt").exists():
        pytest.fail(f"no lutfold-opt in {path}: set LUTFOLD_BIN_DIR")
    return path


@pytest.fixture(scope="session")
def run_tool(bin_dir):
    def run(tool, *args):
        return subprocess.run([str(bin_dir / tool), *map(str, args)],
                              check=True, capture_output=True,
                              text=True).stdout
    return run


@pytest.fixture(scope="session")
def source_dir() -> pathlib.Path:
    return SOURCE_DIR
