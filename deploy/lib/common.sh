# Shared by deploy.sh, redeploy.sh and start-study.sh: the plan's steps, AWS calls that a dry run prints instead of
# making, and CloudFormation stack helpers. Sourced, never run.

DRY_RUN=false
ENDPOINT_ARGS=()

# One line per step of the plan. A dry run prints the same lines as a real run, so an operator can read the plan first.
step() { printf '==> %s\n' "$*"; }

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

need() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is required (see README.md, Operators: prerequisites)"
}

# An AWS CLI call. In a dry run it is printed (never made) and prints the placeholder given as $1 in place of its answer.
aws_call() {
  local placeholder=$1
  shift
  if $DRY_RUN; then
    printf '    would run: aws %s\n' "$*" >&2
    printf '%s\n' "$placeholder"
    return 0
  fi
  aws "${ENDPOINT_ARGS[@]}" "$@"
}

# An AWS CLI call whose answer is not needed; quiet unless it fails.
aws_do() {
  if $DRY_RUN; then
    printf '    would run: aws %s\n' "$*" >&2
    return 0
  fi
  local output
  if ! output=$(aws "${ENDPOINT_ARGS[@]}" "$@" 2>&1); then
    printf '%s\n' "$output" >&2
    return 1
  fi
}

stack_exists() {
  aws "${ENDPOINT_ARGS[@]}" cloudformation describe-stacks --stack-name "$1" >/dev/null 2>&1
}

stack_status() {
  aws "${ENDPOINT_ARGS[@]}" cloudformation describe-stacks --stack-name "$1" --query 'Stacks[0].StackStatus' --output text 2>/dev/null
}

stack_output() {
  aws_call "<$1:$2>" cloudformation describe-stacks --stack-name "$1" \
    --query "Stacks[0].Outputs[?OutputKey=='$2'].OutputValue" --output text
}

stack_parameter() {
  aws_call "<$1:$2>" cloudformation describe-stacks --stack-name "$1" \
    --query "Stacks[0].Parameters[?ParameterKey=='$2'].ParameterValue" --output text
}

# Creates the stack, or updates it when it exists; waits until CloudFormation is done. $3 is a JSON parameter list.
deploy_stack() {
  local name=$1 template=$2 parameters=$3 file
  file=$(mktemp)
  printf '%s\n' "$parameters" >"$file"
  if $DRY_RUN; then
    printf '    would create or update stack %s from %s with parameters %s\n' "$name" "$template" "$(jq -c . "$file")" >&2
    rm -f "$file"
    return 0
  fi
  local common=(--stack-name "$name" --template-body "file://$template" --parameters "file://$file" --capabilities CAPABILITY_IAM)
  if stack_exists "$name"; then
    local output
    if ! output=$(aws "${ENDPOINT_ARGS[@]}" cloudformation update-stack "${common[@]}" 2>&1); then
      rm -f "$file"
      grep -q 'No updates are to be performed' <<<"$output" && { echo "    $name: no changes"; return 0; }
      die "update of stack $name refused: $output"
    fi
    rm -f "$file"
    aws "${ENDPOINT_ARGS[@]}" cloudformation wait stack-update-complete --stack-name "$name" \
      || die "stack $name did not update: $(stack_status "$name")"
  else
    aws_do cloudformation create-stack "${common[@]}" || { rm -f "$file"; die "stack $name was refused"; }
    rm -f "$file"
    aws "${ENDPOINT_ARGS[@]}" cloudformation wait stack-create-complete --stack-name "$name" \
      || die "stack $name was not created: $(stack_status "$name")"
  fi
  echo "    $name: $(stack_status "$name")"
}

# CloudFormation parameters as JSON from KEY=VALUE arguments.
parameters_json() {
  local pairs=()
  for pair in "$@"; do
    pairs+=(--arg "${pair%%=*}" "${pair#*=}")
  done
  jq -n '$ARGS.named | to_entries | map({ParameterKey: .key, ParameterValue: .value})' "${pairs[@]}"
}

# Options every script takes: --dry-run, --endpoint-url (a local AWS-compatible server), --region. Sets TAKEN to the
# number of arguments used; any other option ends the script.
take_common_option() {
  case $1 in
    --dry-run) DRY_RUN=true; TAKEN=1 ;;
    --endpoint-url) ENDPOINT_ARGS=(--endpoint-url "${2:?--endpoint-url needs a URL}"); TAKEN=2 ;;
    --region) export AWS_DEFAULT_REGION=${2:?--region needs a region} AWS_REGION=$2; TAKEN=2 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
}

# The image TAG in the ECR repository PREFIX: built and pushed with Docker, or with skip_build=true only checked.
ensure_image() {
  local prefix=$1 tag=$2 repository_uri=$3 skip_build=$4 context=$5
  if $skip_build; then
    step "check that image $prefix:$tag is in ECR"
    aws_do ecr describe-images --repository-name "$prefix" --image-ids "imageTag=$tag" \
      || die "the image tag $tag is not in the repository $prefix (push it, or run without --skip-build)"
    return 0
  fi
  step "build and push image $prefix:$tag"
  if $DRY_RUN; then
    echo "    would run: docker build -t $repository_uri:$tag $context && docker push $repository_uri:$tag" >&2
    return 0
  fi
  aws "${ENDPOINT_ARGS[@]}" ecr get-login-password | docker login --username AWS --password-stdin "${repository_uri%%/*}"
  docker build -t "$repository_uri:$tag" "$context"
  docker push "$repository_uri:$tag"
}
