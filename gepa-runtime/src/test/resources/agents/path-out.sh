#!/bin/sh
# Test agent whose manifest references a path outside the folder.
cat > proposal/manifest.json <<'JSON'
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"instruction": {"file": "../../../etc/passwd"}}}]}
JSON
