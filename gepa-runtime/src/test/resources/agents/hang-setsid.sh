#!/bin/sh
# Test agent that never finishes and hides a grandchild in its own session, holding the output pipes.
setsid sh -c 'echo $$ > grandchild.pid; exec sleep 600' &
sleep 600
