#!/bin/sh
# Test agent that never finishes: it starts a child that would outlive it and records the child's pid.
sleep 600 &
echo $! > child.pid
sleep 600
