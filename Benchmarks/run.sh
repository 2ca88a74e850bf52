#!/usr/bin/env bash
# make bench: speed, memory and scaling of the release build, against JioNLP and against the
# cost of merely reading and decoding the same bytes. Every figure is measured here, twice where
# it is a time (the better run is reported, the other shown beside it), and printed in one table
# with its target and PASS/MISS, and the machine it ran on.
#
#   BENCH_SCALE=full   (default) ~200 MB corpus in 3000 files, one 50 MB document, 1 MB scaling base
#   BENCH_SCALE=small  ~10 MB in 150 files, one 5 MB document, 256 KB scaling base (a quick run)
#   BENCH_CORPUS_MB, BENCH_FILES, BENCH_BIG_MB, BENCH_SCALE_KB override the scale's sizes;
#   BENCH_SCRATCH is the SwiftPM scratch folder (default .build); SWIFT the swift command.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=${BENCH_SCALE:-full}
case "$SCALE" in
  small) corpus_mb=10 files=150 big_mb=5 scale_kb=256 ;;
  full) corpus_mb=200 files=3000 big_mb=50 scale_kb=1024 ;;
  *) echo "BENCH_SCALE must be small or full, not '$SCALE'" >&2; exit 2 ;;
esac
corpus_mb=${BENCH_CORPUS_MB:-$corpus_mb}
files=${BENCH_FILES:-$files}
big_mb=${BENCH_BIG_MB:-$big_mb}
scale_kb=${BENCH_SCALE_KB:-$scale_kb}
SWIFT=${SWIFT:-swift}
SCRATCH=${BENCH_SCRATCH:-.build}
BIN=$SCRATCH/release/jianbao
BENCH_BIN=$SCRATCH/release/jianbao-bench

echo "building release (jianbao, jianbao-bench) in $SCRATCH ..."
$SWIFT build -c release --scratch-path "$SCRATCH" --product jianbao >/dev/null
$SWIFT build -c release --scratch-path "$SCRATCH" --product jianbao-bench >/dev/null

# The corpus depends only on the fixtures and the sizes; it is made once per set of sizes.
WORK=.build/bench/$SCALE-$corpus_mb-$files-$big_mb-$scale_kb
if [ ! -f "$WORK/.done" ] || [ Benchmarks/make_corpus.py -nt "$WORK/.done" ]; then
  echo "making the corpus in $WORK ..."
  rm -rf "$WORK" && mkdir -p "$WORK"
  python3 Benchmarks/make_corpus.py "$WORK" --corpus-mb "$corpus_mb" --files "$files" --big-mb "$big_mb" --scale-kb "$scale_kb"
  touch "$WORK/.done"
fi
RUN=.build/bench/run && rm -rf "$RUN" && mkdir -p "$RUN"

# ---- helpers -------------------------------------------------------------------------------
calc() { awk "BEGIN { printf \"%.4f\", $1 }"; }
# timed NAME CMD...: runs CMD under /usr/bin/time -v; sets SECONDS_<NAME> and RSS_<NAME> (KB).
timed() {
  local name=$1; shift
  local log="$RUN/$name.time"
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$log" "$@" >"$RUN/$name.out" 2>"$RUN/$name.err" || { echo "FAILED: $* (see $RUN/$name.err)" >&2; exit 1; }
  t1=$(date +%s.%N)
  printf -v "SECONDS_$name" "%s" "$(calc "$t1 - $t0")"
  printf -v "RSS_$name" "%s" "$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")"
  printf -v "CPU_$name" "%s" "$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.4f", t }' "$log")"
  printf -v "SYS_$name" "%s" "$(awk -F': ' '/System time/ { print $2 }' "$log")"
}
# twice NAME CMD...: runs CMD twice; SECONDS_<NAME> is the faster, OTHER_<NAME> the slower.
twice() {
  local name=$1; shift
  timed "${name}_a" "$@"; timed "${name}_b" "$@"
  local a b ra rb; a=SECONDS_${name}_a; b=SECONDS_${name}_b; ra=RSS_${name}_a; rb=RSS_${name}_b
  local ca=CPU_${name}_a cb=CPU_${name}_b sa=SYS_${name}_a sb=SYS_${name}_b
  if awk "BEGIN { exit !(${!a} <= ${!b}) }"; then
    printf -v "SECONDS_$name" "%s" "${!a}"; printf -v "OTHER_$name" "%s" "${!b}"; printf -v "CPU_$name" "%s" "${!ca}"
    printf -v "SYS_$name" "%s" "${!sa}"
  else
    printf -v "SECONDS_$name" "%s" "${!b}"; printf -v "OTHER_$name" "%s" "${!a}"; printf -v "CPU_$name" "%s" "${!cb}"
    printf -v "SYS_$name" "%s" "${!sb}"
  fi
  printf -v "RSS_$name" "%s" "$(( ${!ra} > ${!rb} ? ${!ra} : ${!rb} ))"
}
ROWS=()
row() { ROWS+=("$(printf "%-52s %14s %12s  %s" "$1" "$2" "$3" "$4")"); }
verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo MISS; fi; }

