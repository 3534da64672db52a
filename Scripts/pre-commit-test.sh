#!/usr/bin/env bash
# The pre-commit hooks of .pre-commit-hooks.yaml, as a user's repository runs them: pre-commit from PyPI (pinned in
# Tests/Editor/requirements-pre-commit.txt, in a virtual environment in a temporary folder), PRE_COMMIT_HOME in that
# folder, and `pre-commit try-repo` on a scratch repository holding a bad draft, a good one and a text file that is no
# draft. pre-commit's swift language builds this package with `swift build -c release` the first time (the slow
# part: its time is printed), then the runs reuse it.
# 1. editorial-check fails and names the bad draft's problems (and nothing of the good draft);
# 2. editorial-check-fix fails (it changed a file; an error remains) and leaves the exact repaired bytes;
# 3. with the draft corrected, both hooks pass.
# The hooks come from HEAD, or from a snapshot commit of the working tree (in a clone) when it has changes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
fixtures=$root/Tests/Editor/Fixtures

work=$(mktemp -d "${TMPDIR:-/tmp}/pre-commit-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/Tests/Editor/requirements-pre-commit.txt"
pre_commit=$work/venv/bin/pre-commit
export PRE_COMMIT_HOME=$work/pre-commit-home
git_identity=(-c user.name=pre-commit-test -c user.email=pre-commit-test@localhost -c commit.gpgsign=false)

hooks_repo=$root
if [ -n "$(git status --porcelain)" ]; then
    # pre-commit's own snapshot of uncommitted changes is made anew (and built anew) on every try-repo, and leaves out
    # new files that are not staged; one snapshot of everything, made here, is built once.
    hooks_repo=$work/hooks-repo
    git clone --quiet --no-checkout "$root" "$hooks_repo"
    git -C "$hooks_repo" checkout --quiet "$(git rev-parse HEAD)"
    git diff --binary HEAD | git -C "$hooks_repo" apply --binary --allow-empty
    git ls-files -z --others --exclude-standard | tar --null -T - -cf - | tar -C "$hooks_repo" -xf -
    git -C "$hooks_repo" add -A
    git "${git_identity[@]}" -C "$hooks_repo" commit --quiet --allow-empty -m "working tree of $root"
    echo "pre-commit-test: testing the working tree (uncommitted changes included)"
fi
ref=$(git -C "$hooks_repo" rev-parse HEAD)

scratch=$work/scratch
mkdir -p "$scratch/issues"
git -C "$scratch" init --quiet
cp "$fixtures/bench-letter.md" "$scratch/issues/issue-20.md"
cp "$fixtures/bench-letter.clean.md" "$scratch/issues/issue-19.md"
# Mojibake in a file of another extension: no hook may read or touch it.
printf 'Notes: we donâ€™t ship on Fridays.\n' > "$scratch/notes.txt"
cp "$scratch/notes.txt" "$work/notes.txt"
git -C "$scratch" add -A

failures=0
fail() {
    echo "pre-commit-test: FAILED: $*" >&2
    failures=$((failures + 1))
}

# Runs `pre-commit try-repo` in the scratch repository with the hook ids given (all hooks when none); sets $output,
# $status and $took.
try_repo() {
    local started=$SECONDS
    status=0
    output=$(cd "$scratch" && timeout --kill-after=30 3000 "$pre_commit" try-repo "$hooks_repo" "$@" --ref "$ref" \
        --all-files --color never </dev/null 2>&1) || status=$?
    took=$((SECONDS - started))
    printf '%s\n' "$output"
}

# 1. The check hook: the first run also builds the package in release mode.
try_repo editorial-check
echo "pre-commit-test: editorial-check (with pre-commit's release build of the package) took $took s"
[ "$status" -eq 1 ] || fail "editorial-check: exit status $status, expected 1"
for problem in \
    "issues/issue-20.md:10:17: error: UTF-8 read as Windows-1252: 'â€™' should be '’' [mojibake]" \
    "issues/issue-20.md:15:20: error: UTF-8 read as Windows-1252: 'â€™' should be '’' [mojibake]" \
    "issues/issue-20.md:19:37: error: link destination contains the placeholder 'PLACEHOLDER' [placeholder-link]"; do
    grep -qF -- "$problem" <<<"$output" || fail "editorial-check did not report: $problem"
done
grep -qF "issue-19.md" <<<"$output" && fail "editorial-check reported something in the good draft issue-19.md"
grep -qF "notes.txt" <<<"$output" && fail "editorial-check read notes.txt, which is no draft"

# 2. The fixing hook: fails because it changed a file (and the placeholder link, which has no fix, remains).
try_repo editorial-check-fix
echo "pre-commit-test: editorial-check-fix took $took s"
[ "$status" -eq 1 ] || fail "editorial-check-fix: exit status $status, expected 1"
grep -qF "issues/issue-20.md: applied 2 fixes" <<<"$output" || fail "editorial-check-fix did not list its 2 fixes"
grep -qF "files were modified by this hook" <<<"$output" || fail "pre-commit did not see the file change"
cmp -s "$fixtures/bench-letter.fix-all.md" "$scratch/issues/issue-20.md" || {
    fail "issue-20.md after editorial-check-fix differs from bench-letter.fix-all.md:"
    diff -u "$fixtures/bench-letter.fix-all.md" "$scratch/issues/issue-20.md" >&2 || true
}
cmp -s "$fixtures/bench-letter.clean.md" "$scratch/issues/issue-19.md" || fail "editorial-check-fix changed the good draft"
cmp -s "$work/notes.txt" "$scratch/notes.txt" || fail "editorial-check-fix changed notes.txt, which is no draft"

# 3. The writer corrects the placeholder link: both hooks pass and change nothing.
cp "$fixtures/bench-letter.clean.md" "$scratch/issues/issue-20.md"
git -C "$scratch" add -A
try_repo
echo "pre-commit-test: both hooks on corrected drafts took $took s"
[ "$status" -eq 0 ] || fail "both hooks on corrected drafts: exit status $status, expected 0"
[ "$(grep -c '\.\.\.Passed$' <<<"$output")" -eq 2 ] || fail "expected two hooks to pass"
cmp -s "$fixtures/bench-letter.clean.md" "$scratch/issues/issue-20.md" || fail "a hook changed the corrected draft"

if [ "$failures" -ne 0 ]; then
    echo "pre-commit-test: $failures checks failed" >&2
    exit 1
fi
echo "pre-commit-test: 3 passed, 0 failed"
