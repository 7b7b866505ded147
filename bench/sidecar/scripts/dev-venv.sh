#!/bin/sh
# Untimed set-up for the PyInstaller variants: ./.venv is the team's dev environment (the runtime lock plus
# IPython, pytest, black, jedi, pygments, which is how PyInstaller came to bundle them) with PyInstaller
# from buildbench's tool lock, installed offline from buildbench's wheelhouse (`npm run setup`).
set -eu
: "${BUILDBENCH_TOOLS:?run through buildbench, or set BUILDBENCH_TOOLS to buildbench's .tools dir}"
python="/usr/bin/python3"
[ -x "$python" ] || python="$(command -v python3)"
uv="$BUILDBENCH_TOOLS/venv/bin/uv"
# Copies, not hardlinks into UV_CACHE_DIR: cold samples delete that cache, the venv must survive it.
export UV_PYTHON_DOWNLOADS=never UV_LINK_MODE=copy
"$uv" venv -q --python "$python" .venv
"$uv" pip install -q --python .venv/bin/python --offline --no-index --find-links "$BUILDBENCH_TOOLS/wheelhouse" \
  -r requirements-dev.lock -r "$BUILDBENCH_TOOLS/../tools/requirements.lock"
echo "dev-venv: .venv ready ($(.venv/bin/python --version), PyInstaller $(.venv/bin/pyinstaller --version))"
