#!/bin/sh
# A coding-agent stand-in for the review-sentiment example containers (examples/python-container and
# examples/python-async-container): it reads the parent prompt and the failures in the proposal folder and adds one
# instruction the parent lacks, first about negation (what the example's offline policy can act on), then about
# the words the failures show. Deterministic: the same folder gives the same proposal.
set -e
python3 - <<'PY'
import json, os
parent = json.load(open("state/parent_payload.json"))
contract = json.load(open("state/program_contract.json"))
failures = json.load(open("state/failures.json")) if os.path.exists("state/failures.json") else []
cases = failures if isinstance(failures, list) else failures.get("failures", [])
words = sorted({w.strip(".,:!?").lower() for f in cases for w in (f.get("input") or "").split() if len(w) > 5})
payload = {}
for field in contract["mutable_fields"]:
    text = parent[field].rstrip()
    if "negation" not in text.lower():
        text += "\nWatch for negation: a word after not, never or no means the opposite."
    else:
        text += "\nLook closely at: " + ", ".join(words[:4] or ["every word"]) + "."
    payload[field] = text
json.dump({"schema_version": "gepa4j.proposal.v1",
           "rationale": "add the instruction the failures point to",
           "proposals": [{"proposed_payload": payload}]}, open("proposal/manifest.json", "w"), indent=2)
PY
echo "manifest written"
