#!/usr/bin/env bash
# HTTP API figures of BENCHMARKS.md: `fahras serve` on an index built by
# benches/bench.sh (or any index), loaded by examples/http-load.rs.
# Usage: benches/serve.sh INDEX QUERIES ARCHIVE [SECONDS]
#   INDEX    an index of ARCHIVE (it is rebuilt once, under load)
#   QUERIES  one query per line (gen-archive's ARCHIVE.queries)
# Prints: search at 16 clients; the same during a full reindex; the
# timeline by month of a query matching about half of the articles.
set -euo pipefail
cd "$(dirname "$0")/.."
index=$1 queries=$2 archive=$3 secs=${4:-10}
cargo build --release --quiet --bin fahras --example http-load
bin=target/release
log=$(mktemp)
"$bin/fahras" serve --index "$index" --bind 127.0.0.1:0 --quiet 2> "$log" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q http:// "$log" && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.:]*' "$log" | head -1)
echo "server: $base, $(nproc) cores"

search="$base/api/search?limit=10"
"$bin/examples/http-load" "$search" "$queries" 16 2 > /dev/null   # warm-up
echo "search, 16 clients:            $("$bin/examples/http-load" "$search" "$queries" 16 "$secs")"

"$bin/fahras" index --full --index "$index" --progress none -q "$archive" &
reindex=$!
echo "search, 16 clients, reindexing: $("$bin/examples/http-load" "$search" "$queries" 16 "$secs")"
wait $reindex

# A query matching about half the articles: the most frequent word of the
# generated archive's headlines and bodies.
half=${HALF_QUERY:-العراق}
total=$(curl -sG "$base/api/search" --data-urlencode "q=$half" -d limit=1 -d fields=id | grep -o '"total":[0-9]*')
printf '%s\n' "$half" > "$log.q"
echo "timeline by month of '$half' ($total), 1 client: $("$bin/examples/http-load" "$base/api/timeline?interval=month" "$log.q" 1 "$secs")"
rm -f "$log.q"
