#!/usr/bin/env bash
# Redeploys the portal container: a new image tag, the service updated, waited on until stable, rolled back on failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"

usage() {
  cat <<'EOF'
Usage: deploy/redeploy.sh --image-tag TAG [--prefix reviewer-portal] [--skip-build] [--timeout SECONDS]
                          [--poll-interval SECONDS] [--dry-run] [--region REGION] [--endpoint-url URL]

Runs a new image of the portal on the existing deployment (deploy.sh made it):
  1. the image: docker build + push of TAG to the ECR repository PREFIX, or with --skip-build a check that it is there;
  2. reads the tag running now (stack PREFIX-service, parameter ImageTag): the version to return to;
  3. updates stack PREFIX-service with ImageTag=TAG and nothing else (same template, every other value kept);
  4. waits until the ECS service has completed the rollout of TAG with all its tasks running (--timeout, default 900 s);
  5. reports the new version, or rolls back: when CloudFormation or the deployment circuit breaker already returned
     the service to the old image it says so; otherwise it updates the stack back to the old tag. Exit code 1 then.
Review decisions in flight are not lost: a decision is recorded before it is sent, and whichever task runs next
finishes it (the decision outbox and reconciler). Old tasks drain for 60 s before they stop.

  --image-tag TAG         the new image tag (shown as the version on Operations and in /healthz)
  --prefix NAME           the names deploy.sh used (default reviewer-portal)
  --skip-build            do not build or push; the tag must already be in the repository
  --timeout SECONDS       how long the rollout may take before it counts as failed (default 900)
  --poll-interval SECONDS how often the service is checked while waiting (default 15)
  --dry-run               print the plan and every AWS call it would make; call nothing
  --region REGION         AWS region (default: the AWS CLI's)
  --endpoint-url URL      an AWS-compatible endpoint instead of AWS (tests use moto)
  -h, --help              this text
EOF
}

prefix=reviewer-portal skip_build=false image_tag="" timeout=900 poll=15
while (($#)); do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --image-tag) image_tag=${2:?}; shift 2 ;;
    --prefix) prefix=${2:?}; shift 2 ;;
    --skip-build) skip_build=true; shift ;;
    --timeout) timeout=${2:?}; shift 2 ;;
    --poll-interval) poll=${2:?}; shift 2 ;;
    *) take_common_option "$@"; shift "$TAKEN" ;;
  esac
done
[[ -n $image_tag ]] || die "--image-tag is required (see --help)"
[[ $timeout =~ ^[0-9]+$ && $poll =~ ^[0-9]+$ ]] || die "--timeout and --poll-interval take whole seconds"
need aws
need jq
$skip_build || $DRY_RUN || need docker
stack="$prefix-service"
$DRY_RUN || stack_exists "$stack" || die "stack $stack does not exist: run deploy/deploy.sh first"

repository_uri=$(aws_call "<repository-uri>" ecr describe-repositories --repository-names "$prefix" \
  --query 'repositories[0].repositoryUri' --output text) || die "no ECR repository $prefix: run deploy/deploy.sh first"
ensure_image "$prefix" "$image_tag" "$repository_uri" "$skip_build" "$repo"

step "version running now"
previous=$(stack_parameter "$stack" ImageTag)
echo "    $previous"

# Every parameter keeps its value except ImageTag: a redeploy changes the image and nothing else.
update_image_tag() {
  local tag=$1 file current
  if $DRY_RUN; then
    echo "    would run: aws cloudformation update-stack --stack-name $stack --use-previous-template --parameters ImageTag=$tag (others as they are)" >&2
    return 0
  fi
  # The values as they are (none is NoEcho) rather than UsePreviousValue, which moto cannot apply to defaulted ones.
  current=$(aws "${ENDPOINT_ARGS[@]}" cloudformation describe-stacks --stack-name "$stack" --query 'Stacks[0].Parameters' --output json)
  file=$(mktemp)
  jq --arg tag "$tag" 'map({ParameterKey, ParameterValue: (if .ParameterKey == "ImageTag" then $tag else .ParameterValue end)})' \
    <<<"$current" >"$file"
  local output
  if ! output=$(aws "${ENDPOINT_ARGS[@]}" cloudformation update-stack --stack-name "$stack" --use-previous-template \
    --parameters "file://$file" --capabilities CAPABILITY_IAM 2>&1); then
    rm -f "$file"
    grep -q 'No updates are to be performed' <<<"$output" && return 0
    echo "    $output" >&2
    return 1
  fi
  rm -f "$file"
  aws "${ENDPOINT_ARGS[@]}" cloudformation wait stack-update-complete --stack-name "$stack" 2>/dev/null
}

# Prints COMPLETED, FAILED or IN_PROGRESS for the service's rollout of $1.
rollout_of() {
  local cluster service answer image
  cluster=$(stack_output "$stack" ClusterName)
  service=$(stack_output "$stack" ServiceName)
  answer=$(aws "${ENDPOINT_ARGS[@]}" ecs describe-services --cluster "$cluster" --services "$service" --output json)
  image=$(aws "${ENDPOINT_ARGS[@]}" ecs describe-task-definition --output text \
    --task-definition "$(jq -r '.services[0].taskDefinition' <<<"$answer")" \
    --query 'taskDefinition.containerDefinitions[?name==`portal`].image | [0]')
  if [[ $image != *":$1" ]]; then
    echo FAILED # the service runs another image: the circuit breaker rolled it back
    return
  fi
  jq -r '.services[0] as $s | ($s.deployments[] | select(.status == "PRIMARY")) as $d
    | if $d.rolloutState == "FAILED" then "FAILED"
      elif $d.rolloutState == "COMPLETED" and $s.runningCount >= $s.desiredCount then "COMPLETED"
      else "IN_PROGRESS" end' <<<"$answer"
}

step "update stack $stack to image $image_tag"
failure=""
update_image_tag "$image_tag" || failure="CloudFormation did not apply it ($(stack_status "$stack"))"

step "wait until the service runs $image_tag"
if [[ -z $failure ]] && ! $DRY_RUN; then
  deadline=$((SECONDS + timeout))
  while :; do
    state=$(rollout_of "$image_tag")
    [[ $state == IN_PROGRESS ]] || break
    ((SECONDS < deadline)) || { state=TIMED_OUT; break; }
    sleep "$poll"
  done
  case $state in
    COMPLETED) ;;
    FAILED) failure="the deployment failed (the circuit breaker stopped it)" ;;
    TIMED_OUT) failure="the service did not become stable within $timeout s" ;;
  esac
fi

if [[ -z $failure ]]; then
  step "report"
  echo "    redeployed: version $image_tag is running (was $previous); /healthz and the Operations page show it"
  exit 0
fi

step "roll back to $previous"
if [[ $(stack_parameter "$stack" ImageTag) == "$previous" ]]; then
  echo "    CloudFormation already returned the stack to $previous"
else
  update_image_tag "$previous" || die "rollback to $previous failed too ($(stack_status "$stack")); see the stack's events"
fi
echo "    redeploy of $image_tag failed: $failure; rolled back to version $previous" >&2
exit 1
