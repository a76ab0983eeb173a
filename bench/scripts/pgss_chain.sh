#!/bin/bash
# usage: bench/scripts/pgss_chain.sh [CHECKOUT] — runs the chain bench (built by bin/bench, ROUNDS rounds, default 6)
# on a scratch durable PostgreSQL (data dir /tmp/pgx, port 55432, pg_stat_statements with track=all, started here if
# it is not running) and prints the mean execution time of every statement called >= 2,000 times in the measured
# rounds (pg_stat_statements is reset after the warm-up, see EngineBench). Runs under /tmp/quiet.sh (QUIET= for
# none); SCENARIO=diamonds MINCALLS=... for the other scenario.
DIR=${1:-$(dirname "$(readlink -f "$0")")/../..}
B=${PG_BIN:-/root/.cache/tasker/postgres-6fbec422-e49d10/bin}
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if ! psql -h 127.0.0.1 -p 55432 -U postgres -Atc 'select 1' >/dev/null 2>&1; then
  (unshare -U $B/postgres -D /tmp/pgx -p 55432 -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all > /tmp/pgx.log 2>&1 &); sleep 3
fi
psql -h 127.0.0.1 -p 55432 -U postgres -q -c 'drop database if exists tasker' -c 'create database tasker' -c '\c tasker' -c 'create extension pg_stat_statements'
cd $DIR
BENCH_URL=jdbc:postgresql://127.0.0.1:55432/tasker ${QUIET-/tmp/quiet.sh} $J -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener -Dbench.resetpgss=true -Xms1g -Xmx4g -cp "bench/target/tasker-bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" io.tasker.bench.EngineBench ${SCENARIO:-chain} ${ROUNDS:-6} 2>&1 | grep -v DEBUG | tail -1
psql -h 127.0.0.1 -p 55432 -U postgres tasker -c "select calls, round(mean_exec_time::numeric*1000,1) as us_mean, round(total_exec_time::numeric,1) total_ms, toplevel, left(regexp_replace(query, '\s+', ' ', 'g'), 80) q from pg_stat_statements where calls >= ${MINCALLS:-2000} and dbid = (select oid from pg_database where datname = current_database()) order by toplevel desc, total_exec_time desc limit 12"
