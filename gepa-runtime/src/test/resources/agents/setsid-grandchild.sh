#!/bin/sh
# Test agent that hides a grandchild in a session of its own (setsid), records its pid, writes a valid manifest and
# exits 0 while the grandchild keeps running.
setsid sh -c 'echo $$ > grandchild.pid; exec sleep 600' > /dev/null 2>&1 < /dev/null &
for i in $(seq 1 50); do [ -s grandchild.pid ] && break; sleep 0.1; done
cat > proposal/manifest.json <<'JSON'
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"instruction": "Classify carefully, reading the whole question."}}]}
JSON
