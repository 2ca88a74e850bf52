#!/usr/bin/env python3
"""The benchmark corpus, made deterministically from Fixtures/*.txt (fixed seed).

Each document keeps one fixture's masthead (its first paragraphs, so Segment sees a real
header) and then takes body paragraphs drawn from every fixture, reshuffled across documents,
with Arabic numbers and years varied: years move by a few, month and day numbers stay valid
(1-12, 1-28), other numbers keep their digit count. The same arguments always give the same
bytes.

    make_corpus.py OUT_DIR --corpus-mb 200 --files 3000 --big-mb 50 --scale-kb 512

writes OUT_DIR/corpus/docNNNNN.txt, OUT_DIR/big.txt (one document) and
OUT_DIR/scale{1,4,16}.txt (one document of 1x, 4x and 16x --scale-kb).
"""
import argparse
import pathlib
import random
import re

SEED = 20241023
NUMBER = re.compile(r"[0-9]+(?=\s*(年|月|日|号)?)")


def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def vary(paragraph, rng):
    """Arabic numbers in `paragraph` replaced by others of the same shape."""

    def replace(match):
        digits, unit = match.group(0), match.group(1)
        if unit == "年" and len(digits) == 4:
            return str(int(digits) + rng.randint(-3, 3))
        if unit == "月":
            return str(rng.randint(1, 12))
        if unit in ("日", "号"):
            return str(rng.randint(1, 28))
        if len(digits) == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    return NUMBER.sub(replace, paragraph)


def document(fixtures, pool, size, rng):
    """One document of about `size` bytes: a fixture's masthead, then shuffled body paragraphs."""
    head = rng.choice(fixtures)[:6]
    parts = [vary(p, rng) for p in head]
    total = sum(len(p.encode()) + 2 for p in parts)
    while total < size:
        p = vary(rng.choice(pool), rng)
        parts.append(p)
        total += len(p.encode()) + 2
    return "\n\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--fixtures", default="Fixtures")
    parser.add_argument("--corpus-mb", type=float, default=200)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--big-mb", type=float, default=50)
    parser.add_argument("--scale-kb", type=float, default=512)
    args = parser.parse_args()

    fixtures = [paragraphs(p.read_text(encoding="utf-8")) for p in sorted(pathlib.Path(args.fixtures).glob("*.txt"))]
    pool = [p for f in fixtures for p in f[6:]]
    out = pathlib.Path(args.out)
    (out / "corpus").mkdir(parents=True, exist_ok=True)

    rng = random.Random(SEED)
    per_file = int(args.corpus_mb * 1e6 / args.files)
    for i in range(args.files):
        # Sizes vary around the mean (0.5x to 1.5x) as real bulletins do.
        size = int(per_file * (0.5 + rng.random()))
        (out / "corpus" / f"doc{i:05d}.txt").write_text(document(fixtures, pool, size, rng), encoding="utf-8")

    rng = random.Random(SEED + 1)
    (out / "big.txt").write_text(document(fixtures, pool, int(args.big_mb * 1e6), rng), encoding="utf-8")

    # Scaling: the same base document repeated, so 16x is exactly sixteen times the work.
    rng = random.Random(SEED + 2)
    base = document(fixtures, pool, int(args.scale_kb * 1e3), rng)
    for k in (1, 4, 16):
        (out / f"scale{k}.txt").write_text("\n".join([base] * k), encoding="utf-8")


if __name__ == "__main__":
    main()
