#!/usr/bin/env bash
# The shapes of issue 15 (Sources/ScalingShapeDrafts) run through the release command-line tool as a user runs it,
# at scales 1, 4 and 16: wall time and maximum resident memory of the whole process (/usr/bin/time), and the ratio of
# each to the previous scale. Linear is about 4x per step; a quadratic cost shows as about 16x.
#
# Usage: Benchmarks/Scripts/scaling-shapes.sh [--binary PATH] [--shapes "NAME..."] [--timeout SECONDS]
#                                             [--memory-limit MiB] [SCALE...]
#   --binary        measure this editorial-check instead of building the package's (e.g. an older build, to compare)
#   --shapes        only these shapes (names as in the table), in this order
#   --timeout       stop a command after this many seconds (default 120); it is then reported as "timeout"
#   --memory-limit  virtual memory limit per command (default 12288 MiB), so that a runaway does not take the machine
set -euo pipefail
cd "$(dirname "$0")/.."

binary=""
timeout_seconds=120
memory_limit=12288
shapes="mojibake-line link-openers widest-table over-wide-table mangled-paragraphs emphasis-spacing empty-sections every-rule"
scales=()
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary="$2"; shift 2 ;;
        --shapes) shapes="$2"; shift 2 ;;
        --timeout) timeout_seconds="$2"; shift 2 ;;
        --memory-limit) memory_limit="$2"; shift 2 ;;
        *) scales+=("$1"); shift ;;
    esac
done
[ ${#scales[@]} -gt 0 ] || scales=(1 4 16)

work="$(mktemp -d "${TMPDIR:-/tmp}/newsletterkit-scaling.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Quiet on success; on failure the compiler's messages (printed on standard output) are shown.
if [ -z "$binary" ]; then
    (cd .. && swift build -c release --product editorial-check >"$work/build.log" 2>&1) || { cat "$work/build.log"; exit 1; }
    binary="$(cd .. && swift build -c release --show-bin-path)/editorial-check"
fi
swift build -c release --product ScalingShapeFiles >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
"$(swift build -c release --show-bin-path)/ScalingShapeFiles" "$work/shapes" "${scales[@]}" >"$work/files.txt"

# Runs one command; prints "seconds kilobytes status" ("timeout" or the exit status when it did not finish normally).
measure() {
    local status=0
    ( ulimit -v $((memory_limit * 1024)); exec timeout "$timeout_seconds" /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" ) \
        >/dev/null 2>"$work/stderr.txt" </dev/null || status=$?
    if [ "$status" -eq 124 ]; then echo "- - timeout"; return; fi
    # /usr/bin/time writes a line about a failed command first; the figures are on the last line.
    read -r seconds kilobytes < <(tail -n 1 "$work/time.txt")
    echo "$seconds $kilobytes $status"
}

printf "%-20s %-22s %5s %11s %9s %9s %7s %7s %s\n" shape command scale bytes "wall s" "RSS MiB" "x wall" "x RSS" status
for shape in $shapes; do
    commands=("check text")
    case "$shape" in
        mojibake-line|mangled-paragraphs|emphasis-spacing) commands+=("fix") ;;
        every-rule) commands+=("check json" "check sarif" "fix dry-run" "convert json" "convert beehiiv") ;;
        empty-sections|widest-table) commands+=("convert json" "convert beehiiv") ;;
    esac
    for command in "${commands[@]}"; do
        previous_wall=""; previous_rss=""
        for scale in "${scales[@]}"; do
            file="$work/shapes/$shape-x$scale.md"
            bytes=$(stat -c %s "$file")
            case "$command" in
                "check text") result=$(measure "$binary" check --offline --format-in beehiiv --output text "$file") ;;
                "check json") result=$(measure "$binary" check --offline --format-in beehiiv --output json "$file") ;;
                "check sarif") result=$(measure "$binary" check --offline --format-in beehiiv --output sarif "$file") ;;
                "fix dry-run") result=$(measure "$binary" fix --dry-run --format-in beehiiv "$file") ;;
                "convert json") result=$(measure "$binary" convert --format-in beehiiv --to json -o "$work/converted" "$file") ;;
                "convert beehiiv") result=$(measure "$binary" convert --format-in beehiiv --to beehiiv -o "$work/converted" "$file") ;;
                fix)
                    # In place, as a user runs it, on a copy so that every command reads the same draft.
                    cp "$file" "$work/fixed.md"
                    result=$(measure "$binary" fix --format-in beehiiv "$work/fixed.md") ;;
            esac
            read -r wall kilobytes status <<<"$result"
            if [ "$wall" = "-" ]; then
                printf "%-20s %-22s %5s %11s %9s %9s %7s %7s %s\n" "$shape" "$command" "x$scale" "$bytes" - - - - "$status"
                previous_wall=""; previous_rss=""
                continue
            fi
            rss=$(awk -v k="$kilobytes" 'BEGIN { printf "%.1f", k / 1024 }')
            wall_ratio=-; rss_ratio=-
            if [ -n "$previous_wall" ]; then
                wall_ratio=$(awk -v a="$wall" -v b="$previous_wall" 'BEGIN { printf "%.1f", (b > 0.005 ? a / b : 0) }')
                rss_ratio=$(awk -v a="$kilobytes" -v b="$previous_rss" 'BEGIN { printf "%.1f", a / b }')
            fi
            printf "%-20s %-22s %5s %11s %9s %9s %7s %7s %s\n" "$shape" "$command" "x$scale" "$bytes" "$wall" "$rss" "$wall_ratio" "$rss_ratio" "exit $status"
            previous_wall="$wall"; previous_rss="$kilobytes"
        done
    done
done
