#!/usr/bin/env bash
# The main job on the bundled samples: lint every set, score every sample, write results to out/.
set -euo pipefail
BIN=${BIN:-.venv/bin}
mkdir -p out
echo "== lint the bundled indicator sets"
"$BIN/assessor" lint indicators/*.yaml
echo "== score the GB/T 33356-2016 samples"
"$BIN/assessor" score --set indicators/gbt33356-2016.yaml --entries samples/gbt33356-2016/*.yaml
"$BIN/assessor" score --set indicators/gbt33356-2016.yaml --entries samples/gbt33356-2016/*.yaml --format json > out/gbt33356-2016.json
echo "results written to out/"
