#!/usr/bin/env bash
# Counts the instructions the whole pipeline executes on each input at two
# sizes, under valgrind's callgrind: a linearity check that a busy machine
# cannot disturb (time can be; instruction counts cannot). Needs valgrind.
#
#   bash benches/instructions.sh [BASE_BYTES (250000)] [FACTOR (4)]
#
# For each input (news as one document, news as many documents, each hostile
# kind) it prints instructions per byte at BASE and BASE*FACTOR, the ratio
# of the two counts (linear: FACTOR), and the cost of a byte relative to
# news. Only the pipeline is counted, not the making of the input
# (callgrind --toggle-collect on the binary's `extract` function). Exits 1
# when an input misses a bar (4x the input over 1.25x FACTOR the
# instructions, or a byte over 3x a byte of news), as `scaling` does.
set -euo pipefail
cd "$(dirname "$0")"

base=${1:-250000}
factor=${2:-4}
big=$((base * factor))

command -v valgrind > /dev/null || { echo "instructions.sh: valgrind not found" >&2; exit 2; }
cargo build --release --quiet --bin scaling
bin=target/release/scaling
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

count() { # INPUT BYTES -> instructions
    valgrind --tool=callgrind --callgrind-out-file="$tmp/out" --toggle-collect='*scaling*extract*' \
        "$bin" --once "$1" --base "$2" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

inputs=(news news-docs quotation_marks apostrophes nested_openings one_paragraph line_breaks reopened_quote
    many_speakers mark_newline said_run long_sentence)
printf '%-16s %14s %14s %9s %9s %9s\n' input "Ir/B @$base" "Ir/B @$big" ratio "x news" verdict
news_per_byte=
failed=0
for input in "${inputs[@]}"; do
    small=$(count "$input" "$base")
    large=$(count "$input" "$big")
    read -r line < <(awk -v s="$small" -v l="$large" -v b="$base" -v g="$big" -v f="$factor" -v n="${news_per_byte:-0}" 'BEGIN {
        ps = s / b; pl = l / g; r = l / s; x = (n > 0) ? ps / n : 1
        v = (r <= f * 1.25 && x <= 3) ? "ok" : "FAIL"
        printf "%.1f %.1f %.2f %.2f %s\n", ps, pl, r, x, v }')
    read -r ps pl ratio rel verdict <<< "$line"
    [[ -n $news_per_byte ]] || news_per_byte=$ps
    printf '%-16s %14s %14s %9s %9s %9s\n' "$input" "$ps" "$pl" "$ratio" "$rel" "$verdict"
    [[ $verdict == ok ]] || failed=1
done
exit "$failed"
