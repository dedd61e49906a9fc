#!/usr/bin/env bash
# The scaling curve: generated archives of 10,000 / 100,000 / 1,000,000
# articles (or the sizes given), each indexed and searched, one row each.
# Each archive is generated into WORKDIR and deleted after its row (the 1M
# archive is ~8.7 GB, its index ~6 GB): nothing lands in the repository.
#
#   benches/scaling.sh [WORKDIR] [SIZES...]
#       (defaults: ~/.cache/fahras-bench/scaling, 10000 100000 1000000)
#
# Writes WORKDIR/scaling.tsv and WORKDIR/scaling.svg (the plot) and prints
# the table. Short queries: 1,000 one- to three-word queries drawn from the
# archive, all words required, top 10 with snippets. Long queries: four of
# them joined (4-12 words), any word, top 10 with snippets. Both warm, in
# one process. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$HOME/.cache/fahras-bench/scaling}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
mkdir -p "$work"
work=$(cd "$work" && pwd)

cargo build --release --quiet --bin fahras --example gen-archive --example search-latency --example scaling-plot
bin=$PWD/target/release
table=$work/scaling.tsv
printf 'articles\tarchive_mb\tindex_s\tarticles_per_s\tpeak_rss_mb\tindex_mb\tnochange_s\tnochange_pct\tshort_p50_ms\tshort_p99_ms\tlong_p50_ms\tlong_p99_ms\texport_hits_per_s\n' > "$table"

# p50 and p99 out of search-latency's line.
pct() { sed -E "s/.*p50 ([0-9.]+) ms.*p99 ([0-9.]+) ms.*/\1 \2/"; }

for n in "${sizes[@]}"; do
  archive=$work/archive-$n
  index=$work/index-$n
  rm -rf "$archive" "$index"
  "$bin/examples/gen-archive" --articles "$n" --out "$archive" --seed 1 --bad-fraction 0.002 --queries 1000 >&2
  mb=$(du -sm "$archive" | cut -f1)
  read -r full_s rss_kb < <(/usr/bin/time -f "%e %M" "$bin/fahras" index --full --index "$index" --progress none -q "$archive" 2>&1 >/dev/null | tail -1)
  index_mb=$(du -sm "$index" | cut -f1)
  read -r nochange_s < <(/usr/bin/time -f "%e" "$bin/fahras" index --index "$index" --progress none -q "$archive" 2>&1 >/dev/null | tail -1)
  queries=$archive.queries
  paste -d' ' - - - - < "$queries" | sed 's/ *$//' > "$work/long-$n.queries"
  read -r s50 s99 < <("$bin/examples/search-latency" "$index" "$queries" | pct)
  read -r l50 l99 < <(ANY=1 "$bin/examples/search-latency" "$index" "$work/long-$n.queries" | pct)
  # Timed in microseconds: /usr/bin/time's 10 ms steps are most of a
  # 10,000-hit export.
  t0=$EPOCHREALTIME
  "$bin/fahras" search --index "$index" '*' --all --format jsonl --fields id,title,date,source > "$work/export.jsonl"
  export_s=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN {print b - a}')
  hits=$(wc -l < "$work/export.jsonl")
  awk -v n="$n" -v mb="$mb" -v f="$full_s" -v r="$rss_kb" -v s="$index_mb" -v c="$nochange_s" \
      -v s50="$s50" -v s99="$s99" -v l50="$l50" -v l99="$l99" -v e="$export_s" -v h="$hits" 'BEGIN {
    printf "%d\t%d\t%.1f\t%.0f\t%.0f\t%d\t%.2f\t%.1f\t%s\t%s\t%s\t%s\t%.0f\n",
      n, mb, f, n/f, r/1024, s, c, 100*c/f, s50, s99, l50, l99, h/e
  }' >> "$table"
  tail -1 "$table" >&2
  rm -rf "$archive" "$index" "$work/export.jsonl"
done

"$bin/examples/scaling-plot" "$table" "$work/scaling.svg"
column -t "$table"
echo "plot: $work/scaling.svg"
