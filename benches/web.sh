#!/usr/bin/env bash
# Web app figures of BENCHMARKS.md: the server time of the search page
# (results, facet sidebar, sources, coverage chart, who-appears-with-whom)
# as `fahras serve` reports it in its Server-Timing header.
# Usage: benches/web.sh INDEX QUERIES [N]
#   INDEX    any index (benches/bench.sh builds the 200,000-article one)
#   QUERIES  one query per line (gen-archive's ARCHIVE.queries); the first N
#            (default 300) are each loaded once, after one warm-up pass
# Prints p50/p95/p99/max in ms for single pages, then for pages comparing
# three queries on the chart.
set -euo pipefail
cd "$(dirname "$0")/.."
index=$1 queries=$2 n=${3:-300}
cargo build --release --quiet --bin fahras
log=$(mktemp)
target/release/fahras serve --index "$index" --bind 127.0.0.1:0 --quiet 2> "$log" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log" "$log".*' EXIT
for _ in $(seq 100); do grep -q http:// "$log" && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.:]*' "$log" | head -1)

# One page per line of stdin (curl's --data-urlencode arguments, tab-separated);
# prints the page's server time in ms.
pages() {
  while IFS=$'\t' read -r -a args; do
    set -- ; for a in "${args[@]}"; do set -- "$@" --data-urlencode "$a"; done
    curl -s -o /dev/null -D - -G "$base/" "$@" | tr -d '\r' |
      sed -n "s/^server-timing: page;dur=\([0-9.]*\).*/\1/Ip"
  done
}
stats() {
  sort -n | awk '{v[NR]=$1} END {
    p = function_p; printf "n %d  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms\n", NR,
      v[int(NR*0.50)+1], v[int(NR*0.95)+1], v[int(NR*0.99)+1], v[NR] }' function_p=0
}
head -n "$n" "$queries" | sed 's/^/q=/' > "$log.single"
paste -d '\t' <(head -n "$n" "$queries" | sed 's/^/q=/') \
  <(sed -n "$((n+1)),$((2*n))p" "$queries" | sed 's/^/vs=/') \
  <(sed -n "$((2*n+1)),$((3*n))p" "$queries" | sed 's/^/vs=/') > "$log.compare"
pages < "$log.single" > /dev/null    # warm-up: the index's pages in memory
echo "server: $base, $(nproc) cores"
echo "search page, 1 query:   $(pages < "$log.single" | stats)"
echo "search page, 3 queries: $(pages < "$log.compare" | stats)"
broad=${BROAD_QUERY:-العراق}
echo "search page, '$broad':  $(printf 'q=%s\n' "$broad" "$broad" "$broad" "$broad" "$broad" | pages | stats)"
# First paint in headless Chromium (skipped without chromium-driver).
if [ -x /usr/bin/chromedriver ]; then
  FAHRAS_PAINT_URL=$base FAHRAS_PAINT_QUERIES=$queries \
    cargo test --quiet --test browser -- --ignored --nocapture first_paint 2>/dev/null |
    grep 'first contentful paint'
fi
