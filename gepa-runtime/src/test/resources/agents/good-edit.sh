#!/bin/sh
# Test agent: reads the parent payload and writes a manifest that appends one rule to every mutable field.
# Also records the environment it was given, so tests can check which variables reached it.
set -e
env | sort > env.txt
python3 - <<'PY'
import json
parent = json.load(open("state/parent_payload.json"))
contract = json.load(open("state/program_contract.json"))
payload = {f: parent[f] + "\nA card that has not arrived yet is card_arrival." for f in contract["mutable_fields"]}
json.dump({"schema_version": "gepa4j.proposal.v1", "rationale": "card_arrival was confused with lost_or_stolen_card",
           "proposals": [{"proposed_payload": payload}]}, open("proposal/manifest.json", "w"))
PY
echo "manifest written"
