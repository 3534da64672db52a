#!/usr/bin/env bash
# `editorial-check fix-mojibake < FILE > OUT`, the whole process as a user runs it, against `cat FILE > OUT` on the
# same file in the same run: 50 MB of clean newsletter text and 50 MB of the same kind of text with about 5% of its
# characters mangled (MojibakeFiles, the generator of the mojibake benchmarks), in a temporary folder.
#
# For each file, RUNS rounds (default 11) in which cat and every tool take turns, so that each ratio compares runs
# made at the same moment: per command the median and the best wall time, MB/s and the ratio to cat's time (both from
# the medians), the median CPU time (user + system), and the largest resident memory (GNU time's maximum RSS) as a
# multiple of the input's size. On a machine shared with other jobs single runs move by a fifth; the medians of
# alternating runs hold still.
# Each run writes a new output file (the previous run's is removed before the clock starts): when the shell opens an
# existing 50 MB output it truncates it before the command starts, and the file system's freeing of its blocks took
# 12 to 25 ms here, more than cat's whole run, which hid the commands' own time. OUTPUT=overwrite measures that case.
# Usage: [RUNS=N] [OUTPUT=fresh|overwrite] Benchmarks/Scripts/fix-mojibake-throughput.sh [EDITORIAL_CHECK...]
#   With no argument, builds and measures this checkout's release editorial-check as a command-line tool ships,
#   with the Swift runtime and Foundation linked in (--static-swift-stdlib, in .build-static so that the usual
#   build is left alone): linked dynamically, each start spends about 25 ms of CPU loading and relocating the
#   runtime's shared libraries, a third of the whole run on 50 MB of clean text. Given paths of built
#   editorial-check executables (say, one built from an older commit), measures each of them instead.
set -euo pipefail
cd "$(dirname "$0")/.."

megabytes=50
runs=${RUNS:-11}
output=${OUTPUT:-fresh}
case "$output" in fresh | overwrite) ;; *) echo "error: OUTPUT must be fresh or overwrite, not '$output'" >&2; exit 2 ;; esac
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

# The median and the smallest of decimal numbers given one per line.
median_and_best() { sort -g | awk '{ value[NR] = $1 } END { print value[int((NR + 1) / 2)], value[1] }'; }
echo "fix-mojibake against cat, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $runs alternating rounds, $output output files"
for name in clean mangled; do
    input="$work/$name.txt"
    size=$(stat -c %s "$input")
    cat "$input" >/dev/null
    commands=(cat "$@")
    for index in "${!commands[@]}"; do : >"$work/wall.$index"; : >"$work/cpu.$index"; echo 0 >"$work/rss.$index"; done
    for _ in $(seq "$runs"); do
        for index in "${!commands[@]}"; do
            if [ "$output" = fresh ]; then rm -f "$work/out.$index"; fi
            if [ "$index" -eq 0 ]; then
                read -r seconds rss cpu < <(measure "$input" "$work/out.0" cat)
            else
                read -r seconds rss cpu < <(measure "$input" "$work/out.$index" "${commands[$index]}" fix-mojibake)
            fi
            echo "$seconds" >>"$work/wall.$index"
            echo "$cpu" >>"$work/cpu.$index"
            largest=$(cat "$work/rss.$index")
            echo $((rss > largest ? rss : largest)) >"$work/rss.$index"
        done
    done
    read -r cat_median _ < <(median_and_best <"$work/wall.0")
    for index in "${!commands[@]}"; do
        if [ "$index" -gt 0 ] && [ "$name" = clean ] && ! cmp -s "$input" "$work/out.$index"; then
            echo "error: ${commands[$index]} changed the clean file" >&2
            exit 1
        fi
        read -r median best < <(median_and_best <"$work/wall.$index")
        read -r cpu _ < <(median_and_best <"$work/cpu.$index")
        label=$([ "$index" -eq 0 ] && echo cat || echo fix-mojibake)
        tool=$([ "$index" -eq 0 ] && echo "" || echo "${commands[$index]}")
        awk -v name="$name.txt" -v size="$size" -v label="$label" -v tool="$tool" -v median="$median" -v best="$best" \
            -v cat="$cat_median" -v cpu="$cpu" -v rss="$(cat "$work/rss.$index")" 'BEGIN {
            printf "%-11s %-12s median %7.1f ms (best %7.1f) %7.1f MB/s %5.2fx cat   CPU %6.0f ms   max RSS %6.1f MB (%.2fx input)  %s\n", \
                name, label, median * 1000, best * 1000, size / 1e6 / median, median / cat, cpu * 1000, rss / 1024, rss * 1024 / size, tool
        }'
    done
done
