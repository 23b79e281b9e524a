#!/bin/sh
# Test agent that writes something that is not JSON into the manifest.
echo 'I improved the prompt: {"proposals": [oops' > proposal/manifest.json
