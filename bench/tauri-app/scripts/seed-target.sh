#!/bin/sh
# Seed $CARGO_TARGET_DIR with a dependency build made once per (Cargo.lock, toolchain, profile settings)
# and kept in buildbench's tool dir ($BUILDBENCH_TOOLS/cargo-seed/<key>), then copied (not shared) into
# each variant's own target dir.
#
# Why this keeps the linker variants honest: the variants pass their linker flags to the final crate only
# (`cargo rustc -- <flags>`), so every dependency is compiled with identical flags, fingerprints and
# outputs whichever linker the variant uses; rlibs are not linked. Only build scripts and proc-macros are
# linked, by the default linker in every variant, and an incremental rebuild does not relink them.
# After seeding, src/main.rs is touched so that every variant's first build, the one whose set-up built
# the seed included, recompiles and links the app crate with the variant's linker (cargo fingerprints a
# workspace crate by its sources' mtimes, not its path): buildbench keeps that build as the warm-up sample.
set -eu
: "${BUILDBENCH_TOOLS:?run through buildbench (BUILDBENCH_TOOLS unset)}"
: "${CARGO_TARGET_DIR:?set CARGO_TARGET_DIR inside the workdir}"
profile_env="$(env | grep -E '^(CARGO_PROFILE_|CARGO_BUILD_|CARGO_INCREMENTAL=|RUSTUP_TOOLCHAIN=|RUSTFLAGS=)' | sort || true)"
key="$( { cat Cargo.lock; rustc -vV; echo "$profile_env"; echo "${SEED_CARGO_ARGS:-}"; } | sha256sum | cut -c1-16)"
seeds="$BUILDBENCH_TOOLS/cargo-seed"
seed="$seeds/$key"
mkdir -p "$seeds"
(
  flock 9
  if [ ! -f "$seed/.complete" ]; then
    echo "seed-target: building dependencies once into $seed (untimed)"
    rm -rf "$seed"
    start=$(date +%s)
    # shellcheck disable=SC2086  # SEED_CARGO_ARGS is a list of flags
    CARGO_TARGET_DIR="$seed" nice -n 5 cargo build --offline --locked ${SEED_CARGO_ARGS:-}
    date +%s > "$seed/.complete"
    echo "seed-target: dependencies built in $(( $(date +%s) - start ))s"
    # Keep the two newest seeds: each is a full target dir (about 3 GB for tauri-app's dev profile).
    ls -1t "$seeds" | tail -n +3 | while read -r old; do rm -rf "${seeds:?}/$old"; done
  fi
  touch "$seed"  # most recently used: kept by the pruning above
) 9> "$seeds/.lock"
mkdir -p "$CARGO_TARGET_DIR"
cp -a "$seed/." "$CARGO_TARGET_DIR/"
touch src/main.rs
echo "seed-target: $CARGO_TARGET_DIR seeded from $seed"
