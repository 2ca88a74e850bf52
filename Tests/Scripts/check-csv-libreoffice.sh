#!/usr/bin/env bash
# make check-csv: do the combined CSV tables open in a spreadsheet with their Chinese intact?
# Converts Fixtures/ with `jianbao batch`, has LibreOffice (Debian's libreoffice-calc-nogui,
# installed when missing) turn each table into .xlsx, and checks inside each workbook that every
# record became one row, the header's first cell is `path` (the byte-order mark was taken as
# such, not as text), and Chinese cell values of the CSV are there, unchanged, in
# xl/sharedStrings.xml.
#
# The import names its options, as LibreOffice's Text Import dialog does (comma, double quote,
# UTF-8 = 76, from row 1): headless `--convert-to` without `--infilter` does not show that dialog
# and reads every CSV as Windows-1252 whatever its byte-order mark (LibreOffice 7.4 ignores UTF-8
# and UTF-16 BOMs there). The script also tries that bare conversion and prints what it gave,
# for information only.
# Not part of `make test`: LibreOffice is a download of several hundred megabytes.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/release/jianbao}

if ! command -v soffice >/dev/null 2>&1; then
  echo "installing libreoffice-calc-nogui (Debian) …"
  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-calc-nogui) >/dev/null
fi
command -v unzip >/dev/null 2>&1 || (DEBIAN_FRONTEND=noninteractive apt-get install -y unzip >/dev/null)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$BIN" batch Fixtures --output "$work/out" --formats json,csv --quiet
mkdir -p "$work/xlsx" "$work/bare"
soffice -env:UserInstallation="file://$work/profile" --headless --infilter="CSV:44,34,76,1" \
  --convert-to xlsx --outdir "$work/xlsx" "$work"/out/*.csv >/dev/null 2>&1
soffice -env:UserInstallation="file://$work/profile" --headless \
  --convert-to xlsx --outdir "$work/bare" "$work"/out/units.csv >/dev/null 2>&1 || true
if unzip -p "$work/bare/units.xlsx" xl/sharedStrings.xml 2>/dev/null | grep -q '人大'; then
  echo "note: bare --convert-to (no --infilter) kept the Chinese too"
else
  echo "note: bare --convert-to (no --infilter) reads CSV as Windows-1252 here, BOM or not; checking with the UTF-8 import"
fi

python3 - "$work" <<'PY'
import csv, re, sys, zipfile, pathlib
work = pathlib.Path(sys.argv[1])
han = re.compile(r"[\u4e00-\u9fff]")
failures, checked = 0, 0
for table in sorted((work / "out").glob("*.csv")):
    book = work / "xlsx" / (table.stem + ".xlsx")
    if not book.exists():
        print(f"FAIL {table.name}: LibreOffice wrote no {book.name}"); failures += 1; continue
    with open(table, encoding="utf-8-sig", newline="") as f:
        records = list(csv.reader(f))
    with zipfile.ZipFile(book) as z:
        shared = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in z.namelist() else ""
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    rows = len(re.findall(r"<row ", sheet))
    cells = set(re.findall(r"<t(?: [^>]*)?>([^<]*)</t>", shared))
    problems = []
    if rows != len(records):
        problems.append(f"{rows} rows in the workbook for {len(records)} CSV records")
    if "path" not in cells:
        problems.append("first header cell is not 'path' (byte-order mark read as text?)")
    chinese = [v for r in records[1:] for v in r if han.search(v) and not re.search(r"[&<>\"'\r\n]", v)]
    sample = chinese[:: max(1, len(chinese) // 25)][:25]
    missing = [v for v in sample if v not in cells]
    if missing:
        problems.append(f"{len(missing)} of {len(sample)} Chinese values not intact, e.g. {missing[0]!r}")
    checked += len(sample)
    if problems:
        failures += 1
        print(f"FAIL {table.name}: " + "; ".join(problems))
    else:
        example = f", e.g. {sample[0]!r}" if sample else ""
        print(f"ok   {table.name}: {len(records)} rows, {len(sample)} Chinese values intact{example}")
print(f"{len(list((work / 'out').glob('*.csv'))) - failures} passed, {failures} failed ({checked} Chinese values checked)")
sys.exit(1 if failures else 0)
PY
