#!/usr/bin/env bash
# Starts one study-review execution from the command line, on AWS Step Functions or on the portal's local engine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"

usage() {
  cat <<'EOF'
Usage: deploy/start-study.sh --case-id ID --image-set-id ID --indication TEXT --urgency urgent|routine
                             [--datastore-id ID] [--name NAME] [--engine aws|local] [--prefix reviewer-portal]
                             [--state-machine-arn ARN] [--dry-run] [--region REGION] [--endpoint-url URL]

Starts the study-review workflow for one study with the execution input the template checks (CheckInput):
  {"caseId": "RP-2001", "datastoreId": "<32 hex>", "imageSetId": "<32 hex>",
   "indication": "Suspected acute stroke ...", "urgency": "urgent"}
and prints the execution's ARN. The case reaches the urgent or routine queue once its draft is generated.

  --engine aws      (default) the deployed workflow: ARN from stack PREFIX-workflows unless --state-machine-arn
  --engine local    the running portal's local engine (Local mode, http://127.0.0.1:8083); its HealthImaging
                    stand-in knows datastore 0d5c1ab1e4c94f0e8f3f1c1b2a7d6e01 and the demo image sets
                    (e.g. 7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a61, a CT head)
  --datastore-id    the HealthImaging data store (default on the local engine: the demo one)
  --name NAME       the execution name (default: the case id, lowercase, with the time); unique per workflow
  --dry-run         print the call without making it
EOF
}

engine=aws prefix=reviewer-portal arn="" case_id="" datastore_id="" image_set_id="" indication="" urgency="" name=""
while (($#)); do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --case-id) case_id=${2:?}; shift 2 ;;
    --datastore-id) datastore_id=${2:?}; shift 2 ;;
    --image-set-id) image_set_id=${2:?}; shift 2 ;;
    --indication) indication=${2:?}; shift 2 ;;
    --urgency) urgency=${2:?}; shift 2 ;;
    --name) name=${2:?}; shift 2 ;;
    --engine) engine=${2:?}; shift 2 ;;
    --prefix) prefix=${2:?}; shift 2 ;;
    --state-machine-arn) arn=${2:?}; shift 2 ;;
    *) take_common_option "$@"; shift "$TAKEN" ;;
  esac
done

need aws
need jq
case $engine in
  local)
    # The local engine checks no signature; the CLI still wants credentials and a region.
    ((${#ENDPOINT_ARGS[@]})) || ENDPOINT_ARGS=(--endpoint-url http://127.0.0.1:8083)
    export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-local} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-local}
    export AWS_DEFAULT_REGION=${AWS_DEFAULT_REGION:-us-east-1}
    datastore_id=${datastore_id:-0d5c1ab1e4c94f0e8f3f1c1b2a7d6e01}
    arn=${arn:-arn:aws:states:us-east-1:123456789012:stateMachine:study-review}
    ;;
  aws) ;;
  *) die "--engine is aws or local" ;;
esac
for required in case_id datastore_id image_set_id indication urgency; do
  [[ -n ${!required} ]] || die "--${required//_/-} is required (see --help)"
done
[[ $urgency == urgent || $urgency == routine ]] || die "--urgency is urgent or routine"
[[ $datastore_id =~ ^[0-9a-z]{32}$ ]] || die "--datastore-id is 32 lowercase letters and digits, as HealthImaging issues them"
[[ -n $arn ]] || arn=$(stack_output "$prefix-workflows" StudyReviewStateMachineArn)
[[ -n $arn && $arn != None ]] || die "no study-review state machine in stack $prefix-workflows: pass --state-machine-arn"
name=${name:-$(tr '[:upper:]' '[:lower:]' <<<"$case_id" | tr -c 'a-z0-9-_\n' '-')-$(date -u +%Y%m%d%H%M%S)}

input=$(jq -nc --arg caseId "$case_id" --arg datastoreId "$datastore_id" --arg imageSetId "$image_set_id" \
  --arg indication "$indication" --arg urgency "$urgency" '$ARGS.named')
aws_call "<execution-arn>" stepfunctions start-execution --state-machine-arn "$arn" --name "$name" --input "$input" \
  --query executionArn --output text
