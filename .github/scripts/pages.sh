#!/usr/bin/env bash
# The published tree of the site, kept on the gh-pages branch: the main site at its root and each open
# pull request's preview in pr-preview/pr-N/. GitHub Pages serves this tree through the official
# upload-pages-artifact and deploy-pages actions (Pages' source is "GitHub Actions", not the branch).
# Used by the Publish and Preview deploy workflows. It never runs code from a pull request: a preview
# is a folder of files, checked and copied as data.
#
#   pages.sh fetch   TREE            TREE := the branch's files (empty if the branch does not exist yet)
#   pages.sh main    TREE SITE [N…]  put SITE at the root, keep pr-preview/ except previews of PRs not in N…
#   pages.sh preview TREE N SITE     put SITE (a pull request's build, untrusted) at pr-preview/pr-N/
#   pages.sh remove  TREE N          remove pr-preview/pr-N/
#
# main, preview and remove fetch the branch, change it and push it as a single new commit (the branch
# keeps no history, so that it does not grow with every build); the push is refused if the branch moved
# in the meantime, and then everything is tried again.
#
# Environment: PAGES_REMOTE (default: $GITHUB_SERVER_URL/$GITHUB_REPOSITORY.git), PAGES_BRANCH
# (default: gh-pages), GH_TOKEN (for HTTPS; read by git's credential helper, never written to disk).
set -euo pipefail

REMOTE="${PAGES_REMOTE:-${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_REPOSITORY:-}.git}"
BRANCH="${PAGES_BRANCH:-gh-pages}"
MAX_FILES=50000
MAX_BYTES=$((500 * 1024 * 1024))

die() { echo "pages.sh: $*" >&2; exit 1; }

g() { git --git-dir="$TREE.git" --work-tree="$TREE" "$@"; }

valid_number() { [[ "$1" =~ ^[1-9][0-9]{0,9}$ ]]; }

fetch() {
  rm -rf "$TREE" "$TREE.git"
  mkdir -p "$TREE"
  g init -q
  # shellcheck disable=SC2016 # expanded by git's shell when it asks for the password, not now
  g config credential.helper '!f() { test "$1" = get && test -n "${GH_TOKEN:-}" && echo username=x-access-token && echo "password=${GH_TOKEN}"; }; f'
  g config user.name "github-actions[bot]"
  g config user.email "41898282+github-actions[bot]@users.noreply.github.com"
  local status=0
  g ls-remote --exit-code --heads "$REMOTE" "refs/heads/$BRANCH" >/dev/null || status=$?
  if [ "$status" = 0 ]; then
    g fetch -q --depth=1 "$REMOTE" "+refs/heads/$BRANCH:refs/remotes/pages/$BRANCH"
    g rev-parse "refs/remotes/pages/$BRANCH" >"$TREE.git/lease"
    g read-tree "refs/remotes/pages/$BRANCH"
    g checkout-index -a -f
  elif [ "$status" = 2 ]; then
    : >"$TREE.git/lease" # no branch yet: the push must create it
  else
    die "cannot reach $REMOTE"
  fi
}

push() {
  local message="$1" tree commit lease
  g add -A
  tree="$(g write-tree)"
  commit="$(g commit-tree "$tree" -m "$message")"
  lease="$(cat "$TREE.git/lease")"
  if [ -n "$lease" ] && [ "$(g rev-parse "$lease^{tree}")" = "$tree" ]; then
    echo "nothing to change on $BRANCH"
    return 0
  fi
  g push -q --force-with-lease="refs/heads/$BRANCH:$lease" "$REMOTE" "$commit:refs/heads/$BRANCH"
}

# A pull request's build is untrusted: only regular files and folders (nothing git would read), within
# limits, with a home page.
check_site() {
  local site="$1"
  if [ ! -d "$site" ] || [ -L "$site" ]; then die "$site is not a folder"; fi
  [ -f "$site/index.html" ] || die "$site has no index.html"
  if [ -n "$(find "$site" ! -type f ! -type d -print -quit)" ]; then
    die "$site holds something other than files and folders (a link?)"
  fi
  if [ -n "$(find "$site" -name '.git*' -print -quit)" ]; then
    die "$site holds a .git file or folder"
  fi
  local files bytes
  files="$(find "$site" -type f | wc -l)"
  bytes="$(du -sb "$site" | cut -f1)"
  [ "$files" -le "$MAX_FILES" ] || die "$site has $files files (at most $MAX_FILES)"
  [ "$bytes" -le "$MAX_BYTES" ] || die "$site has $bytes bytes (at most $MAX_BYTES)"
}

change() {
  case "$1" in
    main)
      local site="$2" keep n
      shift 2
      [ ! -e "$site/pr-preview" ] || die "the site itself has a pr-preview folder, where previews go"
      find "$TREE" -mindepth 1 -maxdepth 1 ! -name pr-preview -exec rm -rf {} +
      if [ -d "$TREE/pr-preview" ]; then
        for folder in "$TREE"/pr-preview/*; do
          [ -e "$folder" ] || continue
          keep=no
          for n in "$@"; do [ "$(basename "$folder")" = "pr-$n" ] && keep=yes; done
          [ "$keep" = yes ] || { echo "pruning $(basename "$folder") (pull request closed)"; rm -rf "$folder"; }
        done
      fi
      cp -R "$site/." "$TREE/"
      ;;
    preview)
      local n="$2" site="$3"
      rm -rf "$TREE/pr-preview/pr-$n"
      mkdir -p "$TREE/pr-preview/pr-$n"
      cp -R "$site/." "$TREE/pr-preview/pr-$n/"
      ;;
    remove)
      rm -rf "$TREE/pr-preview/pr-$2"
      [ -n "$(ls -A "$TREE/pr-preview" 2>/dev/null)" ] || rm -rf "$TREE/pr-preview"
      ;;
  esac
}

update() {
  local message="$1" attempt
  shift
  for attempt in 1 2 3 4 5; do
    fetch
    change "$@"
    if push "$message"; then return 0; fi
    echo "the $BRANCH branch moved while it was being updated; trying again ($attempt)" >&2
    sleep $((attempt * 3))
  done
  die "could not update $BRANCH"
}

command="${1:-}"
TREE="${2:-}"
[ -n "$TREE" ] || die "usage: pages.sh fetch|main|preview|remove TREE …"
TREE="$(realpath -m "$TREE")"
case "$TREE" in
  / | "$HOME" | "$PWD" | "${GITHUB_WORKSPACE:-/nonexistent}") die "refusing to use $TREE as the tree (it is emptied)" ;;
esac
case "$command" in
  fetch)
    fetch
    ;;
  main)
    [ $# -ge 3 ] || die "usage: pages.sh main TREE SITE [OPEN_PULL_REQUEST…]"
    site="$(realpath "$3")"
    [ -f "$site/index.html" ] || die "$site has no index.html"
    for n in "${@:4}"; do valid_number "$n" || die "not a pull request number: $n"; done
    update "Publish ${GITHUB_SHA:-the site}" main "$site" "${@:4}"
    ;;
  preview)
    [ $# -eq 4 ] || die "usage: pages.sh preview TREE N SITE"
    valid_number "$3" || die "not a pull request number: $3"
    site="$(realpath "$4")"
    check_site "$site"
    update "Preview of pull request #$3" preview "$3" "$site"
    ;;
  remove)
    [ $# -eq 3 ] || die "usage: pages.sh remove TREE N"
    valid_number "$3" || die "not a pull request number: $3"
    update "Remove the preview of pull request #$3" remove "$3"
    ;;
  *)
    die "unknown command '$command' (fetch, main, preview or remove)"
    ;;
esac
