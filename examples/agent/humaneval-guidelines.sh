#!/bin/sh
# A coding-agent stand-in for `[proposer] kind = "agent"` on the humaneval-coder task: a plain script instead of
# `codex exec` or `claude -p`. gepa runs it inside a prepared proposal folder (README.md, state/*.json,
# proposal/SCHEMA.md). It reads the failures and rewrites only `coding_guidelines`: it writes the new text to
# proposal/coding_guidelines.md and points the manifest at that file; `system_prompt` is passed on unchanged.
set -e
python3 - <<'PY'
import json, os, re

parent = json.load(open("state/parent_payload.json"))
contract = json.load(open("state/program_contract.json"))
failures = json.load(open("state/failures.json")) if os.path.exists("state/failures.json") else []
if isinstance(failures, dict):
    failures = failures.get("failures", [])
seen = "\n".join(((f.get("verifier") or {}).get("feedback") or "") + "\n" + (f.get("traceExcerpt") or "")
                 + "\n" + (f.get("trace_excerpt") or "") for f in failures)

guidelines = parent["coding_guidelines"].rstrip()
rules = []
if "not runnable Python" in seen:
    rules.append("Write the answer as only the complete function inside one ```python code block, with no prose "
                 "before or after it.")
if re.search(r"candidate\((\[\]|\"\"|'')[,)]", seen) or "must not be empty" in seen:
    rules.append("Handle empty inputs (an empty list or an empty string) explicitly; never raise on them.")
rules = [r for r in rules if r not in guidelines]
if not rules:
    failed = re.findall(r"Failed assertion: `([^`]+)`", seen)
    rules.append("Make sure the function satisfies: " + failed[0] if failed
                 else "Re-read the docstring's examples and return exactly those values.")
os.makedirs("proposal", exist_ok=True)
with open("proposal/coding_guidelines.md", "w") as f:
    f.write(guidelines + "\n" + "\n".join(rules) + "\n")
payload = {field: parent[field] for field in contract["mutable_fields"]}
payload["coding_guidelines"] = {"file": "proposal/coding_guidelines.md"}
json.dump({"schema_version": "gepa4j.proposal.v1",
           "rationale": "coding_guidelines: " + " ".join(rules),
           "proposals": [{"proposed_payload": payload}]}, open("proposal/manifest.json", "w"), indent=2)
PY
echo "manifest written (coding_guidelines rewritten)"
