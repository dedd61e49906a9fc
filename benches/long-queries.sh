#!/usr/bin/env bash
# Headline-length queries, fahras against Lucene 9.9.1 (the engine of
# Elasticsearch) on the antnews collection: 2,000 real headlines of 5-15
# words, any word may match, BM25 k1 1.2 b 0.75, ids only, top 10 and top
# 100. Whole processes, interleaved run by run; Lucene's time includes the
# JVM's start-up, fahras's the opening of its index. Then a full index run
# of each, 2 threads, for time and peak RSS.
#
#   benches/long-queries.sh [ANTNEWS_DIR] [WORKDIR]
#
# ANTNEWS_DIR holds corpus.jsonl and queries.tsv, built as
# ../shared/eval/README.md says (default ~/.cache/fahras-eval/antnews).
# Lucene comes from ../shared/tools/lucene (setup.sh is run when needed).
# Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
ant=${1:-$HOME/.cache/fahras-eval/antnews}
work=${2:-$HOME/.cache/fahras-bench/long-queries}
runs=${RUNS:-5}
lucene_dir=${LUCENE_TOOLS:-../shared/tools/lucene}
mkdir -p "$work"
queries=$ant/queries.tsv

cargo build --release --quiet --bin fahras
fahras=$PWD/target/release/fahras
lucene=$lucene_dir/lucene.sh
[ -f "${LUCENE_HOME:-$HOME/.cache/lucene-peer}/jars/anserini-0.24.0-fatjar.jar" ] || bash "$lucene_dir/setup.sh" >&2

# A JSONL dump of 80 MB is one file: let it through the size limit.
printf '[archive]\nmax_file_bytes = 4000000000\n' > "$work/fahras.toml"
"$fahras" --config "$work/fahras.toml" --index "$work/fahras-index" index -q --progress none "$ant/corpus.jsonl"
[ -d "$work/lucene-index" ] || "$lucene" index "$ant/corpus.jsonl" "$work/lucene-index" --analyzer arabic --threads 2 >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# A batch exits 2 when one of its queries fails; the time is all we read.
secs() { { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null || true; } | tail -1; }

echo "antnews: $(wc -l < "$ant/corpus.jsonl") articles, $(wc -l < "$queries") headline queries; $(nproc) cores"
for k in 10 100; do
  f=(); l=(); r=()
  for _ in $(seq "$runs"); do
    tf=$(secs "$fahras" search --config "$work/fahras.toml" --index "$work/fahras-index" \
      --batch "$queries" --any -n "$k" --fields qid,id --format jsonl)
    tl=$(secs "$lucene" search "$work/lucene-index" "$queries" "$work/lucene-run.txt" --k "$k" --k1 1.2 --b 0.75)
    f+=("$tf"); l+=("$tl"); r+=("$(awk -v a="$tl" -v b="$tf" 'BEGIN {print a/b}')")
  done
  printf 'top %-3s fahras %.2f s  lucene %.2f s  lucene/fahras %.2f (median of %d pairs)\n' "$k" \
    "$(printf '%s\n' "${f[@]}" | median)" "$(printf '%s\n' "${l[@]}" | median)" \
    "$(printf '%s\n' "${r[@]}" | median)" "$runs"
done

# A full index run of each, 2 threads, interleaved: time and peak RSS.
fi=(); fm=(); li=(); lm=()
for _ in $(seq "$runs"); do
  read -r t m < <(/usr/bin/time -f "%e %M" "$fahras" --config "$work/fahras.toml" --index "$work/fahras-full" \
    index --full -q --progress none --threads 2 "$ant/corpus.jsonl" 2>&1 >/dev/null | tail -1)
  fi+=("$t"); fm+=("$m")
  rm -rf "$work/lucene-full"
  read -r t m < <(/usr/bin/time -f "%e %M" "$lucene" index "$ant/corpus.jsonl" "$work/lucene-full" \
    --analyzer arabic --threads 2 2>&1 >/dev/null | tail -1)
  li+=("$t"); lm+=("$m")
done
med() { printf '%s\n' "$@" | median; }
awk -v ft="$(med "${fi[@]}")" -v fm="$(med "${fm[@]}")" -v lt="$(med "${li[@]}")" -v lm="$(med "${lm[@]}")" -v n="$runs" 'BEGIN {
  printf "index  fahras %.2f s %d MB  lucene %.2f s %d MB  time lucene/fahras %.2f, RSS fahras/lucene %.2f (medians of %d)\n",
    ft, fm/1024, lt, lm/1024, lt/ft, fm/lm, n
}'
rm -rf "$work/fahras-full" "$work/lucene-full"
