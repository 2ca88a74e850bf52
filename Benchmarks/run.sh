#!/usr/bin/env bash
# make bench: end-to-end throughput, scaling and memory of the release build on a corpus made
# deterministically from the fixtures. Prints a table; every figure is measured here.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/jianbao
WORK=.build/bench
rm -rf "$WORK" && mkdir -p "$WORK/corpus"

# Corpus: every fixture copied N times with its Arabic digits rotated (same shapes, other values).
copies=${BENCH_COPIES:-200}
python3 - "$copies" "$WORK/corpus" <<'PY'
import sys, pathlib
copies, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path("Fixtures").glob("*.txt"))]
rot = str.maketrans("0123456789", "1234567890")
for i in range(copies):
    for j, t in enumerate(texts):
        (out / f"doc{i:04d}_{j}.txt").write_text(t if i % 2 == 0 else t.translate(rot), encoding="utf-8")
base = "\n\n".join(texts)
for k in (1, 4, 16):
    (out.parent / f"scale{k}.txt").write_text("\n\n".join([base] * k), encoding="utf-8")
PY

bytes=$(cat "$WORK"/corpus/*.txt | wc -c)
files=$(ls "$WORK"/corpus | wc -l)
now() { date +%s.%N; }
measure() { local t0 t1; t0=$(now); "$@" >/dev/null 2>&1 || true; t1=$(now); echo "$t1 - $t0" | bc -l; }

echo "jianbao bench on $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
t1=$(measure "$BIN" batch "$WORK/corpus" --output "$WORK/out1" --formats json --jobs 1 --force)
t2=$(measure "$BIN" batch "$WORK/corpus" --output "$WORK/out2" --formats json --jobs 2 --force)
tr=$(measure "$BIN" batch "$WORK/corpus" --output "$WORK/out1" --formats json --jobs 1)
floor=$(measure sh -c "cat $WORK/corpus/*.txt | iconv -f UTF-8 -t UTF-16 >/dev/null")
mb=$(echo "$bytes / 1000000" | bc -l)
printf "corpus: %d files, %.1f MB\n" "$files" "$mb"
printf "%-44s %10s %12s\n" "measure" "seconds" "figure"
printf "%-44s %10.2f %9.2f MB/s  (target ≥ 50)\n" "batch --jobs 1 (extract + JSON written)" "$t1" "$(echo "$mb / $t1" | bc -l)"
printf "%-44s %10.2f %9.1f docs/s\n" "  documents per second, one job" "$t1" "$(echo "$files / $t1" | bc -l)"
printf "%-44s %10.2f %9.2f x      (target ≥ 1.7)\n" "batch --jobs 2, speed-up over --jobs 1" "$t2" "$(echo "$t1 / $t2" | bc -l)"
printf "%-44s %10.2f %9.3f of first run\n" "second run over unchanged inputs" "$tr" "$(echo "$tr / $t1" | bc -l)"
printf "%-44s %10.2f %9.1f x floor (target ≤ 10)\n" "read+decode floor (iconv UTF-8→UTF-16)" "$floor" "$(echo "$t1 / $floor" | bc -l)"
prev=""
for k in 1 4 16; do
  f="$WORK/scale$k.txt"
  t=$(measure "$BIN" extract "$f" --output "$WORK/scale$k.json")
  /usr/bin/time -f "%M" -o "$WORK/mem$k" "$BIN" extract "$f" --output "$WORK/scale$k.json" >/dev/null 2>&1 || true; mem=$(tail -1 "$WORK/mem$k")
  printf "%-44s %10.2f %9s KB peak RSS, %s bytes in\n" "one document, ${k}x base size" "$t" "$mem" "$(wc -c < "$f")"
done
