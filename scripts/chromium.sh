#!/bin/sh
# Installs Debian's Chromium for the web explorer's browser tests (test/web/), when it is missing.
# Run by `npm test` (its `pretest`) and by .ci/run. It needs root (or password-less sudo) and apt;
# without them it says so and the browser tests are skipped (.ci/run makes that a failure).
set -eu
CHROMIUM="${EMOKB_CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "scripts/chromium.sh: no apt-get here; install Chromium at $CHROMIUM (or set EMOKB_CHROMIUM) for the browser tests" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
  echo "scripts/chromium.sh: Chromium is missing and installing it needs root: sudo apt-get install chromium" >&2
  exit 0
fi
echo "scripts/chromium.sh: installing Debian's chromium for the browser tests" >&2
$SUDO apt-get install -y --no-install-recommends chromium >&2 || {
  $SUDO apt-get update >&2 && $SUDO apt-get install -y --no-install-recommends chromium >&2
}
