#!/bin/sh
# A coding-agent stand-in for `[proposer] kind = "agent"`: a plain script instead of `codex exec` or `claude -p`.
# gepa runs it inside a prepared proposal folder (README.md, state/*.json, proposal/SCHEMA.md); it reads the
# parent payload and the failures and writes proposal/manifest.json. For Banking77 it describes each label the
# parent got wrong, in the prompt dialect of the embedded policy.
set -e
python3 - <<'PY'
import json
parent = json.load(open("state/parent_payload.json"))
contract = json.load(open("state/program_contract.json"))
failures = json.load(open("state/failures.json")) if __import__("os").path.exists("state/failures.json") else []
lines = []
for f in failures if isinstance(failures, list) else failures.get("failures", []):
    fb = ((f.get("verifier") or {}).get("feedback") or "")
    if fb.startswith("Expected "):
        label = fb.split()[1]
        text = (f.get("input") or "").strip().replace('"', "'")[:100]
        lines.append(f'- {label}: messages like "{text}"')
payload = {}
for field in contract["mutable_fields"]:
    extra = "\n".join(sorted(set(lines))) or "- Read the whole message before choosing a label."
    payload[field] = parent[field].rstrip() + "\n" + extra
json.dump({"schema_version": "gepa4j.proposal.v1",
           "rationale": "describe the labels the parent confused, with the failing message as an example",
           "proposals": [{"proposed_payload": payload}]}, open("proposal/manifest.json", "w"), indent=2)
PY
echo "manifest written"
