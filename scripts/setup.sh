#!/usr/bin/env bash
# Provision what buildbench's scenarios build with, idempotently: a second run takes seconds.
#
#   npm run setup                       # everything
#   bash scripts/setup.sh --check       # report only; exit 1 if something is missing
#   bash scripts/setup.sh --only venv,wheelhouse
#   bash scripts/setup.sh --skip apt,cargo
#
# Components (in order):
#   apt         Debian packages (installed when root; otherwise the exact apt-get line is printed)
#   venv        .tools/venv from the system Python 3 with pinned uv, pyinstaller, pex, shiv
#               (tools/requirements.lock, hashes checked)
#   wheelhouse  .tools/wheelhouse: `pip download` of the sidecar's locks and the tool lock, so
#               pip/uv/pex/shiv builds resolve offline (--no-index --find-links)
#   npm         @tauri-apps/cli (a devDependency: installed by `npm ci`; checked here)
#   cargo       `cargo fetch` of bench/tauri-app (builds then run --offline)
#   scie        PEX SCIE's offline mirror (BUILDBENCH_SCIE_MIRROR), reported only: see tools/README.md
#
# Done components are remembered by stamp files in .tools/stamps/ named after a hash of their inputs
# (lock files, Python version), so an edited lock re-provisions exactly what it feeds.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
STAMPS="$TOOLS/stamps"
ALL_COMPONENTS="apt venv wheelhouse npm cargo scie"
APT_PACKAGES="time binutils mold build-essential python3-venv libwebkit2gtk-4.1-dev libxdo-dev libssl-dev \
libayatana-appindicator3-dev librsvg2-dev xvfb hyperfine chromium python3-pygments"

CHECK=0
ONLY=""
SKIP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --check) CHECK=1 ;;
    --only) ONLY="${2:?--only needs a comma-separated list}"; shift ;;
    --only=*) ONLY="${1#--only=}" ;;
    --skip) SKIP="${2:?--skip needs a comma-separated list}"; shift ;;
    --skip=*) SKIP="${1#--skip=}" ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup.sh: unknown argument '$1' (valid: --check, --only LIST, --skip LIST; components: $ALL_COMPONENTS)" >&2; exit 2 ;;
  esac
  shift
done
for c in ${ONLY//,/ } ${SKIP//,/ }; do
  case " $ALL_COMPONENTS " in *" $c "*) ;; *) echo "setup.sh: unknown component '$c' (valid: $ALL_COMPONENTS)" >&2; exit 2 ;; esac
done

MISSING=0
STARTED=$(date +%s)
selected() { # component → 0 if it should run
  local c="$1"
  if [ -n "$ONLY" ] && [[ ",$ONLY," != *",$c,"* ]]; then return 1; fi
  if [[ ",$SKIP," == *",$c,"* ]]; then return 1; fi
  return 0
}
say() { printf '%-11s %s\n' "$1" "$2"; }
elapsed() { echo "$(( $(date +%s) - $1 ))s"; }
hash_of() { cat "$@" | sha256sum | cut -c1-16; }
stamp_ok() { [ -f "$STAMPS/$1.$2" ]; }
stamp_set() { mkdir -p "$STAMPS"; rm -f "$STAMPS/$1".*; : > "$STAMPS/$1.$2"; }

# Debian's Python has a shared libpython (PyInstaller needs one) and is what the team's CI uses.
pick_python() {
  if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else command -v python3; fi
}

do_apt() {
  local missing=() p
  for p in $APT_PACKAGES; do
    dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then say apt "ok: all $(echo $APT_PACKAGES | wc -w) Debian packages present"; return; fi
  local line="apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$CHECK" = 1 ]; then say apt "missing: ${missing[*]} (run: $line)"; MISSING=1; return; fi
  if [ "$(id -u)" != 0 ]; then
    say apt "missing: ${missing[*]} — not root, so run yourself: sudo $line"
    say apt "continuing; variants needing them are reported unavailable by \`buildbench doctor\`"
    MISSING=1; return
  fi
  local t; t=$(date +%s)
  say apt "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $line -qq >/dev/null
  say apt "installed ${#missing[@]} packages in $(elapsed "$t")"
}

