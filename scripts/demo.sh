#!/usr/bin/env bash
# The main job on the bundled samples: lint every set, score every set's samples, write results
# and the three kinds of PDF report to out/. Every number in out/ is sample data (示例数据).
set -euo pipefail
BIN=${BIN:-.venv/bin}
A="$BIN/assessor"
OUT=${OUT:-out}
mkdir -p "$OUT/results" "$OUT/reports"

echo "== 1. lint the bundled indicator sets"
"$A" lint indicators/*.yaml

echo "== 2. score the samples of every set (JSON and CSV in $OUT/results/)"
for set in indicators/*.yaml; do
  id=$(basename "$set" .yaml)
  [ -d "samples/$id" ] || continue
  "$A" score --set "$set" --entries samples/"$id"/*.yaml --format json > "$OUT/results/$id.json"
  "$A" score --set "$set" --entries samples/"$id"/*.yaml --format csv > "$OUT/results/$id.csv"
done
"$A" score --set indicators/sd-county-2020.yaml --entries samples/sd-county-2020/*.yaml
"$A" score --set indicators/sx-digital-gov.yaml --entries samples/sx-digital-gov/*.yaml --period 2021-03

echo "== 3. why 东昌府区 got its points for one indicator"
"$A" explain --set indicators/sd-county-2020.yaml --entries samples/sd-county-2020/*.yaml \
  --region 371502 --node D1-05

echo "== 4. PDF reports (county, ranking, bulletin) in $OUT/reports/"
"$A" report --set indicators/sd-county-2020.yaml --entries samples/sd-county-2020/*.yaml \
  --region 371502 -o "$OUT/reports"
"$A" report --set indicators/sd-county-2020.yaml --entries samples/sd-county-2020/*.yaml \
  --type ranking -o "$OUT/reports"
"$A" report --set indicators/sx-digital-gov.yaml --entries samples/sx-digital-gov/*.yaml \
  --type bulletin --period 2021-W18 -o "$OUT/reports"
"$A" report --set indicators/liaocheng-2021.yaml --entries samples/liaocheng-2021/*.yaml \
  --region 371500 -o "$OUT/reports"

echo "== 5. a workspace: import the sample entries, status, Excel form and export, audit"
WS="$OUT/workspace"
if [ ! -f "$WS/workspace.yaml" ]; then
  mkdir -p "$WS" && cp samples/workspace/workspace.yaml samples/workspace/regions.yaml "$WS/"
fi
"$A" import -w "$WS" --who demo samples/sd-county-2020/*.yaml
"$A" status -w "$WS"
"$A" template -w "$WS" -o "$OUT/填报表-示例.xlsx"
"$A" export -w "$WS" -o "$OUT/results/workspace-results.xlsx"
"$A" audit verify -w "$WS"
"$A" report "$WS" --type ranking -o "$OUT/reports"

echo "== 6. a star rating in three stages: 自评 → 复核 → 评审 ($OUT/star-campaign)"
bash scripts/demo_stages.sh

echo "done: results in $OUT/results/, reports in $OUT/reports/, workspace in $WS"
echo "(示例数据: sample data, not real ratings)"
