#!/bin/sh
# Untimed set-up of a tauri-app workdir (run by buildbench with cwd = the workdir):
#  1. the sidecar at bundle.externalBin's path: $BUILDBENCH_SIDECAR_BIN (a real frozen sidecar) when set,
#     otherwise scripts/sidecar-stub, a stdlib-only stand-in answering /health (tauri-build only needs
#     the file to exist, and the app's launch check still gets a real /health).
#  2. --seed: $CARGO_TARGET_DIR seeded from a dependency build shared by the variants of a scenario (see
#     seed-target.sh), so each variant's first build compiles only this crate;
#     --prebuild [cargo args…]: a full build in the variant's own target dir, for variants whose profile
#     settings change every crate (nothing to share); the samples then measure the rebuild after an edit.
set -eu
triple="$(rustc -vV | sed -n 's/^host: //p')"
mkdir -p binaries
if [ -n "${BUILDBENCH_SIDECAR_BIN:-}" ]; then
  cp "$BUILDBENCH_SIDECAR_BIN" "binaries/sidecar-$triple"
  echo "prepare: sidecar = $BUILDBENCH_SIDECAR_BIN"
else
  cp scripts/sidecar-stub "binaries/sidecar-$triple"
  echo "prepare: sidecar = stub (set BUILDBENCH_SIDECAR_BIN to use a frozen sidecar)"
fi
chmod +x "binaries/sidecar-$triple"
case "${1:-}" in
  --seed) sh scripts/seed-target.sh ;;
  --prebuild)
    shift
    start=$(date +%s)
    nice -n 5 cargo build --offline --locked "$@"
    echo "prepare: prebuilt ($*) in $(( $(date +%s) - start ))s"
    ;;
  "") ;;
  *) echo "prepare.sh: unknown argument '$1' (valid: --seed, --prebuild [cargo args])" >&2; exit 2 ;;
esac
