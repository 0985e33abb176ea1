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
echo "== 2b. Shaoxing 2021: 周亮晒 (a week), 月评价 (a month), 年考核 (the year, rank points from the months)"
for kind in county department; do
  for p in 2021-W10 2021-06 2021; do
    "$A" score --set indicators/shaoxing-2021-$kind.yaml --entries samples/shaoxing-2021-$kind/*.yaml --period $p
  done
done
"$A" explain --set indicators/shaoxing-2021-county.yaml --entries samples/shaoxing-2021-county/*.yaml \
  --period 2021-W10 --region 330602 --node C-02

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

echo "== 6. tasks with deadlines (按时序推进): the Binzhou 2023 campaign (示例)"
BZ="$OUT/binzhou-2023"
if [ ! -f "$BZ/workspace.yaml" ]; then
  mkdir -p "$BZ" && cp samples/binzhou-2023/*.yaml samples/binzhou-2023/progress.csv "$BZ/"
fi
"$A" tasks import "$BZ" "$BZ/progress.csv" --who demo
"$A" import -w "$BZ" --who demo "$BZ/entries-2023.yaml"
"$A" tasks show "$BZ" --unit BZDSJ --on 2023-08-11
"$A" tasks show "$BZ" --on 2023-11-30 --format json > "$OUT/results/binzhou-2023-tasks-2023-11-30.json"
"$A" tasks template "$BZ" -o "$OUT/任务进度填报表-示例.xlsx" --on 2023-11-30
"$A" tasks bulletin "$BZ" --on 2023-11-30 -o "$OUT/reports"
"$A" score "$BZ"
"$A" report "$BZ" --region 371600 -o "$OUT/reports"

echo "== 7. the Shaoxing 2021 campaign (示例): 区、县(市) and 市级部门 in one workspace, each kind with"
echo "   its own set; 周亮晒 (a week), 月评价 (June from its weeks), 年考核 (the year, rank points)"
SX="$OUT/shaoxing-2021"
if [ ! -f "$SX/workspace.yaml" ]; then
  mkdir -p "$SX" && cp samples/campaigns/shaoxing-2021/*.yaml "$SX/"
fi
"$A" import -w "$SX" --who demo samples/shaoxing-2021-county/*.yaml \
  samples/shaoxing-2021-department/*.yaml
for p in 2021-W10 2021-06 2021; do
  "$A" score "$SX" --period "$p"
done
"$A" score "$SX" --period 2021 --format json > "$OUT/results/shaoxing-2021-year.json"
"$A" report "$SX" --type bulletin --period 2021-W10 -o "$OUT/reports"
"$A" report "$SX" --type ranking --period 2021 -o "$OUT/reports"
echo "== 8. a star rating in three stages: 自评 → 复核 → 评审 ($OUT/star-campaign)"
bash scripts/demo_stages.sh

echo "done: results in $OUT/results/, reports in $OUT/reports/, workspace in $WS"
echo "(示例数据: sample data, not real ratings)"
