#!/usr/bin/env bash
# make test-faults: the reliability suite at full size. Through the real
# Terraform CLI against the stand-in with faults on: 200 creates then 100
# stops (10% 503s, 429 bursts with Retry-After, 200 ms jitter, 60 s JWTs,
# lost create answers), 60 creates each of Viber-then-SMS, WhatsApp and
# personal SMS campaigns under the same faults (TestAccFaultSuiteChannels),
# stop-list attaches and detaches under 429s and lost
# answers (TestAccFaultSuiteStopList: the list must end exactly as configured), lost-answer and interrupt scenarios, a 300-campaign
# apply under a rate budget, a 300-campaign apply against an account limited
# to 20 requests/s with requests_per_second unset; the hostile-API suite (a front server that
# redirects elsewhere, answers empty or foreign objects, HTML, truncated
# JSON, huge numbers, slow, 401, 429 and 503 answers: TestAccHostile_*,
# the unresolved-create scenarios, and the client's wire tests); then the
# fuzz targets for a bounded time. Prints a summary table.
set -euo pipefail
cd "$(dirname "$0")/.."
terraform="$(scripts/terraform-path.sh)"
fuzztime="${FUZZTIME:-30s}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

echo "== acceptance scenarios with faults (ONEAPI_FAULT_SUITE_N=${ONEAPI_FAULT_SUITE_N:-200}, ONEAPI_CHANNEL_FAULT_SUITE_N=${ONEAPI_CHANNEL_FAULT_SUITE_N:-60}, ONEAPI_RATE_BUDGET_N=${ONEAPI_RATE_BUDGET_N:-300})"
ONEAPI_FAULT_SUITE_N="${ONEAPI_FAULT_SUITE_N:-200}" ONEAPI_CHANNEL_FAULT_SUITE_N="${ONEAPI_CHANNEL_FAULT_SUITE_N:-60}" \
  ONEAPI_RATE_BUDGET_N="${ONEAPI_RATE_BUDGET_N:-300}" ONEAPI_RATE_LIMIT_N="${ONEAPI_RATE_LIMIT_N:-300}" \
  TF_ACC=1 TF_ACC_TERRAFORM_PATH="$terraform" \
  go test ./internal/provider/... -count=1 -timeout 60m -v \
  -run 'TestAccFaultSuite|TestAccStopList_lostAnswers|TestAccStopList_failedWrite|TestAccContactListMembers_lostAnswers|TestAccContactField_lostCreateAnswer|TestAccRateBudget|TestAccRateLimit|TestAccCampaign_createThatNeverLeft|TestAccCampaign_unresolvedContactListCreate|TestAccCampaign_lostCreateAnswerIsRecovered|TestAccCampaign_lostAnswerWhenOnlyRepeatedMessagesAreDropped|TestAccCampaign_interrupted|TestAccCampaign_lostCreateIsNeverSentAgain|TestAccCampaign_unresolvedCreate|TestAccHostile' \
  | tee "$log" | grep -E '^(--- |ok|FAIL|rate budget|secret scan)'

echo "== the client on a hostile wire"
go test ./internal/client -count=1 -v -run 'Redirect|Answer|PendingCreate|LostPersonalSMS|LostViber' | tee -a "$log" | grep -E '^(--- |ok|FAIL)'

echo "== fuzzing, $fuzztime per target"
go test ./internal/client -run '^$' -fuzz '^FuzzDecodeResponse$' -fuzztime "$fuzztime" | tail -2
go test ./internal/sandbox -run '^$' -fuzz '^FuzzCreateRequest$' -fuzztime "$fuzztime" | tail -2

echo
echo "== summary"
echo "| scenario | operations | faults injected | errors | duplicates | logins | retries |"
echo "|---|---|---|---|---|---|---|"
grep -E '^\| [a-z]' "$log" | grep -v '^| scenario' | sort -u
grep -E '^rate budget' "$log" || true
echo
echo "hostile API: $(grep -cE '^    --- PASS: TestAccHostile_|^--- PASS: TestAccHostile_[A-Za-z]+ ' "$log") cases passed through the CLI, $(grep -cE '^--- PASS: Test(Redirect|Answer|BadAnswer|Pending)' "$log") client wire tests passed"
grep -E '^--- FAIL' "$log" && exit 1 || true
