#!/bin/sh
# Test agent that prints far more than the output cap, then writes a valid manifest.
head -c 3000000 /dev/zero | tr '\0' 'x'
cat > proposal/manifest.json <<'JSON'
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"instruction": "Classify the question; answer with the label only."}}]}
JSON
