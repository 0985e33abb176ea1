#!/usr/bin/env bash
# A star rating in three stages (samples/star-campaign-2021, 示例数据): 聊城市's counties assess
# themselves (自评), the city reviews (复核) and the province's experts check on site and set the
# final score (评审/核定分). Called by scripts/demo.sh; walked through in the README.
set -euo pipefail
BIN=${BIN:-.venv/bin}
A="$BIN/assessor"
OUT=${OUT:-out}
S=samples/star-campaign-2021
WS="$OUT/star-campaign"
rm -rf "$WS" && mkdir -p "$WS" && cp "$S/workspace.yaml" "$S/regions.yaml" "$WS/"

echo "-- 自评: the counties' self-assessments, with evidence, submitted"
"$A" import -w "$WS" --stage self --who 县自评组 "$S/1-self.yaml"
"$A" set-status -w "$WS" --stage self --who 县自评组 all submitted > /dev/null

echo "-- 复核: the city starts its review from the self-assessments and changes what it finds"
"$A" stage start -w "$WS" --who 市复核组 review
"$A" import -w "$WS" --stage review --who 市复核组 "$S/2-review.yaml"
"$A" evidence verdict -w "$WS" --stage review --who 市复核组 371503 D6-01 \
  "https://example.org/示例/371503/D6-01.pdf" 不足 --reason "批复文件缺少盖章页"
echo "   (submitting 茌平区 is refused while its D6-01 evidence is 不足:)"
"$A" set-status -w "$WS" --stage review --who 市复核组 371503 submitted || true
"$A" evidence verdict -w "$WS" --stage review --who 市复核组 371503 D6-01 \
  "https://example.org/示例/371503/D6-01.pdf" 有效 --reason "补交盖章页后有效"
"$A" set-status -w "$WS" --stage review --who 市复核组 all submitted > /dev/null

echo "-- 评审: the experts start from the review, check 东昌府区 on site, set the final score"
"$A" stage start -w "$WS" --who 省专家组 expert
"$A" import -w "$WS" --stage expert --who 省专家组 "$S/3-expert.yaml"
"$A" site-check -w "$WS" --stage expert --who 省专家组 371502 --date 2021-11-03 \
  --checker 陈静 --checker 张磊 --findings "景区预约平台未与省文旅平台对接；应急指挥平台未接入气象预警"
for leaf in D1-07 D6-01 D6-02; do
  "$A" evidence verdict -w "$WS" --stage expert --who 省专家组 371502 "$leaf" \
    "https://example.org/示例/371502/$leaf.pdf" 有效 > /dev/null
done
"$A" set-status -w "$WS" --stage expert --who 省专家组 371502 final

"$A" stage list "$WS"
"$A" stage compare "$WS"
"$A" stage compare "$WS" --region 371502
"$A" audit verify -w "$WS"
"$A" report "$WS" --region 371502 -o "$OUT/reports"
