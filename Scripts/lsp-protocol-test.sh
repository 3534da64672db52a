#!/usr/bin/env bash
# The language server at the protocol level: Tests/Editor/lsp_protocol_test.py, a client built on lsprotocol (PyPI,
# pinned in Tests/Editor/requirements-lsp.txt, installed into a virtual environment in a temporary folder), talks to
# `editorial-check lsp` over stdio: UTF-8 positions after emoji and CJK, exact quick-fix edits, a burst of incremental
# changes (the last state wins), malformed JSON, an unknown method, a range out of bounds, shutdown and exit; then
# link checks against an HTTP server of its own on 127.0.0.1: on save only, and only when initializationOptions say so.
# The server's stderr is printed when the test fails. Bounded in time as a whole by `timeout`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

swift build --product editorial-check
binary="$(swift build --show-bin-path)/editorial-check"

work=$(mktemp -d "${TMPDIR:-/tmp}/lsp-protocol-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/Tests/Editor/requirements-lsp.txt"

status=0
TMPDIR=$work timeout --kill-after=10 180 "$work/venv/bin/python" "$root/Tests/Editor/lsp_protocol_test.py" \
    "$binary" "$root/Tests/Editor/Fixtures" "$work/server.log" || status=$?
if [ "$status" -ne 0 ]; then
    [ "$status" -eq 124 ] && echo "lsp-protocol-test: timed out" >&2
    echo "---- the server's stderr (last 200 lines)" >&2
    tail -n 200 "$work/server.log" >&2 || true
    exit 1
fi
