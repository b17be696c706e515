#!/usr/bin/env bash
# The Python test suite from a fresh checkout: creates the venv (.venv at the repository
# root) when it is missing, installs the build and test tools, builds and installs the
# package with `pip install ./python` (maturin, abi3 wheel), and runs pytest.
# Usage: tests/python/run.sh [pytest args…]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="${JIXIAO_VENV:-$ROOT/.venv}"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
# Pinned (tests/python/constraints.txt): the versions the suite last passed with.
CONSTRAINTS="$ROOT/tests/python/constraints.txt"
"$VENV/bin/python" -m pip install -q --upgrade pip -c "$CONSTRAINTS"
# Wheels only (no source builds); the data tools of tests/python/test_arrow.py and
# test_dask.py (pyarrow, polars, duckdb, dask + distributed, tqdm) are among them.
"$VENV/bin/python" -m pip install -q --only-binary=:all: -c "$CONSTRAINTS" "maturin>=1.9,<2" pytest hypothesis \
    pandas mypy openpyxl "pyarrow>=14,<23" "polars>=1,<2" "duckdb>=1,<2" \
    "dask[dataframe]>=2024.8" "distributed>=2024.8" "tqdm>=4.60"
# --no-build-isolation: use the maturin just installed (no second download per run).
"$VENV/bin/python" -m pip install -q --no-build-isolation --force-reinstall --no-deps ./python
"$VENV/bin/python" -m pytest tests/python -q "$@"
"$VENV/bin/python" -m mypy.stubtest jixiao
