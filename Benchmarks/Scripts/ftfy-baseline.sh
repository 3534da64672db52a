#!/usr/bin/env bash
# Mojibake.repair against ftfy's fix_text and fix_encoding on the same two generated 5 MB files
# (clean newsletter text, and the same kind of text with about 5% of its characters mangled), in one run.
#
# Creates Benchmarks/.venv with ftfy from PyPI on first use. Prints MB/s of wall-clock time and of process CPU
# time (the second is steadier on a shared machine) for each tool and file, and our ratio to each ftfy function.
# Usage: Benchmarks/Scripts/ftfy-baseline.sh
set -euo pipefail
cd "$(dirname "$0")/.."

work="${TMPDIR:-/tmp}/newsletterkit-mojibake-benchmark"
mkdir -p "$work"

# Quiet on success; on failure the compiler's messages (printed on standard output) are shown.
swift build -c release --product MojibakeFiles >"$work/build.log" || { cat "$work/build.log"; exit 1; }
files="$(swift build -c release --show-bin-path)/MojibakeFiles"
"$files" write "$work"

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check ftfy
ftfy_version="$(.venv/bin/python -c 'import ftfy; print(ftfy.__version__)')"

# One line per file and function: name, function, wall MB/s, CPU MB/s.
.venv/bin/python - "$work" >"$work/ftfy.tsv" <<'PYTHON'
import sys, time, ftfy
work = sys.argv[1]
for name in ("clean.txt", "mangled.txt"):
    with open(f"{work}/{name}", encoding="utf-8") as handle:
        text = handle.read()
    megabytes = len(text.encode("utf-8")) / 1_000_000
    lines = text.splitlines(keepends=True)
    # fix_text takes the whole text (it works line by line inside); fix_encoding is given one line at a time.
    for function, run in (("fix_text", lambda: ftfy.fix_text(text)),
                          ("fix_encoding", lambda: "".join(ftfy.fix_encoding(line) for line in lines))):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{name}\t{function}\t{megabytes / wall:.2f}\t{megabytes / cpu:.2f}")
PYTHON

# The same files through Mojibake.repair: name, wall MB/s, CPU MB/s, edits.
"$files" time "$work/clean.txt" "$work/mangled.txt" >"$work/swift.tsv"

echo "ftfy $ftfy_version against Mojibake.repair, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
awk -F'\t' '
    NR == FNR { ftfyWall[$1, $2] = $3; ftfyCPU[$1, $2] = $4; next }
    {
        printf "%-12s Mojibake.repair %10.1f MB/s wall %10.1f MB/s CPU (%s edits)\n", $1, $2, $3, $4
        for (f = 1; f <= 2; f++) {
            function_name = f == 1 ? "fix_text" : "fix_encoding"
            printf "%-12s ftfy.%-12s %8.2f MB/s wall %8.2f MB/s CPU   ratio %7.0fx wall %7.0fx CPU\n", \
                $1, function_name, ftfyWall[$1, function_name], ftfyCPU[$1, function_name], \
                $2 / ftfyWall[$1, function_name], $3 / ftfyCPU[$1, function_name]
        }
    }
' "$work/ftfy.tsv" "$work/swift.tsv"
