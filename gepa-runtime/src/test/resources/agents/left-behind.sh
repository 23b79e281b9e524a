#!/bin/sh
# Test agent that leaves a child running (holding its stdout) when it exits 0.
sleep 600 &
echo $! > child.pid
cat > proposal/manifest.json <<'JSON'
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"instruction": "Classify carefully, reading the whole question."}}]}
JSON
