#!/usr/bin/env bash
# Best effort: install the stock command-line tools some tests use, when missing.
#   age, minisign   bundle interoperability (tests/integration/test_identity.py, …)
#   pdftotext       document text checks (poppler-utils)
# Only as root with apt-get; elsewhere (or offline) those tests skip and say why.
set -u
missing=()
command -v age >/dev/null 2>&1 || missing+=(age)
command -v minisign >/dev/null 2>&1 || missing+=(minisign)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "note: ${missing[*]} not installed; the tests that need them will skip." >&2
    echo "      (Debian/Ubuntu: sudo apt-get install ${missing[*]})" >&2
    exit 0
fi
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
    >/dev/null 2>&1; then
    echo "note: could not install ${missing[*]}; the tests that need them will skip." >&2
fi
exit 0
