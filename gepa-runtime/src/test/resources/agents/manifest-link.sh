#!/bin/sh
# Test agent whose manifest is a symbolic link to /etc/passwd.
ln -sf /etc/passwd proposal/manifest.json
