#!/usr/bin/env python3
"""Which frequent words each stemmer rule merges, on a news vocabulary.

    python3 benches/analysis/audit.py VOCAB.tsv [--min 20] [--top 40] [--fahras target/release/fahras]

VOCAB.tsv is `word<TAB>count` (benches/analysis/vocab.py writes it from a
JSONL corpus). Every word seen at least --min times is stemmed by
`fahras analyze --lines --no-stopwords` with all rules on, then with each
rule switched off (FAHRAS_STEMMER_OFF). A rule's merges are the pairs of
words that share a stem with every rule on and not without that rule; they
are printed most frequent first (a pair weighs the smaller of its two
counts), for a person to judge: a rule whose merges are mostly unrelated
words needs a guard.
"""
import argparse
import collections
import os
import subprocess

RULES = ["article", "hamza_guard", "waw", "single", "imperfect", "plurals", "whole_plural",
         "tanween", "fem_t", "pronoun", "construct_t", "number", "teh", "fawail", "faalil",
         "protected", "lexicon", "root3"]


def stems(fahras, words, off):
    env = dict(os.environ, FAHRAS_STEMMER_OFF=off)
    out = subprocess.run([fahras, "analyze", "--lines", "--no-stopwords"], input="\n".join(words) + "\n",
                         capture_output=True, text=True, env=env, check=True).stdout.split("\n")
    return [line.strip() for line in out[:len(words)]]


def classes(words, st):
    by = collections.defaultdict(list)
    for w, s in zip(words, st):
        if s:
            by[s].append(w)
    return by


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("vocab")
    ap.add_argument("--min", type=int, default=20)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--fahras", default="target/release/fahras")
    ap.add_argument("--rules", default=",".join(RULES))
    a = ap.parse_args()
    count = {}
    for line in open(a.vocab, encoding="utf-8"):
        w, n = line.rstrip("\n").split("\t")
        if int(n) >= a.min:
            count[w] = int(n)
    words = list(count)
    on = stems(a.fahras, words, "")
    stem_on = dict(zip(words, on))
    groups = classes(words, on)
    print(f"{len(words)} words seen >= {a.min} times, {len(groups)} stems")
    for rule in a.rules.split(","):
        off = dict(zip(words, stems(a.fahras, words, rule)))
        pairs = []
        for s, members in groups.items():
            if len(members) < 2:
                continue
            for i, x in enumerate(members):
                for y in members[i + 1:]:
                    if off[x] != off[y]:
                        pairs.append((min(count[x], count[y]), x, y, s))
        pairs.sort(reverse=True)
        weight = sum(p[0] for p in pairs)
        print(f"\n## {rule}: {len(pairs)} pairs merged, weight {weight}")
        for n, x, y, s in pairs[:a.top]:
            print(f"  {n:7d}  {x} + {y} -> {s}")
        # What the rule keeps apart (a guard's work): merged without it.
        apart = []
        for s, members in classes(words, [off[w] for w in words]).items():
            for i, x in enumerate(members):
                for y in members[i + 1:]:
                    if stem_on[x] != stem_on[y]:
                        apart.append((min(count[x], count[y]), x, y, s))
        apart.sort(reverse=True)
        print(f"   kept apart: {len(apart)} pairs, weight {sum(p[0] for p in apart)}")
        for n, x, y, s in apart[:a.top]:
            print(f"  {n:7d}  {x} / {y} (would be {s})")


if __name__ == "__main__":
    main()
