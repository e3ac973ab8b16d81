#!/bin/sh
# Installs the Debian tools the tests use, when they are missing: Chromium for the web explorer's
# browser tests (test/web/), xmllint (libxml2-utils) to validate EmotionML output against the
# W3C schema (test/tagger/formats.e2e.test.ts), and Raptor (raptor2-utils) and rdflib
# (python3-rdflib) to parse every export format independently (test/rdf/independentParsers). Run by `npm test` (its `pretest`) and by .ci/run.
# It needs root (or password-less sudo) and apt; without them it says so, the browser tests are
# skipped (.ci/run makes that a failure) and the tests that need the others fail saying what to install.
set -eu
CHROMIUM="${EMOKB_CHROMIUM:-/usr/bin/chromium}"
missing=""
[ -x "$CHROMIUM" ] || missing="$missing chromium"
command -v xmllint >/dev/null 2>&1 || missing="$missing libxml2-utils"
command -v rapper >/dev/null 2>&1 || missing="$missing raptor2-utils"
/usr/bin/python3 -c 'import rdflib' >/dev/null 2>&1 || missing="$missing python3-rdflib"
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "scripts/test-tools.sh: no apt-get here; install$missing for the tests (Chromium at $CHROMIUM, or set EMOKB_CHROMIUM)" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
  echo "scripts/test-tools.sh: missing$missing; installing needs root: sudo apt-get install$missing" >&2
  exit 0
fi
echo "scripts/test-tools.sh: installing Debian's$missing for the tests" >&2
# shellcheck disable=SC2086 # the package list is meant to split
$SUDO apt-get install -y --no-install-recommends $missing >&2 || {
  $SUDO apt-get update >&2 && $SUDO apt-get install -y --no-install-recommends $missing >&2
}
