#!/bin/sh
# Test agent: for each field it may rewrite, appends the feedback that state/failures.json addresses to that field
# (by_field.<field>.feedback), and copies every other field unchanged.
set -e
python3 - <<'PY'
import json
parent = json.load(open("state/parent_payload.json"))
contract = json.load(open("state/program_contract.json"))
failures = json.load(open("state/failures.json"))
payload = dict(parent)
for f in contract["fields_to_update"]:
    notes = [c["by_field"][f]["feedback"] for c in failures if c["by_field"][f]["feedback"]]
    payload[f] = parent[f] + "\n" + " / ".join(notes)
json.dump({"schema_version": "gepa4j.proposal.v1", "rationale": "followed the per-field feedback",
           "proposals": [{"proposed_payload": payload}]}, open("proposal/manifest.json", "w"))
PY
echo "manifest written"
