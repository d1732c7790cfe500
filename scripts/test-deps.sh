#!/usr/bin/env bash
# `npm test`'s pretest: bring the two things the tests drive that npm cannot
# install. Each step says what it does, and what to do when it cannot.
#  - Chromium for the report tests: CHROMIUM_PATH, else Debian's
#    /usr/bin/chromium, installed with apt-get when missing and this user may
#    (root, or sudo without a password); npm downloads no browser.
#  - PostgreSQL for the database tests (127.0.0.1:5432, trust auth, database
#    `test`, or COMMITMENTS_TEST_POSTGRES): the machine's server, started if
#    it is installed and down.
set -uo pipefail

may_root() { [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

# Where Debian's package puts it (a test points this elsewhere to play a machine without it).
chromium="${CHROMIUM_PATH:-${DEBIAN_CHROMIUM:-/usr/bin/chromium}}"
if [ -n "${CHROMIUM_PATH:-}" ] && [ ! -x "$CHROMIUM_PATH" ]; then
  echo "pretest: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable; point it at a Chromium or Chrome binary, or unset it to use Debian's chromium" >&2
  exit 1
fi
if [ ! -x "$chromium" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "pretest: the report tests need Chromium and this is no Debian system: install Chromium and set CHROMIUM_PATH to its binary" >&2
    exit 1
  fi
  if ! may_root; then
    echo "pretest: the report tests need Chromium at $chromium, and installing it needs root: run \`sudo apt-get install chromium\`, or set CHROMIUM_PATH to a Chromium or Chrome binary" >&2
    exit 1
  fi
  echo "pretest: installing Debian's chromium for the report tests (apt-get, once)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1 \
    || { as_root apt-get update -q >/dev/null 2>&1; as_root apt-get install -y -q --no-install-recommends chromium >/dev/null; }
  if [ ! -x "$chromium" ]; then
    echo "pretest: apt-get could not install chromium: run \`sudo apt-get update && sudo apt-get install chromium\` and read its message, or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi

if [ -z "${COMMITMENTS_TEST_POSTGRES:-}" ] && command -v pg_isready >/dev/null 2>&1 && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  for version in $(ls /etc/postgresql 2>/dev/null); do
    may_root && as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1
  done
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p 5432 -q || echo "pretest: no PostgreSQL on 127.0.0.1:5432, the database tests will fail: start one (trust auth, database \`test\`) or set COMMITMENTS_TEST_POSTGRES" >&2
fi
exit 0
