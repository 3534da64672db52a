#!/usr/bin/env bash
# The test command: installs what a fresh machine lacks, runs the package's tests, then builds, tests and runs the
# example plugin package (Examples/PluginExample: a third-party adapter, rule and checker), checks the public
# API against the last release tag, and tests the editor and pre-commit integrations (Neovim's LSP client, a
# protocol-level client, the pre-commit hooks; see Tests/Editor).
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/bootstrap.sh
swift test

# The example package, as a third party builds it: its tests verify its rule's examples and its adapter's round trip
# through NewsletterKitTesting; its checker must report the three kinds of problem its sample feed holds.
swift test --package-path Examples/PluginExample
status=0
output=$(swift run --package-path Examples/PluginExample feed-check check --offline Examples/PluginExample/Drafts 2>&1) || status=$?
printf '%s\n' "$output"
[ "$status" -eq 1 ] || { echo "feed-check: expected exit status 1 (errors found), got $status" >&2; exit 1; }
for rule in utm-source no-tbd mojibake; do
    grep -q "\[$rule\]" <<<"$output" || { echo "feed-check: no [$rule] problem reported" >&2; exit 1; }
done
swift run --package-path Examples/PluginExample feed-check rules --verify --config Examples/PluginExample/Drafts/.newsletterlint.yml

Scripts/api-breakage.sh

# The language server through real clients, and the pre-commit hooks as a user's repository runs them (the last
# builds the package in release mode inside pre-commit, the longest of the three).
Scripts/editor-test.sh
Scripts/lsp-protocol-test.sh
Scripts/pre-commit-test.sh
