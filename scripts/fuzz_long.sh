#!/usr/bin/env bash
# The long local fuzz run (README, "Robustness"): the hypothesis properties of
# tests/test_fuzz.py and tests/test_fix.py with random seeds and many more examples than CI.
#
#   scripts/fuzz_long.sh            # ~14,000 examples in all (1,300 per property)
#   scripts/fuzz_long.sh 5000       # examples per property
#
# A failure prints the shrunk reproducer and a `@reproduce_failure(...)` line; paste the
# input into tests/test_hostile.py as a regression test. The log goes to $FUZZ_LOG
# (default: $TMPDIR/factlint-fuzz-long.log).
set -euo pipefail
cd "$(dirname "$0")/.."
per_test="${1:-1300}"
log="${FUZZ_LOG:-${TMPDIR:-/tmp}/factlint-fuzz-long.log}"
started=$(date +%s)
set +e
FACTLINT_FUZZ_EXAMPLES="$per_test" python -m pytest -p no:cacheprovider -q \
  --hypothesis-show-statistics tests/test_fuzz.py tests/test_fix.py -k "not pathological" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
elapsed=$(( $(date +%s) - started ))
examples=$(grep -Eo '[0-9]+ passing examples' "$log" | awk '{s += $1} END {print s + 0}')
tracebacks=$(grep -c 'Traceback' "$log" || true)
echo "fuzz-long: ${examples} passing examples in ${elapsed}s, exit ${status}, tracebacks in log: ${tracebacks}"
exit "$status"
