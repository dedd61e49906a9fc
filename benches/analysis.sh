#!/usr/bin/env bash
# The analyzer on the three development sets: antnews and ARCD retrieval
# (MRR@10 …) and PUD conflation (precision, recall, F1), one line each.
#
#   benches/analysis.sh [FAHRAS] [RULES...]
#
# With RULES (names from src/analysis/rules.rs), each is measured switched
# off alone, after the run with every rule on: docs/analysis.md's table.
# Needs ../shared (eval sets and tools) beside the checkout and the antnews
# set built under ~/.cache/fahras-eval/antnews (../shared/eval/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
fahras=${1:-target/release/fahras}
shift $(( $# >= 1 ? 1 : 0 ))
shared=../shared
antnews=${ANTNEWS:-$HOME/.cache/fahras-eval/antnews}
[ -x "$fahras" ] || { echo "no binary at $fahras: cargo build --release" >&2; exit 2; }
[ -d "$antnews" ] || { echo "no antnews set at $antnews: see ../shared/eval/README.md" >&2; exit 2; }

measure() {
  local off=$1 ant arcd pud
  ant=$(FAHRAS_STEMMER_OFF=$off "$shared/tools/run_ir.sh" "$antnews" "$fahras" | tail -1 | awk '{print "MRR@10 "$2", R@10 "$3", nDCG@10 "$5}')
  arcd=$(FAHRAS_STEMMER_OFF=$off "$shared/tools/run_ir.sh" "$shared/eval/ir/arcd" "$fahras" | tail -1 | awk '{print "MRR@10 "$2", R@10 "$3", nDCG@10 "$5}')
  pud=$(FAHRAS_STEMMER_OFF=$off python3 "$shared/tools/conflation.py" --gold "$shared/eval/stem/pud/gold.tsv" --raw \
        --cmd "$fahras analyze --lines --no-stopwords" | grep 'types :' | grep -o 'P=.*')
  printf '%-14s antnews %s | arcd %s | pud %s\n' "${off:-none}" "$ant" "$arcd" "$pud"
}

measure ""
for rule in "$@"; do measure "$rule"; done
