#!/bin/bash -eu
# OSS-Fuzz build: every harness of fuzz/ with the engine and sanitizer
# flags OSS-Fuzz exports.
bash "$SRC/libboussole/fuzz/oss-fuzz-build.sh"
