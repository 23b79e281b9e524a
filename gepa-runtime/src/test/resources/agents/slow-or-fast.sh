#!/bin/sh
# Test agent that takes 3 s for odd proposal numbers and no time for even ones, then writes a valid manifest.
# Used to run proposals concurrently that start together and end apart.
case "$(basename "$PWD")" in
  *[13579]) sleep 3 ;;
esac
cat > proposal/manifest.json <<JSON
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"instruction": "Classify carefully, proposal $(basename "$PWD")."}}]}
JSON
