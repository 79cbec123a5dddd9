#!/bin/sh
# Seeds the load_check corpus from the bundled plan and the hostile-input files.
# Run from anywhere; the corpus directory is git-ignored.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus="$here/corpus/load_check"
mkdir -p "$corpus"
for f in "$here"/../data/*.ron "$here"/../tests/it/bad/*; do
    [ -f "$f" ] && cp "$f" "$corpus/"
done
echo "seeded $(ls "$corpus" | wc -l) files into $corpus"
