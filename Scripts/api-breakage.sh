#!/usr/bin/env bash
# Compares the public API of every library module with the last release tag (`git describe --tags --abbrev=0`) and
# fails on a breaking change. A clone without tags (or without history) has nothing to compare with, and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

baseline=$(git describe --tags --abbrev=0 2>/dev/null || true)
if [ -z "$baseline" ]; then
    echo "api-breakage: no release tag in this clone; nothing to compare with" >&2
    exit 0
fi
# Every module of the baseline's library products; new products have no baseline to break.
swift package diagnose-api-breaking-changes "$baseline"