do_venv() {
  local py; py="$(pick_python)"
  local key; key="$(hash_of "$ROOT/tools/requirements.lock" <("$py" -c 'import sys; print(sys.version)'))"
  if stamp_ok venv "$key" && [ -x "$TOOLS/venv/bin/pyinstaller" ]; then say venv "ok: $TOOLS/venv ($("$TOOLS/venv/bin/python" --version))"; return; fi
  if [ "$CHECK" = 1 ]; then say venv "missing or stale: $TOOLS/venv (tools/requirements.lock)"; MISSING=1; return; fi
  local t; t=$(date +%s)
  rm -rf "$TOOLS/venv"
  "$py" -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install -q --disable-pip-version-check --require-hashes -r "$ROOT/tools/requirements.lock"
  stamp_set venv "$key"
  say venv "created $TOOLS/venv from $py with uv, pyinstaller, pex, shiv in $(elapsed "$t")"
}

WHEEL_LOCKS=("$ROOT/bench/sidecar/requirements.lock" "$ROOT/bench/sidecar/requirements-dev.lock" "$ROOT/tools/requirements.lock")
do_wheelhouse() {
  local key; key="$(hash_of "${WHEEL_LOCKS[@]}")"
  if stamp_ok wheelhouse "$key"; then say wheelhouse "ok: $TOOLS/wheelhouse ($(ls "$TOOLS/wheelhouse" | wc -l) wheels)"; return; fi
  if [ "$CHECK" = 1 ]; then say wheelhouse "missing or stale: $TOOLS/wheelhouse"; MISSING=1; return; fi
  if [ ! -x "$TOOLS/venv/bin/pip" ]; then say wheelhouse "needs the venv first (run without --only)"; MISSING=1; return; fi
  local t lock; t=$(date +%s)
  mkdir -p "$TOOLS/wheelhouse"
  # One lock per call: pip rejects the same requirement pinned in two files of one call.
  for lock in "${WHEEL_LOCKS[@]}"; do
    "$TOOLS/venv/bin/pip" download -q --disable-pip-version-check --only-binary=:all: --require-hashes \
      -d "$TOOLS/wheelhouse" -r "$lock"
  done
  stamp_set wheelhouse "$key"
  say wheelhouse "downloaded $(ls "$TOOLS/wheelhouse" | wc -l) wheels to $TOOLS/wheelhouse in $(elapsed "$t")"
}

do_npm() {
  if [ -x "$ROOT/node_modules/.bin/tauri" ]; then say npm "ok: @tauri-apps/cli $("$ROOT/node_modules/.bin/tauri" --version 2>/dev/null | awk '{print $2}')"; return; fi
  if [ "$CHECK" = 1 ]; then say npm "missing: node_modules/.bin/tauri (run: npm ci)"; MISSING=1; return; fi
  local t; t=$(date +%s)
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  say npm "ran npm ci in $(elapsed "$t")"
}

do_cargo() {
  local manifest="$ROOT/bench/tauri-app/Cargo.toml"
  if ! command -v cargo >/dev/null; then say cargo "missing: cargo (install Rust with rustup)"; MISSING=1; return; fi
  local key; key="$(hash_of "$ROOT/bench/tauri-app/Cargo.lock")"
  if stamp_ok cargo "$key" && cargo fetch --offline --locked --manifest-path "$manifest" >/dev/null 2>&1; then
    say cargo "ok: bench/tauri-app's crates are in ${CARGO_HOME:-$HOME/.cargo}/registry"; return
  fi
  if [ "$CHECK" = 1 ]; then say cargo "missing: crates of bench/tauri-app (run: cargo fetch --locked)"; MISSING=1; return; fi
  local t; t=$(date +%s)
  cargo fetch --locked --manifest-path "$manifest" -q
  stamp_set cargo "$key"
  say cargo "fetched bench/tauri-app's crates in $(elapsed "$t")"
}

do_scie() {
  # science, scie-jump and python-build-standalone come only from GitHub releases; no registry this
  # machine reaches carries them (tools/README.md). A staged mirror is the only offline route.
  local m="${BUILDBENCH_SCIE_MIRROR:-}"
  if [ -n "$m" ] && [ -x "$m/science" ]; then say scie "ok: mirror $m ($("$m/science" --version 2>/dev/null || echo '?'))"; return; fi
  say scie "not provisioned: pex-scie variants will be unavailable (set BUILDBENCH_SCIE_MIRROR; see tools/README.md)"
}

echo "buildbench setup ($([ "$CHECK" = 1 ] && echo check || echo provision)) in $ROOT"
for c in $ALL_COMPONENTS; do
  if selected "$c"; then "do_$c"; fi
done
echo "setup $([ "$MISSING" = 0 ] && echo complete || echo incomplete) in $(elapsed "$STARTED")"
# --check answers "is anything missing?" by its exit code; provisioning fails only on a real error (set -e),
# since what it cannot install (not root) is reported and its variants are recorded unavailable.
if [ "$CHECK" = 1 ]; then exit "$MISSING"; fi
