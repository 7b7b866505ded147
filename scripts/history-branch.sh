#!/usr/bin/env bash
# The history branch of the Action (action.yml; docs/ci.md): a branch of the repository that holds one
# buildbench history record per run of the default branch (`<runId>.json` at its root), so the history
# outlives the Actions cache. Run inside the repository's checkout, with `origin` able to push.
#
#   history-branch.sh read DIR        the branch's records into DIR (created; empty when the branch does not exist)
#   history-branch.sh push FILE…      commit the records FILE… onto the branch and push, retrying on a race
#
# BUILDBENCH_HISTORY_BRANCH names the branch (default buildbench-history). A push builds its commit with a
# temporary index on top of the branch as just fetched, so the checkout and its index are never touched. Two
# jobs that push at once add different files (one per run id), so there is never a content conflict: the one
# whose push is refused fetches the new tip, builds its commit on it again and pushes again (fetch, rebase,
# push), up to 8 times with a growing random pause.
set -euo pipefail
branch="${BUILDBENCH_HISTORY_BRANCH:-buildbench-history}"
# Fetched into a ref of this process alone: two jobs in one clone must not read each other's tip.
remote_ref="refs/buildbench-history/$$"
# A commit needs a name; the Action's runner has none configured.
export GIT_AUTHOR_NAME="${GIT_AUTHOR_NAME:-buildbench}" GIT_AUTHOR_EMAIL="${GIT_AUTHOR_EMAIL:-buildbench@users.noreply.github.com}"
export GIT_COMMITTER_NAME="${GIT_COMMITTER_NAME:-$GIT_AUTHOR_NAME}" GIT_COMMITTER_EMAIL="${GIT_COMMITTER_EMAIL:-$GIT_AUTHOR_EMAIL}"

# Fetch the branch and print its tip (a commit hash); false when the remote has no such branch yet.
fetch_branch() {
  git update-ref -d "$remote_ref" 2>/dev/null || true
  git fetch --quiet --no-tags origin "+refs/heads/$branch:$remote_ref" 2>/dev/null || return 1
  git rev-parse "$remote_ref"
  git update-ref -d "$remote_ref"
}

case "${1:-}" in
  read)
    dir="${2:?read needs a folder}"
    mkdir -p "$dir"
    if tip="$(fetch_branch)"; then git archive --format=tar "$tip" | tar -x -C "$dir"; fi
    ;;
  push)
    shift
    [ $# -gt 0 ] || { echo "history-branch.sh: push needs record files" >&2; exit 2; }
    index="$(mktemp "${TMPDIR:-/tmp}/buildbench-history-index.XXXXXX")"
    trap 'rm -f "$index"' EXIT
    for attempt in 1 2 3 4 5 6 7 8; do
      parent=()
      rm -f "$index"
      if tip="$(fetch_branch)"; then
        # The tree and the parent are the same commit, whatever is fetched meanwhile.
        GIT_INDEX_FILE="$index" git read-tree "$tip"
        parent=(-p "$tip")
      else
        GIT_INDEX_FILE="$index" git read-tree --empty
      fi
      for file in "$@"; do
        blob="$(git hash-object -w -- "$file")"
        GIT_INDEX_FILE="$index" git update-index --add --cacheinfo "100644,$blob,$(basename "$file")"
      done
      tree="$(GIT_INDEX_FILE="$index" git write-tree)"
      commit="$(git commit-tree "$tree" "${parent[@]}" -m "buildbench history: $(for f in "$@"; do basename "$f" .json; done | paste -sd ' ' -)")"
      if git push --quiet origin "$commit:refs/heads/$branch" 2>/dev/null; then
        echo "history-branch.sh: pushed $# record(s) to $branch (attempt $attempt)"
        exit 0
      fi
      sleep "$(awk -v a="$attempt" -v r="$RANDOM" 'BEGIN { printf "%.2f", (0.2 + (r % 100) / 100) * a }')"
    done
    echo "history-branch.sh: could not push to $branch after 8 attempts" >&2
    exit 1
    ;;
  *)
    echo "history-branch.sh: unknown command '${1:-}' (valid: read DIR, push FILE…)" >&2
    exit 2
    ;;
esac
