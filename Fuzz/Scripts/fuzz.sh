#!/usr/bin/env bash
# Builds the libFuzzer targets (with AddressSanitizer) and runs each for SECONDS (default 60), one after the other,
# each from its generated seed corpus plus the corpus earlier runs grew in Fuzz/.fuzz/<target>/corpus.
#
#   Fuzz/Scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. Fuzz/Scripts/fuzz.sh 3600 FuzzJSONDecode
#
# Exit status 1 when a target crashed, leaked, timed out or ran out of memory (the input is in
# Fuzz/.fuzz/<target>/artifacts/); invariant violations (Fuzz/.fuzz/<target>/violations/) are listed, and fail the
# run too with FUZZ_STRICT=1. Extra libFuzzer flags go in FUZZ_FLAGS (for example "-len_control=0 -max_len=65536").
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
all=(FuzzBeehiivDecode FuzzFrontMatterDecode FuzzJSONDecode FuzzConfiguration FuzzMojibakeRepair FuzzCheckAndFix FuzzConversion)
targets=("$@")
[ "${#targets[@]}" -eq 0 ] && targets=("${all[@]}")

flags=(-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
swift build "${flags[@]}" || exit 1
bin=$(swift build "${flags[@]}" --show-bin-path)

# Swift's backtracer under ASan prints a spurious report and can leave swift-backtrace processes behind.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export LSAN_OPTIONS=suppressions=$PWD/lsan.supp

failed=0
failures=0
violations=0
printf '%-24s %12s %10s %8s %9s %s\n' target executions exec/s cov features result
for target in "${targets[@]}"; do
    work=.fuzz/$target
    mkdir -p "$work/corpus" "$work/seeds" "$work/artifacts"
    FUZZ_WRITE_SEEDS=$work/seeds "$bin/$target" > /dev/null 2>&1 || { echo "$target: cannot write seeds"; failed=1; continue; }
    # shellcheck disable=SC2086
    FUZZ_VIOLATIONS=$work/violations "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$work/artifacts/" ${FUZZ_FLAGS:-} "$work/corpus" "$work/seeds" \
        > "$work/log" 2>&1
    status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" | grep -o '[0-9]*$' || true)
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$work/log" | grep -o '[0-9]*$' || true)
    cov=$(grep -o 'cov: [0-9]*' "$work/log" | tail -1 | grep -o '[0-9]*' || true)
    features=$(grep -o 'ft: [0-9]*' "$work/log" | tail -1 | grep -o '[0-9]*' || true)
    found=$(grep -c '^INVARIANT' "$work/log" || true)
    violations=$((violations + found))
    result=ok
    if [ "$status" -ne 0 ]; then
        result="FAILED (exit $status; see $work/log and $work/artifacts/)"
        failed=1
        failures=$((failures + 1))
    fi
    [ "$found" -gt 0 ] && result="$result, invariants broken (inputs in $work/violations/): $(grep -o '^INVARIANT [^ ]*' "$work/log" | sort | uniq -c | awk '{print $3}' | tr '\n' ' ')"
    printf '%-24s %12s %10s %8s %9s %s\n' "$target" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${features:-?}" "$result"
done
if [ "$violations" -gt 0 ]; then
    echo "invariants broken (inputs that broke each, over the run):"
    for target in "${targets[@]}"; do
        grep -h '^INVARIANT-TOTAL' ".fuzz/$target/log" 2>/dev/null | awk -v t="$target" '{print "  " t ": " $2 " " $3}'
    done
    [ "${FUZZ_STRICT:-0}" = 1 ] && failed=1
fi
echo "fuzz: $(( ${#targets[@]} - failures )) passed, $failures failed"
exit $failed
