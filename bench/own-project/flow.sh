#!/bin/bash
# The own-project check of issue 21, as a new user follows the README: the packed tarball of this checkout
# installed into a fresh clone of a real project (`npm install -D`), then `init`, `setup`, `run --quick` (the first
# report of init's default scenarios) and `run --quick scenarios/tauri-bundle.yaml` (the shipped app). Each
# step's wall time goes to OUT/times.txt with the load average, its output to OUT/<step>.log.
#   bash bench/own-project/flow.sh <git URL or path of the project> [OUT, default /tmp/own-project]
# Then `npm run time-spent -- OUT/app/reports/*/results.json` says where each run's time went.
set -u
SRC=${1:?usage: flow.sh <git URL or path of the project> [OUT]}
OUT=${2:-/tmp/own-project}
HERE=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$OUT" && mkdir -p "$OUT" && cd "$OUT" || exit 2
t0=$(date +%s)
stamp() { echo "$(date -u +%H:%M:%S) +$(( $(date +%s) - t0 ))s $* load=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/times.txt"; }
stamp start
(cd "$HERE" && git log --oneline -1 && npm pack --pack-destination "$OUT" >/dev/null 2>&1) > "$OUT/commit.txt"
git clone -q "$SRC" app && cd app || exit 2
stamp packed
npm install -D "$OUT"/buildbench-*.tgz > "$OUT/install.log" 2>&1; stamp "installed rc=$?"
npx buildbench init > "$OUT/init.log" 2>&1; stamp "init rc=$?"
npx buildbench setup > "$OUT/setup.log" 2>&1; stamp "setup rc=$?"
npx buildbench run --quick --dry-run > "$OUT/dry.log" 2>&1; stamp "dry rc=$?"
npx buildbench run --quick > "$OUT/run.log" 2>&1; stamp "first report rc=$?"
if [ -f scenarios/tauri-bundle.yaml ]; then
  npx buildbench run --quick scenarios/tauri-bundle.yaml > "$OUT/run-shipped.log" 2>&1; stamp "shipped report rc=$?"
fi
