#!/usr/bin/env bash
# The reference implementations the tests compare buildbench's statistics with (test/reference/requirements.txt),
# installed from PyPI into their own venv under the tool dir, apart from the tool env the scenarios measure.
# Idempotent: a stamp holds the hash of the requirements and the Python version; a lock keeps two test
# processes from building the venv at once. Prints the venv's python.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tools="${BUILDBENCH_TOOLS:-.tools}"
venv="$tools/reference-venv"
req=test/reference/requirements.txt
mkdir -p "$tools"
exec 9>"$tools/reference-venv.lock"
flock 9
want="$(sha256sum "$req" | cut -d' ' -f1) $(python3 --version 2>&1)"
if [ ! -f "$venv/.stamp" ] || [ "$(cat "$venv/.stamp")" != "$want" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$req" >&2
  echo "$want" > "$venv/.stamp"
fi
echo "$(cd "$venv/bin" && pwd)/python"
