#!/usr/bin/env bash
# fahras benchmark harness: one generated archive, every figure of
# BENCHMARKS.md in one run. Usage:
#   benches/bench.sh [ARTICLES] [WORKDIR]     (defaults: 200000, ./bench-work)
# Needs only cargo and GNU time (/usr/bin/time, for peak RSS). Then the
# HTTP API under load (benches/serve.sh) and, when Java and the antnews
# collection are there, the comparison with Lucene (benches/long-queries.sh);
# without them that part is skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-200000}
work=${2:-bench-work}
runs=${RUNS:-3}
mkdir -p "$work"
work=$(cd "$work" && pwd)
archive=$work/archive-$articles
index=$work/index
queries=$archive.queries

cargo build --release --quiet --bin fahras --example gen-archive --example baseline-index --example search-latency
bin=target/release
timer=/usr/bin/time

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
secs() { "$timer" -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }

if [ ! -d "$archive" ]; then
  "$bin/examples/gen-archive" --articles "$articles" --out "$archive" --seed 1 --bad-fraction 0.002 --queries 1000
fi
mb=$(du -sm "$archive" | cut -f1)
files=$(find "$archive" -type f | wc -l)
echo "archive: $articles articles, $files files, $mb MB; $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"

full=(); rss=()
for _ in $(seq "$runs"); do
  read -r t m < <(secs "$bin/fahras" index --full --index "$index" --progress none -q "$archive")
  full+=("$t"); rss+=("$m")
done
full_s=$(printf '%s\n' "${full[@]}" | median)
rss_mb=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1 | awk '{printf "%.0f", $1/1024}')
size_mb=$(du -sm "$index" | cut -f1)

base=()
for _ in $(seq "$runs"); do
  read -r t _ < <(secs "$bin/examples/baseline-index" "$archive" "$work/baseline-index")
  base+=("$t")
done
base_s=$(printf '%s\n' "${base[@]}" | median)

nochange=()
for _ in $(seq "$runs"); do
  read -r t _ < <(secs "$bin/fahras" index --index "$index" --progress none -q "$archive")
  nochange+=("$t")
done
nochange_s=$(printf '%s\n' "${nochange[@]}" | median)

# 1% of the txt files get a new paragraph.
find "$archive" -name '*.txt' | sort | awk -v n="$files" 'NR % 100 == 7' > "$work/changed"
while read -r f; do printf '\nفقرة أضيفت للاختبار رقم %s.\n' "$RANDOM" >> "$f"; done < "$work/changed"
read -r onepct_s _ < <(secs "$bin/fahras" index --index "$index" --progress none -q "$archive")

latency=$("$bin/examples/search-latency" "$index" "$queries")

export_all() { "$bin/fahras" search --index "$index" "$1" --all --format jsonl --fields id,title,date,source > "$work/export.jsonl" 2>/dev/null || true; }
exports=()
for _ in $(seq "$runs"); do
  t0=$EPOCHREALTIME
  export_all '*'
  exports+=("$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {print b - a}')")
done
export_s=$(printf '%s\n' "${exports[@]}" | median)
exported=$(wc -l < "$work/export.jsonl")

awk -v a="$articles" -v mb="$mb" -v f="$full_s" -v b="$base_s" -v n="$nochange_s" -v o="$onepct_s" \
    -v r="$rss_mb" -v s="$size_mb" -v e="$export_s" -v x="$exported" -v l="$latency" -v runs="$runs" 'BEGIN {
  printf "full index:        %.1f s  (%.0f articles/s, %.1f MB/s), peak RSS %d MB, index %d MB\n", f, a/f, mb/f, r, s
  printf "baseline tantivy:  %.1f s  (%.0f articles/s)  -> fahras/baseline throughput %.2f\n", b, a/b, b/f
  printf "no-change re-run:  %.2f s  (%.1f%% of full)\n", n, 100*n/f
  printf "1%%-change re-run:  %.2f s  (%.1f%% of full)\n", o, 100*o/f
  printf "search (top 10 with snippets): %s\n", l
  printf "--all export:      %d hits in %.3f s (%.0f hits/s, median of %d)\n", x, e, x/e, runs
}'

echo
benches/serve.sh "$index" "$queries" "$archive"

echo
ant=${ANTNEWS:-$HOME/.cache/fahras-eval/antnews}
if ! command -v java >/dev/null || ! command -v javac >/dev/null; then
  echo "against Lucene: skipped (no Java 17; ../shared/tools/lucene/setup.sh installs it)"
elif [ ! -f "$ant/corpus.jsonl" ] || [ ! -d "${LUCENE_TOOLS:-../shared/tools/lucene}" ]; then
  echo "against Lucene: skipped (no antnews collection at $ant, or no ../shared/tools/lucene)"
else
  benches/long-queries.sh "$ant" "$work/long-queries"
fi
