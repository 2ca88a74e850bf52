#!/usr/bin/env python3
"""JioNLP on the same slice jianbao is timed on, for `make bench`.

    jionlp_bench.py SLICE.txt

Extracts times (jio.ner.extract_time, with parsing) and money (jio.ner.extract_money) one
paragraph (line) at a time, as JioNLP is meant to be called, over the whole slice. Prints
`bytes N`, `seconds S` (process CPU time), `wall W`, `times T`, `money M`, one per line, for
run.sh to read. CPU time, because the benchmark machine may be shared.
The first paragraph is run once before timing: JioNLP loads its lexicons lazily.
"""
import sys
import time
import warnings

warnings.filterwarnings("ignore")


def main():
    import jionlp as jio

    with open(sys.argv[1], encoding="utf-8") as handle:
        text = handle.read()
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    base = "2024-10-23 00:00:00"
    # Warm up: lexicon loading is not extraction.
    jio.ner.extract_time(paragraphs[0], time_base=time.mktime(time.strptime(base, "%Y-%m-%d %H:%M:%S")))
    jio.ner.extract_money(paragraphs[0])
    times = money = 0
    time_base = time.mktime(time.strptime(base, "%Y-%m-%d %H:%M:%S"))
    start, cpu_start = time.perf_counter(), time.process_time()
    for paragraph in paragraphs:
        times += len(jio.ner.extract_time(paragraph, time_base=time_base))
        money += len(jio.ner.extract_money(paragraph))
    wall, seconds = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"bytes {len(text.encode('utf-8'))}")
    print(f"seconds {seconds:.4f}")
    print(f"wall {wall:.4f}")
    print(f"times {times}")
    print(f"money {money}")


if __name__ == "__main__":
    main()
