#!/usr/bin/env bash
# Scores Mojibake.repair and ftfy's fix_encoding on ftfy's own public test cases, per label group.
#
# Downloads ftfy's source package from PyPI into a temporary folder (never into the repository), takes its
# tests/test_cases.json, and runs each case's `original` through both; a case passes when the result is its
# `fixed-encoding` (else `fixed`). Negatives are the cases whose expected text is the original: any change is
# listed. Prints, per group, both scores, then every case we fail with what we produced.
# Usage: Benchmarks/Scripts/ftfy-test-cases.sh [FTFY_VERSION]   (default 6.3.1)
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:-6.3.1}"
work="$(mktemp -d "${TMPDIR:-/tmp}/ftfy-test-cases.XXXXXX")"
trap 'rm -rf "$work"' EXIT

swift build -c release --product MojibakeFiles >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
files="$(swift build -c release --show-bin-path)/MojibakeFiles"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" download --quiet --disable-pip-version-check --no-deps --no-binary :all: "ftfy==$version" -d "$work"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "ftfy==$version"
tar -xzf "$work/ftfy-$version.tar.gz" -C "$work" "ftfy-$version/tests/test_cases.json"
cases="$work/ftfy-$version/tests/test_cases.json"

"$work/venv/bin/python" - "$cases" "$work/inputs.json" <<'PYTHON'
import json, sys
cases = json.load(open(sys.argv[1], encoding="utf-8"))
json.dump([case["original"] for case in cases], open(sys.argv[2], "w", encoding="utf-8"))
PYTHON
"$files" repair-json "$work/inputs.json" "$work/ours.json"

"$work/venv/bin/python" - "$cases" "$work/ours.json" "$version" <<'PYTHON'
import collections, json, sys
import ftfy
cases = json.load(open(sys.argv[1], encoding="utf-8"))
ours = json.load(open(sys.argv[2], encoding="utf-8"))

PAGES = (("cesu-8", "CESU-8"), ("437", "code page 437"), ("iso-8859-2", "ISO-8859-2"), ("1250", "Windows-1250"),
         ("1251", "Windows-1251"), ("1257", "Windows-1257"), ("macroman", "Mac OS Roman"), ("latin-1", "Latin-1"),
         ("messy language names", "Windows-1252, bytes lost"), ("1252", "Windows-1252"))

def group(case, expected):
    # Negatives (nothing to change) first, then the misreading the label names (the first in this list wins).
    if expected == case["original"]:
        return "negative"
    label = case["label"].lower()
    for key, name in PAGES:
        if key in label:
            return name
    return "other"

scores = collections.defaultdict(lambda: [0, 0, 0])
failures, changed_negatives, ftfy_changed_negatives = [], [], []
for case, mine in zip(cases, ours):
    expected = case.get("fixed-encoding", case["fixed"])
    theirs = ftfy.fix_encoding(case["original"])
    score = scores[group(case, expected)]
    score[0] += 1
    score[1] += mine == expected
    score[2] += theirs == expected
    if mine != expected:
        failures.append((case["label"], case["original"], expected, mine, theirs == expected))
    if expected == case["original"]:
        if mine != expected:
            changed_negatives.append(case["label"])
        if theirs != expected:
            ftfy_changed_negatives.append(case["label"])

total = [sum(score[i] for score in scores.values()) for i in range(3)]
print(f"ftfy {sys.argv[3]} tests/test_cases.json: {total[0]} cases")
print(f"{'group':<26} {'cases':>5} {'ours':>5} {'ftfy':>5}")
for name, (count, mine, theirs) in sorted(scores.items()):
    print(f"{name:<26} {count:>5} {mine:>5} {theirs:>5}")
print(f"{'total':<26} {total[0]:>5} {total[1]:>5} {total[2]:>5}")
negatives = sum(1 for case in cases if case.get("fixed-encoding", case["fixed"]) == case["original"])
print(f"negatives changed: ours {len(changed_negatives)} of {negatives}, ftfy {len(ftfy_changed_negatives)}")
print("\ncases we fail (label | original | expected | ours | ftfy passes):")
for label, original, expected, mine, ftfy_passes in failures:
    print(f"- {label} | {original!r} | {expected!r} | {mine!r} | {ftfy_passes}")
PYTHON
