#!/usr/bin/env bash
# `editorial-check check --offline` on a folder of export-shaped drafts against cmark-gfm alone parsing the same bytes,
# whole process, in one run (issue 15).
#
# Generates COUNT drafts of about BYTES bytes (Sources/ExportShapedDraftFiles; defaults 800 and 2200, which come out
# at 6.9 MB in all: at small sizes the generator writes more than asked) in a temporary folder, and one file holding
# them all. Then, ROUNDS times (default 3) in turn: cmark-gfm over the folder and over the one file
# (Sources/CmarkFileParsing, one core), and `check --offline` on the folder and on the one file (every core) in each
# report format of OUTPUTS (default "text json"). Prints the median CPU time (user + sys of the whole process) and
# wall-clock time of each, CPU ratios to cmark-gfm on the same bytes, and the per-file overhead: the CPU the folder
# costs beyond the one file holding the same bytes, per draft.
#
# Usage: Benchmarks/Scripts/folder-check.sh [COUNT] [BYTES]
# With BEFORE=/path/to/editorial-check, that binary (an older build) is measured in the same run too.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-800}"
bytes_per_draft="${2:-2200}"
rounds="${ROUNDS:-3}"
outputs="${OUTPUTS:-text json}"

work="$(mktemp -d "${TMPDIR:-/tmp}/newsletterkit-folder-check.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Quiet on success; on failure the compiler's messages (printed on standard output) are shown. The CLI is built as
# a product of this package's NewsletterKit dependency, so that the library is compiled once for both.
build() { "$@" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }; }
build swift build -c release --product ExportShapedDraftFiles
build swift build -c release --product CmarkFileParsing
build swift build -c release --product editorial-check
bin="$(swift build -c release --show-bin-path)"

"$bin/ExportShapedDraftFiles" "$work/drafts" "$count" 1 "$bytes_per_draft" >/dev/null
cat "$work"/drafts/*.md >"$work/all.md"
total_bytes=$(wc -c <"$work/all.md")

# One measurement: a label, then the command; appends "label user sys wall" (seconds, to the millisecond: bash's
# `time`, where /usr/bin/time rounds to 10 ms) to the results. Exit status 1 means that problems were found, which is
# expected; 2 and above is a failure.
measure() {
    local label="$1"; shift
    local status=0
    local TIMEFORMAT="%3U %3S %3R"
    { time "$@" >/dev/null 2>"$work/stderr" || status=$?; } 2>"$work/time"
    if [ "$status" -gt 1 ]; then
        echo "$label failed with status $status:" >&2
        cat "$work/stderr" >&2
        exit 1
    fi
    echo "$label $(tail -n 1 "$work/time")" >>"$work/results"
}

: >"$work/results"
for _ in $(seq "$rounds"); do
    measure "cmark folder" "$bin/CmarkFileParsing" "$work/drafts"
    measure "cmark one-file" "$bin/CmarkFileParsing" "$work/all.md"
    for output in $outputs; do
        measure "check/$output folder" "$bin/editorial-check" check --offline --output "$output" "$work/drafts"
        measure "check/$output one-file" "$bin/editorial-check" check --offline --output "$output" "$work/all.md"
        if [ -n "${BEFORE:-}" ]; then
            measure "before/$output folder" "$BEFORE" check --offline --output "$output" "$work/drafts"
            measure "before/$output one-file" "$BEFORE" check --offline --output "$output" "$work/all.md"
        fi
    done
done

echo "check --offline against cmark-gfm alone: $count drafts, $total_bytes bytes; $(date -u +%Y-%m-%dT%H:%MZ)," \
    "$(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg); median of $rounds rounds; CPU = user + sys of the process"
sed 's/^/  measured: /' "$work/results"
awk -v count="$count" '
    {
        key = $1 " " $2
        if (!(key in rounds)) order[++keys] = key
        n = ++rounds[key]; cpu[key, n] = $3 + $4; wall[key, n] = $5
    }
    function median(values, key,    sorted, i, j, t, k) {
        k = rounds[key]
        for (i = 1; i <= k; i++) sorted[i] = values[key, i]
        for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (sorted[j] < sorted[i]) { t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t }
        return sorted[int((k + 1) / 2)]
    }
    END {
        for (i = 1; i <= keys; i++) { key = order[i]; c[key] = median(cpu, key); w[key] = median(wall, key) }
        for (i = 1; i <= keys; i++) {
            key = order[i]; split(key, part, " ")
            printf "%-26s CPU %7.3f s   wall %7.3f s   CPU/wall %4.2f   CPU ratio to cmark-gfm %6.2fx\n", \
                key, c[key], w[key], (w[key] > 0 ? c[key] / w[key] : 0), c[key] / c["cmark " part[2]]
        }
        for (i = 1; i <= keys; i++) {
            key = order[i]; split(key, part, " ")
            if (part[2] != "folder" || part[1] == "cmark") continue
            overhead = c[key] - c[part[1] " one-file"]
            printf "%-26s per-file overhead %6.3f ms CPU per draft (folder - one file = %6.3f s = %5.2fx cmark-gfm on the folder)\n", \
                part[1], overhead / count * 1000, overhead, overhead / c["cmark folder"]
        }
    }
' "$work/results"
