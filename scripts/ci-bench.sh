#!/usr/bin/env bash
# The benchmark steps of .github/workflows/bench.yml, run locally in a temp dir on a tiny scenario of sleeps,
# so the workflow's command lines can be tried in seconds (test/e2e/ci-workflow.test.ts runs this and checks
# that every buildbench line here is a line of the workflow, and the other way round):
#
#   main   buildbench run → baseline/results.json          (what a push to main caches)
#   PR     buildbench run --baseline … --fail-on-regression (the build made --slowdown % slower)
#          → bench-out/summary.md and the comparison with main appended to a fake $GITHUB_STEP_SUMMARY
#   merge  buildbench report a/results.json b/results.json --out merged
#          (here both "runners" are this machine: a is the PR run, b the main run)
#
#   scripts/ci-bench.sh [--slowdown PCT] [--dir DIR]
#
# --slowdown PCT  make the PR's build PCT % slower than main's (default 0: an A/A pair)
# --dir DIR       work in DIR (kept) instead of a temp dir removed at the end
# Exit code: the PR step's, as the workflow's job would fail (0 ok, 1 regression or failed variant, 2 bad
# input); else the merge's. BENCH_THRESHOLD (default 5, as in the workflow) is the regression threshold in %.
# shellcheck disable=SC2086 # BENCH_ARGS holds several arguments: split on purpose, as in the workflow
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SLOWDOWN=0
DIR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --slowdown) SLOWDOWN="${2:?--slowdown needs a percentage}"; shift ;;
    --dir) DIR="${2:?--dir needs a folder}"; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ci-bench.sh: unknown argument '$1' (valid: --slowdown PCT, --dir DIR)" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$DIR" ]; then
  DIR="$(mktemp -d "${TMPDIR:-/tmp}/buildbench-ci-XXXXXX")"
  trap 'rm -rf "$DIR"' EXIT
fi
mkdir -p "$DIR/proj" "$DIR/bin"
cd "$DIR"

# The workflow's "Put buildbench on PATH" step, here.
ln -sf "$ROOT/scripts/from-source.js" "$DIR/bin/buildbench"
export PATH="$DIR/bin:$PATH"
export CI=true
export GITHUB_STEP_SUMMARY="$DIR/step-summary.md"
: > "$GITHUB_STEP_SUMMARY"

# The tiny scenario: the build sleeps for the seconds in proj/seconds, which the "pull request" edits.
cat > sleeps.yaml <<'YAML'
name: ci-sleeps
project: proj
cache: [cold]
variants:
  - name: app
    baseline: true
    build: sleep "$(cat seconds)"
YAML
# 10 runs: a build or two delayed by a busy machine then still leave a 20-30% slowdown at p < 0.05 (with 5
# runs one such build is enough to make it inconclusive).
export BENCH_ARGS="sleeps.yaml --runs 10 --warmup 0 --seed 1"
export BENCH_THRESHOLD="${BENCH_THRESHOLD:-5}"

echo "== main: benchmark, keep the results as the baseline"
echo 0.500 > proj/seconds
buildbench run $BENCH_ARGS --out bench-out
mkdir -p baseline
cp bench-out/results.json baseline/results.json
mv bench-out main-out

echo "== pull request: benchmark against main (build ${SLOWDOWN}% slower)"
awk -v p="$SLOWDOWN" 'BEGIN { printf "%.3f\n", 0.5 * (1 + p / 100) }' > proj/seconds
set +e
buildbench run $BENCH_ARGS --baseline baseline/results.json --fail-on-regression --threshold "$BENCH_THRESHOLD" --out bench-out
status=$?
set -e
echo "pull request step: exit $status"

echo "== summary → $GITHUB_STEP_SUMMARY"
cat bench-out/summary.md >> "$GITHUB_STEP_SUMMARY"

echo "== merge: two runs into one report"
mkdir -p a b
cp -R bench-out/. a/
cp -R main-out/. b/
buildbench report a/results.json b/results.json --out merged
cat merged/summary.md >> "$GITHUB_STEP_SUMMARY"

exit "$status"
