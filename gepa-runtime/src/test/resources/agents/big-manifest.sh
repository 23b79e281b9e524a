#!/bin/sh
# Test agent that writes a 3 MB manifest.
printf '{"proposals": [{"proposed_payload": {"instruction": "' > proposal/manifest.json
head -c 3145728 /dev/zero | tr '\0' 'a' >> proposal/manifest.json
printf '"}}]}' >> proposal/manifest.json
