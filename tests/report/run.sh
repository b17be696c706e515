#!/usr/bin/env bash
# The HTML report in headless Chromium (tests/report/check.py says what is checked): builds
# the CLI, renders a 申报表 page, two 自评表 pages and a 200-project roll-up, and checks them in
# the browser. Screenshots, printed PDFs and DOMs go to target/report-test/ (or $1).
#
# Chromium is Debian's `chromium` (.ci/run installs it; nothing is downloaded here). Without
# it the test is skipped locally, and fails when JIXIAO_REQUIRE_CHROMIUM=1 (CI sets it).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=${1:-$root/target/report-test}
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
    if [ "${JIXIAO_REQUIRE_CHROMIUM:-0}" = 1 ]; then
        echo "FAIL  tests/report: chromium is not installed (apt-get install chromium)" >&2
        exit 1
    fi
    echo "skip  tests/report: chromium is not installed (apt-get install chromium)"
    exit 0
fi
cargo build --quiet -p jixiao-cli
python3 tests/report/check.py "$root/target/debug/jixiao" "$chromium" "$out"
