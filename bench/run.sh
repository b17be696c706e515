#!/usr/bin/env bash
# The performance run, one command: generates the inputs, runs the Rust benchmarks and
# the Python benchmarks, and prints the tables of figures and ratios (docs/performance.md).
#
#   bash bench/run.sh            # 10 MB / 100 MB inputs, 1 M indicators
#   QUICK=1 bash bench/run.sh    # 10 MB and 100 k indicators only (a few minutes)
#   BIG=1 bash bench/run.sh      # also a 1 GB form input, streamed for the peak memory
#
# Needs: cargo, python3 (a venv is made at .venv with pandas and ./python installed).
# Inputs and logs go to bench/out/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"

if [[ -n "${QUICK:-}" ]]; then
  SIZES=10MB; INDICATORS=100000; LABEL=100000; PIPE_ARGS=--quick
else
  SIZES=10MB,100MB; INDICATORS=1000000; LABEL=1M; PIPE_ARGS=
fi
[[ -n "${BIG:-}" ]] && SIZES="$SIZES,1GB"

echo "== machine"
uname -srm
grep -m1 "model name" /proc/cpuinfo || true
echo "cores: $(nproc)"; free -g | awk 'NR==2 {print "memory: " $2 " GB"}'
rustc --version; python3 --version

echo "== inputs"
cargo build --release -q -p jixiao-cli
./target/release/jixiao read tests/data/shanghai-eeb-enforcement-2024.txt --to csv -o "$OUT/seed-list.csv"
python3 bench/gen.py --sizes "$SIZES" --indicators "$INDICATORS"

echo "== Rust: readers, grammar, scoring, linearity (cargo bench --bench pipeline)"
JIXIAO_BENCH_BIG=$([[ -n "${QUICK:-}" ]] && echo 0 || echo 1) \
  cargo bench -q -p jixiao --bench pipeline -- $PIPE_ARGS 2>&1 | tee "$OUT/pipeline.txt"

echo "== Rust: streaming peak memory"
PIPELINE=$(ls -t target/release/deps/pipeline-* | grep -v '\.d$' | head -1)
for f in "$OUT/form-1GB.txt" "$OUT/form-100MB.txt" "$OUT/list-100MB.csv"; do
  [[ -f "$f" ]] || continue
  /usr/bin/time -f "peak memory (max RSS): %M KB, %e s" "$PIPELINE" --stream "$f" 2>&1 | tee -a "$OUT/stream.txt"
done

echo "== Rust: a form from each office file vs from its TAB text, the PDF vs pdftotext (cargo bench --bench office)"
cargo bench -q -p jixiao --features pdf --bench office 2>&1 | tee "$OUT/office.txt"

echo "== Python: jixiao vs plain Python vs pandas"
if [[ ! -x .venv/bin/python ]]; then python3 -m venv .venv; fi
.venv/bin/python -c "import pandas" 2>/dev/null || .venv/bin/pip install -q pandas
# Always the package of this checkout (an older build in .venv would be timed otherwise).
.venv/bin/pip install -q --force-reinstall --no-deps ./python
.venv/bin/python bench/python/bench.py --indicators "$LABEL" 2>&1 | tee "$OUT/python.txt"

echo "== Python: Arrow export vs to_pandas() on the same document (bench/python/bench_arrow.py)"
.venv/bin/python -c "import pyarrow" 2>/dev/null || .venv/bin/pip install -q --only-binary=:all: pyarrow
.venv/bin/python bench/python/bench_arrow.py "$OUT/form-10MB.txt" 2>&1 | tee "$OUT/arrow.txt"

echo "== criterion (cargo bench --bench read) for the record: bench/out/criterion.txt"
if [[ -z "${QUICK:-}" ]]; then
  cargo bench -q -p jixiao --bench read 2>&1 | grep -E "^read/|time:|thrpt:" | tee "$OUT/criterion.txt"
fi
