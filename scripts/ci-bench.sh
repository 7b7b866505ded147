#!/usr/bin/env bash
# The benchmark steps of the Action (action.yml, which .github/workflows/bench.yml uses), run locally in a temp
# dir on a tiny scenario of sleeps, so its command lines can be tried in seconds (test/e2e/ci-workflow.test.ts
# runs this and checks that every buildbench line here is a line of action.yml, and the other way round):
#
#   setup  buildbench setup                                   (provisions what the scenarios require)
#   main   buildbench run --history (the history branch, read from a local bare "origin")
#          → .buildbench-baseline/results.json (what a push to main caches), and
#          buildbench history add + scripts/history-branch.sh push (the record committed to the branch)
#   PR     the pull request is a commit on a branch (the build made --slowdown % slower), judged
#          --mode merge-base: buildbench run --ref MERGE_BASE --ref HEAD --fail-on-regression --confirm …
#          --mode baseline:   buildbench run --baseline … --fail-on-regression --confirm …
#          → bench-out/summary.md and the comparison appended to a fake $GITHUB_STEP_SUMMARY
#   comment buildbench comment, when GITHUB_API_URL points at a server (the tests' fake of GitHub)
#   merge  buildbench report parts/*/results.json --out merged
#          (here both "runners" are this machine: one part is the PR run, the other the main run)
#
#   scripts/ci-bench.sh [--slowdown PCT] [--mode merge-base|baseline] [--history BRANCH|off] [--dir DIR]
#
# --slowdown PCT  make the PR's build PCT % slower than main's (default 0: an A/A pair)
# --mode M        how the PR is judged, as the Action's `compare` input (default merge-base)
# --history B     the history branch, as the Action's `history` input (default buildbench-history; off: none)
# --dir DIR       work in DIR (kept) instead of a temp dir removed at the end
# Exit code: the PR step's, as the workflow's job would fail (0 ok, 1 regression or failed variant, 2 bad
# input); else the merge's. BENCH_THRESHOLD (default 5, as in the workflow) is the regression threshold in %.
# shellcheck disable=SC2086 # BENCH_ARGS holds several arguments: split on purpose, as in action.yml
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SLOWDOWN=0
MODE=merge-base
HISTORY=buildbench-history
DIR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --slowdown) SLOWDOWN="${2:?--slowdown needs a percentage}"; shift ;;
    --dir) DIR="${2:?--dir needs a folder}"; shift ;;
    --mode) MODE="${2:?--mode needs merge-base or baseline}"; shift ;;
    --history) HISTORY="${2:?--history needs a branch name or off}"; shift ;;
    -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "ci-bench.sh: unknown argument '$1' (valid: --slowdown PCT, --mode merge-base|baseline, --history BRANCH|off, --dir DIR)" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$DIR" ]; then
  DIR="$(mktemp -d "${TMPDIR:-/tmp}/buildbench-ci-XXXXXX")"
  trap 'rm -rf "$DIR"' EXIT
fi
mkdir -p "$DIR/proj" "$DIR/bin"
cd "$DIR"

# The Action's "Install buildbench" step, here (from the sources, so it runs the code as edited); its scripts.
export GITHUB_ACTION_PATH="$ROOT"
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
export BENCH_CONFIRM="${BENCH_CONFIRM:-6}"

BENCH_OUT=bench-out
BASELINE=.buildbench-baseline/results.json

echo "== setup: what the scenarios require"
# As the Action: exit 3 (a tool some variants require is still missing) warns and goes on.
status=0
buildbench setup $SCENARIOS || status=$?
if [ "$status" -eq 3 ]; then echo "warning: buildbench setup incomplete: the variants named in its last line will be recorded unavailable"; elif [ "$status" -ne 0 ]; then exit "$status"; fi

# The repository: main's commit, then the pull request's on a branch of its own.
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com
printf 'bench-out/\nmain-out/\nparts/\nmerged/\n.buildbench-baseline/\nstep-summary.md\norigin.git/\nhistory/\nhistory-new/\n' > .gitignore
git init -q -b main .
# The repository's remote, where the history branch is kept.
git init -q --bare origin.git
git remote add origin "$DIR/origin.git"
echo 0.500 > proj/seconds
git add -A && git commit -q -m main

