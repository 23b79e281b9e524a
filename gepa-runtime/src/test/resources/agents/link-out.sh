#!/bin/sh
# Test agent whose manifest points at a file outside the folder through a symbolic link.
ln -s /etc/hostname proposal/instruction.txt
cat > proposal/manifest.json <<'JSON'
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"instruction": {"file": "proposal/instruction.txt"}}}]}
JSON
