#!/usr/bin/env bash
# `editorial-check fix-mojibake < FILE > OUT`, the whole process as a user runs it, against `cat FILE > OUT` on the
# same file in the same run: 50 MB of clean newsletter text and 50 MB of the same kind of text with about 5% of its
# characters mangled (MojibakeFiles, the generator of the mojibake benchmarks), in a temporary folder.
#
# For each file and tool: the best wall time of five runs (cat and the filter take turns), MB/s, the ratio to cat's
# time, the best CPU time (user + system, steadier than wall time on a machine shared with other jobs), and the
# largest resident memory of the five runs (GNU time's maximum RSS) as a multiple of the input's size.
# Usage: Benchmarks/Scripts/fix-mojibake-throughput.sh [EDITORIAL_CHECK...]
#   With no argument, builds and measures this checkout's release editorial-check as a command-line tool ships,
#   with the Swift runtime and Foundation linked in (--static-swift-stdlib, in .build-static so that the usual
#   build is left alone): linked dynamically, each start spends about 25 ms of CPU loading and relocating the
#   runtime's shared libraries, a third of the whole run on 50 MB of clean text. Given paths of built
#   editorial-check executables (say, one built from an older commit), measures each of them instead.
set -euo pipefail
cd "$(dirname "$0")/.."

megabytes=50
runs=5
work="$(mktemp -d "${TMPDIR:-/tmp}/fix-mojibake-throughput.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Quiet on success; on failure the compiler's messages (printed on standard output) are shown.
swift build -c release --product MojibakeFiles >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
files="$(swift build -c release --show-bin-path 2>/dev/null)/MojibakeFiles"
if [ $# -eq 0 ]; then
    static=(-c release --static-swift-stdlib --scratch-path .build-static)
    (cd .. && swift build "${static[@]}" --product editorial-check) >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
    set -- "$(cd .. && swift build "${static[@]}" --show-bin-path 2>/dev/null)/editorial-check"
fi
"$files" texts "$work" $((megabytes * 1000 * 1000))

# Runs a command with standard input and output redirected; prints its wall time in seconds, its maximum RSS in KB
# and its CPU time in seconds.
measure() {
    local input="$1" output="$2"
    shift 2
    local start end
    start=$EPOCHREALTIME
    /usr/bin/time -f "%M %U %S" -o "$work/usage" "$@" <"$input" >"$output"
    end=$EPOCHREALTIME
    read -r rss user system <"$work/usage"
    echo "$(echo "$end - $start" | bc -l) $rss $(echo "$user + $system" | bc -l)"
}

# The smaller of two decimal numbers.
smaller() { echo "if ($1 < $2) $1 else $2" | bc -l; }

echo "fix-mojibake against cat, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
for name in clean mangled; do
    input="$work/$name.txt"
    size=$(stat -c %s "$input")
    cat "$input" >/dev/null
    for tool in "$@"; do
        best_cat=999 best_tool=999 cpu_cat=999 cpu_tool=999 rss_cat=0 rss_tool=0
        for _ in $(seq "$runs"); do
            read -r seconds rss cpu < <(measure "$input" "$work/out-cat" cat)
            best_cat=$(smaller "$seconds" "$best_cat")
            cpu_cat=$(smaller "$cpu" "$cpu_cat")
            rss_cat=$((rss > rss_cat ? rss : rss_cat))
            read -r seconds rss cpu < <(measure "$input" "$work/out-tool" "$tool" fix-mojibake)
            best_tool=$(smaller "$seconds" "$best_tool")
            cpu_tool=$(smaller "$cpu" "$cpu_tool")
            rss_tool=$((rss > rss_tool ? rss : rss_tool))
        done
        if [ "$name" = clean ] && ! cmp -s "$input" "$work/out-tool"; then
            echo "error: $tool changed the clean file" >&2
            exit 1
        fi
        awk -v name="$name.txt" -v size="$size" -v tool="$tool" -v cat="$best_cat" -v ours="$best_tool" \
            -v cpuCat="$cpu_cat" -v cpuOurs="$cpu_tool" -v rssCat="$rss_cat" -v rssOurs="$rss_tool" 'BEGIN {
            megabytes = size / 1e6
            printf "%-11s cat          %7.1f ms %7.1f MB/s              CPU %6.0f ms   max RSS %6.1f MB (%.2fx input)\n", \
                name, cat * 1000, megabytes / cat, cpuCat * 1000, rssCat / 1024, rssCat * 1024 / size
            printf "%-11s fix-mojibake %7.1f ms %7.1f MB/s %5.1fx cat   CPU %6.0f ms   max RSS %6.1f MB (%.2fx input)  %s\n", \
                name, ours * 1000, megabytes / ours, ours / cat, cpuOurs * 1000, rssOurs / 1024, rssOurs * 1024 / size, tool
        }'
    done
done
