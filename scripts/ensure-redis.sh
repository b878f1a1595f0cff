#!/usr/bin/env bash
# The rate-limit tests run against Redis too (WIREDESK_REDIS_URL). Use the local server
# on 127.0.0.1:6379 when it answers; otherwise install Debian's redis-server and start
# it, keeping nothing on disk. Fails loudly rather than letting CI skip the Redis case.
set -eu
ready() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
if command -v redis-cli >/dev/null 2>&1 && ready; then exit 0; fi
if ! command -v redis-server >/dev/null 2>&1; then
  echo "ensure-redis: installing Debian's redis-server" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes >/dev/null
for _ in $(seq 1 30); do ready && break; sleep 0.5; done
ready || { echo "ensure-redis: Redis did not come up on 127.0.0.1:6379" >&2; exit 1; }
