#!/bin/sh
# Test agent whose manifest sets a field that is not mutable and leaves out the mutable one.
cat > proposal/manifest.json <<'JSON'
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"system_secret": "x"}}]}
JSON
