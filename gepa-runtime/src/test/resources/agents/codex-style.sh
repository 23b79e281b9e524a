#!/bin/sh
# Test agent imitating `codex exec --json`: JSONL events on stdout with usage in turn.completed, and a manifest
# whose payload refers to a file inside the proposal folder.
set -e
echo '{"type":"thread.started","thread_id":"t-1"}'
echo '{"type":"turn.started"}'
echo 'progress line that is not JSON'
echo '{"type":"item.completed","item":{"type":"agent_message","text":"editing"}}'
echo '{"type":"turn.completed","usage":{"input_tokens":1200,"cached_input_tokens":200,"output_tokens":300}}'
echo '{"type":"turn.completed","usage":{"input_tokens":800,"cached_input_tokens":0,"output_tokens":100}}'
printf 'Classify the question.\nRead the whole question before choosing a label.' > proposal/instruction.txt
cat > proposal/manifest.json <<'JSON'
{"schema_version": "gepa4j.proposal.v1", "rationale": "r",
 "proposals": [{"proposed_payload": {"instruction": {"file": "proposal/instruction.txt"}}}]}
JSON
