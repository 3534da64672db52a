#!/usr/bin/env bash
# The language server with a real client: Neovim (Debian's 0.7, headless, installed by Scripts/bootstrap.sh) runs
# Tests/Editor/neovim-lsp-test.lua on a copy of Tests/Editor/Fixtures/bench-letter.md in three cases, each in a fresh
# Neovim: a quick fix with UTF-16 positions, "fix all" with UTF-8 positions, and "disable this rule on this line".
# The saved bytes are compared with the expected files; on any mismatch the case's logs are printed.
# Every step is bounded in time: the Lua script's waits, and `timeout` around each Neovim.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
editor_tests=$root/Tests/Editor

command -v nvim >/dev/null || { echo "editor-test: nvim not found (Scripts/bootstrap.sh installs Debian's neovim)" >&2; exit 1; }
echo "editor-test: $(nvim --version | head -n 1)"

swift build --product editorial-check
binary="$(swift build --show-bin-path)/editorial-check"

work=$(mktemp -d "${TMPDIR:-/tmp}/editor-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

fixture=$editor_tests/Fixtures/bench-letter.md
failures=0

# Prints what a failed case leaves behind: our log, then the end of Neovim's LSP log (the server's stderr is there).
show_logs() {
    local folder=$1
    echo "---- $folder/test.log" >&2
    cat "$folder/test.log" >&2 2>/dev/null || true
    echo "---- Neovim's lsp.log (last 200 lines)" >&2
    tail -n 200 "$folder/cache/nvim/lsp.log" >&2 2>/dev/null || true
}

# Runs one case; $2 is the file the saved draft must equal byte for byte, or "disable" for the inserted-comment check.
run_case() {
    local case=$1 expected=$2
    local folder=$work/$case
    mkdir -p "$folder/drafts" "$folder/cache" "$folder/config" "$folder/data" "$folder/state"
    cp "$fixture" "$folder/drafts/bench-letter.md"
    local started=$SECONDS status=0
    # XDG folders of its own: no user configuration, and the LSP log lands in the case's folder.
    XDG_CONFIG_HOME=$folder/config XDG_CACHE_HOME=$folder/cache XDG_DATA_HOME=$folder/data XDG_STATE_HOME=$folder/state \
        EDITORIAL_CHECK=$binary NK_DRAFT=$folder/drafts/bench-letter.md NK_LOG=$folder/test.log NK_CASE=$case \
        timeout --kill-after=10 120 nvim --headless --clean -c "luafile $editor_tests/neovim-lsp-test.lua" \
        </dev/null >"$folder/nvim.out" 2>&1 || status=$?
    local saved=$folder/drafts/bench-letter.md
    if [ "$status" -ne 0 ]; then
        local reason="Neovim exit status $status"
        [ "$status" -eq 124 ] && reason="Neovim timed out after 120 s"
        echo "editor-test: $case FAILED ($reason)" >&2
        cat "$folder/nvim.out" >&2
        show_logs "$folder"
        failures=$((failures + 1))
        return
    fi
    if [ "$expected" = disable ]; then
        # The one change: a disable-next-line comment for the rule on a line of its own before the greeting (line 10).
        local changes
        changes=$(diff "$fixture" "$saved" || true)
        if [ "$changes" != $'9a10\n> <!-- newsletterlint-disable-next-line mojibake -->' ]; then
            echo "editor-test: $case FAILED: expected one inserted comment line before line 10, got:" >&2
            printf '%s\n' "$changes" >&2
            show_logs "$folder"
            failures=$((failures + 1))
            return
        fi
    elif ! cmp -s "$expected" "$saved"; then
        echo "editor-test: $case FAILED: the saved draft differs from $expected:" >&2
        diff -u "$expected" "$saved" >&2 || true
        show_logs "$folder"
        failures=$((failures + 1))
        return
    fi
    echo "editor-test: $case passed ($((SECONDS - started)) s)"
}

run_case quickfix-utf16 "$editor_tests/Fixtures/bench-letter.quick-fix.md"
run_case fixall-utf8 "$editor_tests/Fixtures/bench-letter.fix-all.md"
run_case disable-utf16 disable

if [ "$failures" -ne 0 ]; then
    echo "editor-test: $failures of 3 Neovim cases failed" >&2
    exit 1
fi
echo "editor-test: 3 passed, 0 failed"
