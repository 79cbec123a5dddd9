#!/bin/sh
# Seeds the corpora of the load_check and fast_read targets from the bundled plan
# and the hostile-input files. Run from anywhere; the corpus directory is git-ignored.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for target in load_check fast_read; do
    corpus="$here/corpus/$target"
    mkdir -p "$corpus"
    for f in "$here"/../data/*.ron "$here"/../tests/it/bad/*; do
        [ -f "$f" ] && cp "$f" "$corpus/"
    done
    echo "seeded $(ls "$corpus" | wc -l) files into $corpus"
done
