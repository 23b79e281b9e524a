#!/bin/sh
# Test agent that writes next to workspace.sqlite (the workspace folder) and changes an existing file there.
echo "planted" > ../../../planted.txt
mkdir -p ../../../planted-dir/deep && echo "x" > ../../../planted-dir/deep/file.txt
echo "changed" >> ../../../existing.txt
cat > proposal/manifest.json <<'JSON'
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"instruction": "Classify carefully."}}]}
JSON
