#!/usr/bin/env bash
# The caching-proxy test (test/proxy/) runs Debian's varnishd with vmod xkey (from
# varnish-modules, built against the same Varnish ABI). Installs both with apt-get
# when missing and we may (root); otherwise says how, and the test skips with that
# message outside CI and fails inside it.
set -u
# Debian keeps vmods in the multiarch library directory.
has_xkey() { ls /usr/lib/*/varnish/vmods/libvmod_xkey.so /usr/lib/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; }
if command -v varnishd >/dev/null 2>&1 && has_xkey; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-varnish: installing Debian's varnish and varnish-modules for the proxy test" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq varnish varnish-modules >/dev/null) \
    || echo "ensure-varnish: apt-get install varnish varnish-modules failed" >&2
else
  echo "ensure-varnish: varnishd or vmod xkey is missing; install them (sudo apt-get install varnish varnish-modules) to run the proxy test" >&2
fi
exit 0
