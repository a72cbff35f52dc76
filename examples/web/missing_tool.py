#!/usr/bin/env python3
"""Stand-in for a web test when its tools are missing: skip (77) on a
developer's machine, fail in CI (CI set), where .ci/run installs them."""
import os
import sys

print(f'missing: {sys.argv[1]}', file=sys.stderr)
sys.exit(1 if os.environ.get('CI') else 77)