corpus_bytes=$(cat "$WORK"/corpus/*.txt | wc -c)
corpus_mbytes=$(calc "$corpus_bytes / 1000000")
largest=$(wc -c "$WORK"/corpus/*.txt | grep -v ' total$' | sort -n | tail -1 | awk '{ print $1 }')
big_bytes=$(wc -c <"$WORK/big.txt")

# ---- corpus, end to end --------------------------------------------------------------------
echo "corpus: $files files, $corpus_mbytes MB; timing batch --jobs 1 and --jobs 2 (each twice) ..."
twice jobs1 "$BIN" batch "$WORK/corpus" --output "$RUN/out1" --formats json --jobs 1 --force --quiet
twice jobs2 "$BIN" batch "$WORK/corpus" --output "$RUN/out2" --formats json --jobs 2 --force --quiet
# Check the results: one JSON per input, and the same bytes whatever the number of jobs.
written=$(find "$RUN/out1" -name '*.json' ! -name '.jianbao-manifest.json' | wc -l)
[ "$written" -eq "$files" ] || { echo "batch wrote $written JSON files for $files inputs" >&2; exit 1; }
diff -r -q -x '.jianbao-manifest.json' "$RUN/out1" "$RUN/out2" >/dev/null || { echo "--jobs 1 and --jobs 2 wrote different output" >&2; exit 1; }
# Incremental: the same batch again over unchanged inputs converts nothing (issue 7).
twice rerun "$BIN" batch "$WORK/corpus" --output "$RUN/out1" --formats json --jobs 1 --quiet

# ---- stages --------------------------------------------------------------------------------
echo "timing each stage ..."
# The stage runner holds one document's stages at a time and times each on its own; a sample
# of the corpus of at most 40 MB is enough for steady figures.
sample=()
sampled=0
for f in "$WORK"/corpus/*.txt; do
  [ "$sampled" -ge 40000000 ] && break
  sample+=("$f"); sampled=$((sampled + $(wc -c <"$f")))
done
"$BENCH_BIN" "${sample[@]}" --output "$RUN/stages" >"$RUN/stages.txt"
stage() { awk -v s="$1" '$1 == s { print $2 }' "$RUN/stages.txt"; }
sample_mb=$(calc "$(stage bytes) / 1000000")

# ---- floor: read and decode the same bytes ---------------------------------------------------
twice floor sh -c "cat $WORK/corpus/*.txt | iconv -f UTF-8 -t UTF-16 >/dev/null"

# ---- one large document, and scaling -------------------------------------------------------
echo "one ${big_mb} MB document, and scaling ..."
twice big "$BIN" extract "$WORK/big.txt" --output "$RUN/big.json"
for k in 1 4 16; do
  twice "scale$k" "$BIN" extract "$WORK/scale$k.txt" --output "$RUN/scale$k.json"
done

# ---- JioNLP on the same slice ----------------------------------------------------------------
SLICE=$WORK/scale1.txt
slice_bytes=$(wc -c <"$SLICE")
VENV=.build/bench-venv
jionlp=""
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import jionlp" >/dev/null 2>&1; then
  echo "installing JioNLP into $VENV ..."
  (python3 -m venv "$VENV" && "$VENV/bin/pip" install -q jionlp) >"$RUN/jionlp-install.log" 2>&1 || true
fi
if "$VENV/bin/python" -c "import jionlp" >/dev/null 2>&1; then
  echo "JioNLP on a $(calc "$slice_bytes / 1000") KB slice ..."
  if "$VENV/bin/python" Benchmarks/jionlp_bench.py "$SLICE" >"$RUN/jionlp.txt" 2>"$RUN/jionlp.err"; then
    jionlp=$(awk '$1 == "seconds" { print $2 }' "$RUN/jionlp.txt")
  fi
fi

# ---- the table -----------------------------------------------------------------------------
mbps() { calc "$1 / 1000000 / $2"; }
e2e=$(mbps "$corpus_bytes" "$SECONDS_jobs1")
row "corpus, batch --jobs 1, JSON written (MB/s)" "$e2e" "≥ 50" "$(verdict "$e2e >= 50")"
docs=$(calc "$files / $SECONDS_jobs1")
row "  documents per second, one job" "$docs" "" ""
row "  seconds (other run)" "$SECONDS_jobs1 ($OTHER_jobs1)" "" ""
row "  CPU seconds (user+sys), and MB per CPU second" "$CPU_jobs1" "$(mbps "$corpus_bytes" "$CPU_jobs1")" ""
# The kernel's share is mostly the file system. The first run writes into an empty folder and
# needs a new inode per output (costly on ext4 without a journal right after many files were
# deleted, as the start of this script does); the second swaps each new output with the old one
# and reuses the old file (SpareFiles), and creates or deletes next to nothing.
row "  of which system (kernel) seconds" "$SYS_jobs1" "" ""
speedup=$(calc "$SECONDS_jobs1 / $SECONDS_jobs2")
row "second run over unchanged inputs (fraction of first)" "$(calc "$SECONDS_rerun / $SECONDS_jobs1")" "" ""
row "batch --jobs 2 over --jobs 1 (×)" "$speedup" "≥ 1.7" "$(verdict "$speedup >= 1.7")"
row "  seconds --jobs 2 (other run)" "$SECONDS_jobs2 ($OTHER_jobs2)" "" ""
floor_ratio=$(calc "$SECONDS_jobs1 / $SECONDS_floor")
row "× read+decode floor (iconv UTF-8→UTF-16, $(mbps "$corpus_bytes" "$SECONDS_floor") MB/s)" "$floor_ratio" "≤ 10" "$(verdict "$floor_ratio <= 10")"
row "  the same in CPU time (jianbao CPU s / floor CPU s)" "$(calc "$CPU_jobs1 / $CPU_floor")" "" ""
limit_corpus=$((64 * 1024 + 4 * largest / 1024))
row "peak RSS, corpus --jobs 1 (KB)" "$RSS_jobs1" "< $limit_corpus" "$(verdict "$RSS_jobs1 < $limit_corpus")"
row "peak RSS, corpus --jobs 2 (KB)" "$RSS_jobs2" "< $((limit_corpus + 4 * largest / 1024))" "$(verdict "$RSS_jobs2 < $limit_corpus + 4 * $largest / 1024")"
for s in ingest normalize segment extract.dates extract.counts extract.units finish emit; do
  t=$(stage "$s")
  row "  stage $s, ${sample_mb} MB sample (CPU s, MB/s)" "$t" "$(calc "$sample_mb / ($t + 0.000001)")" ""
done
big_rate=$(mbps "$big_bytes" "$SECONDS_big")
row "one $(calc "$big_bytes / 1000000") MB document (MB/s)" "$big_rate" "≥ 50" "$(verdict "$big_rate >= 50")"
row "  seconds (other run), CPU seconds" "$SECONDS_big ($OTHER_big)" "$CPU_big" ""
limit_big=$((64 * 1024 + 4 * big_bytes / 1024))
row "  peak RSS (KB)" "$RSS_big" "< $limit_big" "$(verdict "$RSS_big < $limit_big")"
for k in 1 4 16; do
  t=SECONDS_scale$k; r=RSS_scale$k
  c=CPU_scale$k
  row "scale ${k}× ($(calc "$(wc -c <"$WORK/scale$k.txt") / 1000") KB): s (CPU s), peak RSS KB" "${!t} (${!c})" "${!r}" ""
done
tg=$(calc "$SECONDS_scale16 / $SECONDS_scale1")
row "  time 16× / 1×" "$tg" "≤ 18" "$(verdict "$tg <= 18")"
mg=$(calc "$RSS_scale16 / $RSS_scale1")
row "  peak RSS 16× / 1×" "$mg" "≤ 18" "$(verdict "$mg <= 18")"
# jianbao on the slice, timed like JioNLP: CPU time of the conversion (all stages and the JSON),
# without process start-up and lexicon loading (JioNLP's import and warm-up are not timed either).
"$BENCH_BIN" "$SLICE" >"$RUN/slice-stages.txt"
jb_cpu=$(awk '$1 ~ /^(ingest|normalize|segment|extract|finish|emit)/ { t += $2 } END { printf "%.4f", t }' "$RUN/slice-stages.txt")
jb_slice=$(mbps "$slice_bytes" "$jb_cpu")
jb_process=$(mbps "$slice_bytes" "$SECONDS_scale1")
if [ -n "$jionlp" ]; then
  jio_rate=$(mbps "$slice_bytes" "$jionlp")
  jio_wall=$(mbps "$slice_bytes" "$(awk '$1 == "wall" { print $2 }' "$RUN/jionlp.txt")")
  ratio=$(calc "$jb_slice / $jio_rate")
  row "JioNLP time+money, same $(calc "$slice_bytes / 1000") KB slice (MB/CPU s; wall)" "$jio_rate" "$jio_wall" ""
  row "  jianbao on that slice, everything (MB/CPU s; whole process wall)" "$jb_slice" "$jb_process" ""
  row "  jianbao / JioNLP throughput, CPU time (×)" "$ratio" "≥ 100" "$(verdict "$ratio >= 100")"
else
  row "JioNLP could not be installed or run (see $RUN/jionlp-install.log); skipped" "" "" ""
fi

echo
echo "jianbao bench, BENCH_SCALE=$SCALE, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $files files, $corpus_mbytes MB (largest $(calc "$largest / 1000") KB); big: $(calc "$big_bytes / 1000000") MB"
printf "%-52s %14s %12s  %s\n" "measure" "figure" "target" "result"
printf "%s\n" "${ROWS[@]}"
