#!/usr/bin/env bash
# `npm run fuzz:api`: Schemathesis (a judge nobody here wrote) against the running API, from the server's own
# /api/openapi.json, with all of its checks: first on the embedded store, then on a Neo4j this script starts.
# Installs Schemathesis into .venv/ (git-ignored) on first use. Prints one summary line per store and exits
# non-zero when any check failed on either store.
#   FUZZ_API_EXAMPLES  examples per operation (default 60)    FUZZ_API_PORT  server port (default 18704)
#   FUZZ_API_NEO4J_PORT  Bolt port of the Neo4j it starts (default 7704)
# Per-operation Schemathesis settings: scripts/fuzz-api.toml.
set -uo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
EXAMPLES="${FUZZ_API_EXAMPLES:-60}"
PORT="${FUZZ_API_PORT:-18704}"
NEO4J_PORT="${FUZZ_API_NEO4J_PORT:-7704}"
TOKEN="fuzz-api-token-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
REPORT_DIR=.fuzz/api
mkdir -p "$REPORT_DIR"

if [ ! -x .venv/bin/schemathesis ] || ! .venv/bin/schemathesis --version | grep -q "$SCHEMATHESIS_VERSION"; then
  python3 -m venv .venv && .venv/bin/pip install -q "schemathesis==$SCHEMATHESIS_VERSION" || { echo "fuzz:api: could not install schemathesis" >&2; exit 2; }
fi

SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=; fi
}
NEO4J_STARTED=
cleanup() {
  stop_server
  if [ -n "$NEO4J_STARTED" ]; then NEO4J_PORT="$NEO4J_PORT" npx tsx scripts/neo4j.ts stop >/dev/null 2>&1; fi
}
trap cleanup EXIT INT TERM

# Runs the server (node itself, so that its pid is the server's) with the given extra environment, then Schemathesis against it; prints the summary.
fuzz_store() {
  local name="$1"; shift
  env "$@" PORT="$PORT" ADMIN_TOKEN="$TOKEN" CLIENT_BUILD=skip LOG_LEVEL=warn \
    WRITE_RATE_PER_MINUTE=1000000 EXPORT_RATE_PER_MINUTE=1000000 \
    node --import tsx server/main.ts >"$REPORT_DIR/server-$name.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 1; done
  if ! curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; then
    echo "fuzz:api [$name]: the server did not become ready; see $REPORT_DIR/server-$name.log" >&2; stop_server; return 1
  fi
  # One worker: with two, Hypothesis' threads race in CPython 3.11's ast module (python/cpython#106905,
  # "AST constructor recursion depth mismatch"), and the operations it hits go untested. The settings in
  # scripts/fuzz-api.toml are explained in docs/reliability.md.
  .venv/bin/schemathesis --config-file scripts/fuzz-api.toml run "http://127.0.0.1:$PORT/api/openapi.json" \
    --checks all --max-examples "$EXAMPLES" --seed 20261128 --workers 1 --request-timeout 30 \
    -H "Authorization: Bearer $TOKEN" --suppress-health-check all --continue-on-failure \
    --report junit --report-junit-path "$REPORT_DIR/junit-$name.xml" >"$REPORT_DIR/schemathesis-$name.txt" 2>&1
  local status=$?
  stop_server
  # Schemathesis' own summary block, plus the 5xx count the server logged.
  echo "== $name store (schemathesis $SCHEMATHESIS_VERSION, $EXAMPLES examples per operation, all checks): exit $status"
  sed -n '/SUMMARY/,$p' "$REPORT_DIR/schemathesis-$name.txt" | grep -vE '^\s*$' | head -40
  return $status
}

fuzz_store memory NEO4J_URI=
memory=$?
NEO4J_URI=$(NEO4J_PORT="$NEO4J_PORT" npx tsx scripts/neo4j.ts start) && NEO4J_STARTED=1
if [ -n "$NEO4J_STARTED" ]; then
  fuzz_store neo4j NEO4J_URI="$NEO4J_URI"
  neo=$?
else
  echo "fuzz:api: could not start Neo4j on port $NEO4J_PORT" >&2; neo=2
fi
echo "fuzz:api: memory exit $memory, neo4j exit $neo (reports in $REPORT_DIR)"
[ "$memory" -eq 0 ] && [ "$neo" -eq 0 ]
