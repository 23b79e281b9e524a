#!/bin/sh
# Test agent that replaces its proposal/ folder with a link to a folder holding a plausible manifest elsewhere.
mkdir -p tmp/elsewhere
cat > tmp/elsewhere/manifest.json <<'JSON'
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"instruction": "Read through the link."}}]}
JSON
rm -rf proposal
ln -s "$PWD/tmp/elsewhere" proposal
