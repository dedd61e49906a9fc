#!/usr/bin/env bash
# fahras's HTML reading scored on Mozilla Readability's 130 test pages
# (title, body word F1, published date, site name, empty bodies).
#
#   benches/html-suite.sh READABILITY [WORKDIR]
#
# READABILITY is a checkout of github.com/mozilla/readability, or its bare
# git directory; its test/test-pages are extracted into WORKDIR (default
# ~/.cache/fahras-bench/readability), never into this repository: they are
# the sites' pages. VERBOSE=1 lists each page's F1.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:?usage: benches/html-suite.sh READABILITY [WORKDIR]}
work=${2:-$HOME/.cache/fahras-bench/readability}
if [ -d "$src/test/test-pages" ]; then
  pages=$src/test/test-pages
else
  rm -rf "$work" && mkdir -p "$work"
  git --git-dir="$src" archive HEAD test/test-pages | tar -x -C "$work"
  pages=$work/test/test-pages
  echo "snapshot: $(git --git-dir="$src" log -1 --format='%h %cs')"
fi
cargo build --release --quiet --example html-suite
target/release/examples/html-suite "$pages"
