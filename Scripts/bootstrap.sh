#!/usr/bin/env bash
# Installs the Debian packages NewsletterKit links against (libyaml, cmark-gfm and its extensions) and Neovim (the
# real LSP client of Scripts/editor-test.sh), only those that are missing, so that a fresh machine can build and test.
set -euo pipefail

needed=()
for package in libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev neovim; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || needed+=("$package")
done
[ "${#needed[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${needed[@]}"