echo "== main: benchmark against the history branch $HISTORY, keep the results as the baseline and the record in the branch"
export BUILDBENCH_HISTORY_BRANCH="$HISTORY"
HISTORY_DIR="$DIR/history"
HISTORY_NEW="$DIR/history-new"
if [ "$HISTORY" != off ]; then
  bash "$GITHUB_ACTION_PATH/scripts/history-branch.sh" read "$HISTORY_DIR"
  buildbench run $BENCH_ARGS --history "$HISTORY_DIR" --fail-on-regression --threshold "$BENCH_THRESHOLD" --out "$BENCH_OUT"
  REPORT_URL=https://example.com/actions/runs/1/artifacts/1
  buildbench history add "$BENCH_OUT" --to "$HISTORY_NEW" ${REPORT_URL:+--report-url "$REPORT_URL"}
  bash "$GITHUB_ACTION_PATH/scripts/history-branch.sh" push "$HISTORY_NEW"/*.json
else
  buildbench run $BENCH_ARGS --out "$BENCH_OUT"
fi
mkdir -p .buildbench-baseline
cp "$BENCH_OUT/results.json" .buildbench-baseline/results.json
mv "$BENCH_OUT" main-out

echo "== pull request: a commit that makes the build ${SLOWDOWN}% slower, judged by $MODE"
git checkout -q -b pull-request
awk -v p="$SLOWDOWN" 'BEGIN { printf "%.3f\n", 0.5 * (1 + p / 100) }' > proj/seconds
git commit -q -am "pull request" --allow-empty
MERGE_BASE=""
HEAD_SHA=$(git rev-parse --short HEAD)
if [ "$MODE" = merge-base ]; then MERGE_BASE=$(git rev-parse --short "$(git merge-base main HEAD)"); fi
set +e
if [ -n "$MERGE_BASE" ]; then
  judged="Judged against the merge base $MERGE_BASE, measured in this job interleaved with the head $HEAD_SHA (same machine)."
  buildbench run $BENCH_ARGS --ref "$MERGE_BASE" --ref "$HEAD_SHA" --fail-on-regression --confirm "$BENCH_CONFIRM" --threshold "$BENCH_THRESHOLD" --out "$BENCH_OUT"
else
  judged="Judged against $BASELINE, the default branch's last results, measured on another runner at another time."
  buildbench run $BENCH_ARGS --baseline "$BASELINE" --fail-on-regression --confirm "$BENCH_CONFIRM" --threshold "$BENCH_THRESHOLD" --out "$BENCH_OUT"
fi
status=$?
set -e
echo "pull request step: exit $status"
mkdir -p "$BENCH_OUT"
echo "$judged" > "$BENCH_OUT/judged.txt"

echo "== summary → $GITHUB_STEP_SUMMARY"
if [ -f "$BENCH_OUT/judged.txt" ]; then { cat "$BENCH_OUT/judged.txt"; echo; } >> "$GITHUB_STEP_SUMMARY"; fi
if [ -f "$BENCH_OUT/summary.md" ]; then cat "$BENCH_OUT/summary.md" >> "$GITHUB_STEP_SUMMARY"; fi

if [ -n "${GITHUB_API_URL:-}" ]; then
  echo "== comment on the pull request at $GITHUB_API_URL"
  NAME=bench
  REPORT_URL=https://example.com/actions/runs/1
  { cat "$BENCH_OUT/judged.txt" 2>/dev/null; echo; cat "$BENCH_OUT/summary.md"; } > "$BENCH_OUT/comment.md"
  buildbench comment --body "$BENCH_OUT/comment.md" --name "$NAME" --author 'github-actions[bot]' --report-url "$REPORT_URL"
  echo "$GITHUB_PULL_REQUEST" > "$BENCH_OUT/pull-request.txt"
  buildbench comment --body "$BENCH_OUT/comment.md" --name "$NAME" --pr "$(cat "$BENCH_OUT/pull-request.txt")" --author 'github-actions[bot]' --report-url "$REPORT_URL"
fi

echo "== merge: two runs into one report"
mkdir -p parts/a parts/b
cp -R "$BENCH_OUT"/. parts/a/
cp -R main-out/. parts/b/
results=(parts/*/results.json)
BENCH_OUT=merged
buildbench report "${results[@]}" --out "$BENCH_OUT"
if [ -f "$BENCH_OUT/summary.md" ]; then cat "$BENCH_OUT/summary.md" >> "$GITHUB_STEP_SUMMARY"; fi

exit "$status"
