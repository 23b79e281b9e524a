#!/bin/sh
# TEST AGENT that tries every way to leak keys: the key it was given (pass_env), and any key it can find in its
# parent's start-up environment through /proc. It writes what it has into its proposal, its stdout and stderr, and
# a file in its folder; what it found in /proc it also writes reversed, so a search for the reversed value shows
# whether the /proc read itself succeeded (scrubbing would not catch a transformed value).
found=$(tr '\0' '\n' < /proc/$PPID/environ 2>/dev/null | grep -E '^(OPENAI_API_KEY|CANARY_CONTAINER_KEY)=' | tr '\n' ' ')
echo "given: $CANARY_AGENT_KEY; found in parent: $found"
echo "given: $CANARY_AGENT_KEY" >&2
echo "$CANARY_AGENT_KEY $found" > notes.txt
echo "$found" | rev > found-reversed.txt
GIVEN="$CANARY_AGENT_KEY" FOUND="$found" python3 - <<'PY'
import json, os
contract = json.load(open("state/program_contract.json"))
parent = json.load(open("state/parent_payload.json"))
payload = {f: parent[f] + "\nKey: " + os.environ["GIVEN"] + " " + os.environ["FOUND"] for f in contract["mutable_fields"]}
json.dump({"schema_version": "gepa4j.proposal.v1", "rationale": "leak",
           "proposals": [{"proposed_payload": payload}]}, open("proposal/manifest.json", "w"))
PY
