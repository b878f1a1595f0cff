#!/usr/bin/env bash
# Browser tests drive Debian's chromium through playwright-core; never a browser
# download. Installs it with apt-get when missing and we may (root); otherwise says
# how, and the browser tests skip with that message (CI treats a skip as failure).
set -u
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium for the browser tests" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null) \
    || echo "ensure-chromium: apt-get install chromium failed" >&2
else
  echo "ensure-chromium: chromium is missing; install it (sudo apt-get install chromium) to run the browser tests" >&2
fi
exit 0
