#!/usr/bin/env bash
# Build the web page: the library cross-compiled by emscripten
# (cross-emscripten.ini) and the page's files, into one static directory.
# Usage: build-wasm.sh SOURCE_ROOT WASM_BUILD_DIR SITE_DIR
set -euo pipefail
src=$1 wasm_build=$2 site=$3

# Debian's emcc runs its JavaScript optimiser with node and needs Debian's
# node-acorn, which a node not from Debian does not find by itself.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

if [ ! -f "$wasm_build/build.ninja" ]; then
    meson setup "$wasm_build" "$src" --cross-file "$src/examples/web/cross-emscripten.ini" \
        -Dtests=false -Dpython=disabled -Ddefault_library=static \
        -Dbuildtype=plain -Doptimization=s -Ddebug=false -Db_ndebug=true -Dwerror=true >/dev/null
fi
ninja -C "$wasm_build" examples/web/boussole-web.js

mkdir -p "$site"
cp "$src/examples/web/index.html" "$src/examples/web/app.js" "$src/examples/web/engine.js" \
   "$src/examples/web/style.css" \
   "$wasm_build/examples/web/boussole-web.js" "$wasm_build/examples/web/boussole-web.wasm" "$site/"
