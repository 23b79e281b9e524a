#!/bin/sh
# Test agent imitating `claude -p --output-format json`: one result object with usage and total_cost_usd.
set -e
cat > proposal/manifest.json <<'JSON'
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"instruction": "Classify the question into exactly one snake_case label."}}]}
JSON
echo '{"type":"result","subtype":"success","is_error":false,"result":"done","num_turns":3,"total_cost_usd":0.0123,"usage":{"input_tokens":50,"cache_creation_input_tokens":1000,"cache_read_input_tokens":2000,"output_tokens":400}}'
