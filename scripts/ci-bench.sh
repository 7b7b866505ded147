#!/usr/bin/env bash
# The benchmark steps of the Action (action.yml, which .github/workflows/bench.yml uses), run locally in a temp
# dir on a tiny scenario of sleeps, so its command lines can be tried in seconds (test/e2e/ci-workflow.test.ts
# runs this and checks that every buildbench line here is a line of action.yml, and the other way round):
#
#   setup  buildbench setup                                   (provisions what the scenarios require)
#   main   buildbench run → .buildbench-baseline/results.json (what a push to main caches)
#   PR     buildbench run --baseline … --fail-on-regression   (the build made --slowdown % slower)
#          → bench-out/summary.md and the comparison with main appended to a fake $GITHUB_STEP_SUMMARY
#   merge  buildbench report parts/*/results.json --out merged
#          (here both "runners" are this machine: one part is the PR run, the other the main run)
#
#   scripts/ci-bench.sh [--slowdown PCT] [--dir DIR]
#
# --slowdown PCT  make the PR's build PCT % slower than main's (default 0: an A/A pair)
# --dir DIR       work in DIR (kept) instead of a temp dir removed at the end
# Exit code: the PR step's, as the workflow's job would fail (0 ok, 1 regression or failed variant, 2 bad
# input); else the merge's. BENCH_THRESHOLD (default 5, as in the workflow) is the regression threshold in %.
# shellcheck disable=SC2086 # BENCH_ARGS holds several arguments: split on purpose, as in action.yml
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

# The Action's "Install buildbench" step, here (from the sources, so it runs the code as edited).
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
SCENARIOS=sleeps.yaml
export BENCH_ARGS="$SCENARIOS --runs 10 --warmup 0 --seed 1"
export BENCH_THRESHOLD="${BENCH_THRESHOLD:-5}"

BENCH_OUT=bench-out
BASELINE=.buildbench-baseline/results.json

echo "== setup: what the scenarios require"
buildbench setup $SCENARIOS

echo "== main: benchmark, keep the results as the baseline"
echo 0.500 > proj/seconds
buildbench run $BENCH_ARGS --out "$BENCH_OUT"
mkdir -p .buildbench-baseline
cp "$BENCH_OUT/results.json" .buildbench-baseline/results.json
mv "$BENCH_OUT" main-out

echo "== pull request: benchmark against main (build ${SLOWDOWN}% slower)"
awk -v p="$SLOWDOWN" 'BEGIN { printf "%.3f\n", 0.5 * (1 + p / 100) }' > proj/seconds
set +e
buildbench run $BENCH_ARGS --baseline "$BASELINE" --fail-on-regression --threshold "$BENCH_THRESHOLD" --out "$BENCH_OUT"
status=$?
set -e
echo "pull request step: exit $status"

echo "== summary → $GITHUB_STEP_SUMMARY"
if [ -f "$BENCH_OUT/summary.md" ]; then cat "$BENCH_OUT/summary.md" >> "$GITHUB_STEP_SUMMARY"; fi

echo "== merge: two runs into one report"
mkdir -p parts/a parts/b
cp -R "$BENCH_OUT"/. parts/a/
cp -R main-out/. parts/b/
results=(parts/*/results.json)
BENCH_OUT=merged
buildbench report "${results[@]}" --out "$BENCH_OUT"
if [ -f "$BENCH_OUT/summary.md" ]; then cat "$BENCH_OUT/summary.md" >> "$GITHUB_STEP_SUMMARY"; fi

exit "$status"
