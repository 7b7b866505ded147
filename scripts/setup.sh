#!/usr/bin/env bash
# Provision what buildbench's own scenarios build with: `buildbench setup` over every file in scenarios/ (one
# source of truth with what a user's project gets), plus the Debian packages this repository's tests use
# (chromium for the browser test, python3-pygments, hyperfine). Idempotent: a second run takes seconds.
#
#   npm run setup                       # everything
#   bash scripts/setup.sh --check       # report only; exit 1 if something is missing
#   bash scripts/setup.sh --only venv,wheelhouse
#   bash scripts/setup.sh --skip apt,cargo
#   npm run setup -- sidecar            # only what scenarios/sidecar.yaml requires
#
# Components (in order; tools/README.md says what each provisions): apt venv wheelhouse cargo npm scie tools.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec node scripts/from-source.js setup --apt chromium,python3-pygments,hyperfine "$@"
