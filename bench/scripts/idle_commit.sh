#!/usr/bin/env bash
# usage: bench/scripts/idle_commit.sh [RATE] [SECONDS] — the floor under pickup latency: how long one single-row
# UPDATE takes from the client's send to its reply when the machine idles between transactions (pgbench at RATE
# transactions per second, default 150: ~7 ms apart, as the pickup benchmark's submits), against a back-to-back
# loop. Each with synchronous_commit on (durable) and off. Runs its own throwaway PostgreSQL (the embedded
# binaries the engine unpacked under ~/.cache/tasker; run bin/tasker or the tests once first) in a temporary
# directory with the engine's defaults (fsync on), and removes it. Prints p50/p90/p99 in ms, schedule lag excluded.
set -euo pipefail
rate=${1:-150}
seconds=${2:-10}
bin=$(ls -d "$HOME"/.cache/tasker/postgres-*/bin 2>/dev/null | head -1)
[[ -x "$bin/initdb" ]] || { echo "no embedded PostgreSQL under ~/.cache/tasker: run bin/tasker once first" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install postgresql-client" >&2; exit 1; }
dir=$(mktemp -d /tmp/tasker-idle-commit-XXXXXX)
chmod 777 "$dir"
port=$((20000 + RANDOM % 20000))
# PostgreSQL refuses to run as root; in a user namespace it runs as an unprivileged uid (as the engine does).
as_user=()
[[ $(id -u) -eq 0 ]] && as_user=(unshare -U)
"${as_user[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
"${as_user[@]}" "$bin/postgres" -D "$dir/data" -p "$port" -c listen_addresses=127.0.0.1 -c unix_socket_directories= \
  >"$dir/log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 50); do psql -h 127.0.0.1 -p "$port" -U postgres -Atc 'select 1' >/dev/null 2>&1 && break; sleep 0.1; done
psql -h 127.0.0.1 -p "$port" -U postgres -q -c 'create table probe (id int primary key, n bigint)' \
  -c 'insert into probe values (1, 0)'
echo 'update probe set n = n + 1 where id = 1;' >"$dir/update.sql"

percentiles() {
  sort -n | awk -v label="$1" '{a[NR] = $1 / 1000} END {
    printf "%-44s n %5d  p50 %.3f  p90 %.3f  p99 %.3f ms\n", label, NR, a[int(NR * 0.5)], a[int(NR * 0.9)], a[int(NR * 0.99)] }'
}
cd "$dir"
for commit in on off; do
  for mode in idle loop; do
    rm -f pgbench_log.*
    limit=()
    [[ $mode == idle ]] && limit=(-R "$rate")
    PGOPTIONS="-c synchronous_commit=$commit" pgbench -h 127.0.0.1 -p "$port" -U postgres -n -M prepared -l \
      -f update.sql -T "$seconds" "${limit[@]}" postgres >/dev/null 2>&1
    # Log fields: client, transaction, latency us, script, epoch s, epoch us[, schedule lag us].
    awk '{print $3 - (NF >= 7 ? $7 : 0)}' pgbench_log.* | percentiles "synchronous_commit $commit, $mode$([[ $mode == idle ]] && echo " ($rate/s)")"
  done
done
