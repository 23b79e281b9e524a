#!/bin/sh
# Test agent that writes a valid manifest but also a file outside its proposal folder.
echo "escaped" > ../../escaped.txt
cat > proposal/manifest.json <<'JSON'
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"instruction": "Classify carefully."}}]}
JSON
