#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml, as a user's repository runs them: pre-commit from PyPI (pinned in
# Tests/Editor/requirements-pre-commit.txt, in a virtual environment in a temporary folder; PRE_COMMIT_HOME there too)
# and `pre-commit try-repo <this repository> --all-files` in a scratch repository holding a bad draft, a good one and
# a text file that is no draft. Both hooks run, in their order, in one try-repo: try-repo keeps its hook environments
# in a temporary store of its own, so each call builds this package again with `swift build -c release` (the slow
# part; its time is printed). Like pre-commit, it tests HEAD plus the changes to tracked files and staged new files.
# - editorial-check fails and names the bad draft's three problems, and nothing of the good draft or the text file;
# - editorial-check-fix fails (it changed a file; an error without a fix remains), lists its two fixes and leaves
#   exactly the repaired bytes; the good draft and the text file are untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
fixtures=$root/Tests/Editor/Fixtures

work=$(mktemp -d "${TMPDIR:-/tmp}/pre-commit-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/Tests/Editor/requirements-pre-commit.txt"
export PRE_COMMIT_HOME=$work/pre-commit-home

scratch=$work/scratch
mkdir -p "$scratch/issues"
git -C "$scratch" init --quiet
cp "$fixtures/bench-letter.md" "$scratch/issues/issue-20.md"
cp "$fixtures/bench-letter.clean.md" "$scratch/issues/issue-19.md"
# Mojibake in a file of another extension: no hook may read or touch it.
printf 'Notes: we donâ€™t ship on Fridays.\n' > "$scratch/notes.txt"
cp "$scratch/notes.txt" "$work/notes.txt"
git -C "$scratch" add -A

started=$SECONDS
status=0
output=$(cd "$scratch" && timeout --kill-after=30 3600 "$work/venv/bin/pre-commit" try-repo "$root" --all-files \
    --color never </dev/null 2>&1) || status=$?
printf '%s\n' "$output"
echo "pre-commit-test: try-repo with both hooks (pre-commit's release build of the package included) took $((SECONDS - started)) s"

failures=0
fail() {
    echo "pre-commit-test: FAILED: $*" >&2
    failures=$((failures + 1))
}
[ "$status" -eq 1 ] || fail "try-repo: exit status $status, expected 1"

# What each hook printed: from its result line to the next hook's.
check_output=$(sed -n '/^editorial-check\.\.\./,/^editorial-check fix\.\.\./p' <<<"$output")
fix_output=$(sed -n '/^editorial-check fix\.\.\./,$p' <<<"$output")
grep -q '^editorial-check\.\.\.*Failed$' <<<"$check_output" || fail "editorial-check did not fail"
for problem in \
    "issues/issue-20.md:10:17: error: UTF-8 read as Windows-1252: 'â€™' should be '’' [mojibake]" \
    "issues/issue-20.md:15:20: error: UTF-8 read as Windows-1252: 'â€™' should be '’' [mojibake]" \
    "issues/issue-20.md:19:37: error: link destination contains the placeholder 'PLACEHOLDER' [placeholder-link]" \
    "3 errors, 0 warnings, 2 fixable in 2 files"; do
    grep -qF -- "$problem" <<<"$check_output" || fail "editorial-check did not report: $problem"
done
grep -qF "issue-19.md" <<<"$output" && fail "a hook reported something in the good draft issue-19.md"
grep -qF "notes.txt" <<<"$output" && fail "a hook read notes.txt, which is no draft"

grep -q '^editorial-check fix\.\.\.*Failed$' <<<"$fix_output" || fail "editorial-check-fix did not fail"
grep -qF "files were modified by this hook" <<<"$fix_output" || fail "pre-commit did not see editorial-check-fix change a file"
for line in "issues/issue-20.md: applied 2 fixes" \
    "  10:17: replace 'â€™' with '’' [mojibake]" \
    "  15:20: replace 'â€™' with '’' [mojibake]"; do
    grep -qxF -- "$line" <<<"$fix_output" || fail "editorial-check-fix did not print: $line"
done
cmp -s "$fixtures/bench-letter.fix-all.md" "$scratch/issues/issue-20.md" || {
    fail "issue-20.md after editorial-check-fix differs from bench-letter.fix-all.md:"
    diff -u "$fixtures/bench-letter.fix-all.md" "$scratch/issues/issue-20.md" >&2 || true
}
cmp -s "$fixtures/bench-letter.clean.md" "$scratch/issues/issue-19.md" || fail "editorial-check-fix changed the good draft"
cmp -s "$work/notes.txt" "$scratch/notes.txt" || fail "editorial-check-fix changed notes.txt, which is no draft"

if [ "$failures" -ne 0 ]; then
    echo "pre-commit-test: $failures checks failed" >&2
    exit 1
fi
echo "pre-commit-test: 2 passed, 0 failed"
