#!/bin/sh
# Test agent whose manifest points at a 3 MB text file.
head -c 3145728 /dev/zero | tr '\0' 'a' > proposal/instruction.txt
cat > proposal/manifest.json <<'JSON'
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"instruction": {"file": "proposal/instruction.txt"}}}]}
JSON
