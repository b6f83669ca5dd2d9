#!/usr/bin/env bash
# First deployment (and full update) of the Reviewer Portal: image, storage, workflows, service. See --help.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"

usage() {
  cat <<'EOF'
Usage: deploy/deploy.sh --image-tag TAG --vpc-id VPC --lb-subnets SUBNET,SUBNET --service-subnets SUBNET,SUBNET
                        --certificate-arn ARN --public-origin https://NAME --imaging-datastore-id ID
                        --oidc-authority-parameter NAME --oidc-client-id-parameter NAME
                        (--oidc-client-secret-arn ARN | --oidc-client-certificate-arn ARN [--oidc-client-certificate-password-arn ARN])
                        [--prefix reviewer-portal] [--skip-build] [--dry-run] [--region REGION] [--endpoint-url URL]

Deploys the whole Reviewer Portal to one AWS account and region, in this order:
  1. the ECR repository PREFIX, and the image: docker build + push of TAG, or with --skip-build a check that TAG is
     already in the repository (an image built elsewhere, e.g. by CI);
  2. stack PREFIX-storage  (deploy/review-storage.yaml): review-tasks table, draft bucket, report bucket;
  3. the bundled workflow templates, uploaded unchanged to the bucket PREFIX-artifacts-ACCOUNT-REGION;
  4. stack PREFIX-workflows (deploy/review-workflows.yaml): event bus, workflow role, both state machines;
  5. stack PREFIX-service (deploy/review-service.yaml): ECS cluster and service, load balancer, task role, logs;
then prints the portal's URL. Run again to apply template changes; redeploy.sh changes only the image.

  --image-tag TAG                 image tag to run; shown as the version on Operations and in /healthz
  --vpc-id, --lb-subnets, --service-subnets
                                  the network: public subnets for the load balancer, private ones for the tasks
  --certificate-arn ARN           ACM certificate for the HTTPS listener (covers --public-origin's name)
  --public-origin URL             https:// address users open (point its DNS name at the load balancer)
  --imaging-datastore-id ID       the AWS HealthImaging data store the studies come from
  --oidc-authority-parameter, --oidc-client-id-parameter
                                  SSM parameter names holding Identity:Authority and Identity:ClientId
  --oidc-client-secret-arn ARN    Secrets Manager secret holding Identity:ClientSecret, or instead:
  --oidc-client-certificate-arn ARN
                                  Secrets Manager secret holding the app's certificate as a base64 PFX (with its key)
  --oidc-client-certificate-password-arn ARN
                                  Secrets Manager secret holding that PFX's password (omit for a PFX without one)
                                  (rotating either: see the README, "Rotating the sign-in credential")
  --model-id ID                   Bedrock model for drafts (default: the templates' default)
  --prefix NAME                   names of the repository and stacks (default reviewer-portal)
  --skip-build                    do not build or push; the tag must already be in the repository
  --dry-run                       print the plan and every AWS call it would make; call nothing
  --region REGION                 AWS region (default: the AWS CLI's)
  --endpoint-url URL              an AWS-compatible endpoint instead of AWS (tests use moto)
  -h, --help                      this text
EOF
}

prefix=reviewer-portal skip_build=false model_id=""
image_tag="" vpc_id="" lb_subnets="" service_subnets="" certificate_arn="" public_origin="" datastore_id=""
authority_parameter="" client_id_parameter="" client_secret_arn="" certificate_secret_arn="" certificate_password_arn=""
while (($#)); do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --image-tag) image_tag=${2:?}; shift 2 ;;
    --vpc-id) vpc_id=${2:?}; shift 2 ;;
    --lb-subnets) lb_subnets=${2:?}; shift 2 ;;
    --service-subnets) service_subnets=${2:?}; shift 2 ;;
    --certificate-arn) certificate_arn=${2:?}; shift 2 ;;
    --public-origin) public_origin=${2:?}; shift 2 ;;
    --imaging-datastore-id) datastore_id=${2:?}; shift 2 ;;
    --oidc-authority-parameter) authority_parameter=${2:?}; shift 2 ;;
    --oidc-client-id-parameter) client_id_parameter=${2:?}; shift 2 ;;
    --oidc-client-secret-arn) client_secret_arn=${2:?}; shift 2 ;;
    --oidc-client-certificate-arn) certificate_secret_arn=${2:?}; shift 2 ;;
    --oidc-client-certificate-password-arn) certificate_password_arn=${2:?}; shift 2 ;;
    --model-id) model_id=${2:?}; shift 2 ;;
    --prefix) prefix=${2:?}; shift 2 ;;
    --skip-build) skip_build=true; shift ;;
    *) take_common_option "$@"; shift "$TAKEN" ;;
  esac
done

for required in image_tag vpc_id lb_subnets service_subnets certificate_arn public_origin datastore_id \
  authority_parameter client_id_parameter; do
  [[ -n ${!required} ]] || die "--${required//_/-} is required (see --help)"
done
# The portal refuses to start with both credentials or neither; say so before anything is deployed.
if [[ -n $client_secret_arn && -n $certificate_secret_arn ]]; then
  die "give --oidc-client-secret-arn or --oidc-client-certificate-arn, not both (see --help)"
elif [[ -n $client_secret_arn ]]; then
  [[ -z $certificate_password_arn ]] || die "--oidc-client-certificate-password-arn goes with --oidc-client-certificate-arn (see --help)"
  client_credential=Secret
elif [[ -n $certificate_secret_arn ]]; then
  client_credential=Certificate
else
  die "--oidc-client-secret-arn or --oidc-client-certificate-arn is required (see --help)"
fi
need aws
need jq
$skip_build || $DRY_RUN || need docker
region=${AWS_REGION:-${AWS_DEFAULT_REGION:-$(aws configure get region || true)}}
[[ -n $region ]] || die "no region: pass --region or set AWS_DEFAULT_REGION"

step "ECR repository $prefix"
if ! $DRY_RUN && ! aws "${ENDPOINT_ARGS[@]}" ecr describe-repositories --repository-names "$prefix" >/dev/null 2>&1; then
  aws_do ecr create-repository --repository-name "$prefix" --image-scanning-configuration scanOnPush=true \
    --image-tag-mutability IMMUTABLE || die "could not create the ECR repository $prefix"
fi
repository_uri=$(aws_call "<repository-uri>" ecr describe-repositories --repository-names "$prefix" \
  --query 'repositories[0].repositoryUri' --output text)

ensure_image "$prefix" "$image_tag" "$repository_uri" "$skip_build" "$repo"

step "stack $prefix-storage"
deploy_stack "$prefix-storage" "$here/review-storage.yaml" "$(parameters_json "TableName=$prefix-tasks")"
table=$(stack_output "$prefix-storage" TableName)
draft_bucket=$(stack_output "$prefix-storage" DraftBucket)
report_bucket=$(stack_output "$prefix-storage" ReportBucket)
kms_key=$(stack_output "$prefix-storage" KmsKeyArn)

step "upload the bundled workflow templates"
account=$(aws_call "<account>" sts get-caller-identity --query Account --output text)
artifacts="$prefix-artifacts-$account-$region"
if ! $DRY_RUN && ! aws "${ENDPOINT_ARGS[@]}" s3api head-bucket --bucket "$artifacts" >/dev/null 2>&1; then
  location=()
  [[ $region == us-east-1 ]] || location=(--create-bucket-configuration "LocationConstraint=$region")
  aws_do s3api create-bucket --bucket "$artifacts" "${location[@]}" || die "could not create the bucket $artifacts"
  aws_do s3api put-public-access-block --bucket "$artifacts" --public-access-block-configuration \
    BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
fi
# The key carries the file's SHA-256: a changed template is a changed parameter, so CloudFormation updates the machine.
template_key() {
  local file="$repo/ReviewerPortal/Workflow/Templates/$1.asl.json"
  echo "workflows/$1-$(sha256sum "$file" | cut -c1-16).asl.json"
}
study_key=$(template_key study-review)
draft_key=$(template_key draft-generation)
backfill_key=$(template_key draft-backfill)
aws_do s3 cp "$repo/ReviewerPortal/Workflow/Templates/study-review.asl.json" "s3://$artifacts/$study_key"
aws_do s3 cp "$repo/ReviewerPortal/Workflow/Templates/draft-generation.asl.json" "s3://$artifacts/$draft_key"
aws_do s3 cp "$repo/ReviewerPortal/Workflow/Templates/draft-backfill.asl.json" "s3://$artifacts/$backfill_key"

step "stack $prefix-workflows"
workflow_parameters=("TableName=$table" "DraftBucketName=$draft_bucket" "ReportBucketName=$report_bucket"
  "EventBusName=$prefix" "ImagingDatastoreId=$datastore_id" "DefinitionBucket=$artifacts"
  "StudyReviewDefinitionKey=$study_key" "DraftGenerationDefinitionKey=$draft_key" "DraftBackfillDefinitionKey=$backfill_key" "KmsKeyArn=$kms_key")
[[ -z $model_id ]] || workflow_parameters+=("DraftModelId=$model_id")
deploy_stack "$prefix-workflows" "$here/review-workflows.yaml" "$(parameters_json "${workflow_parameters[@]}")"
study_review=$(stack_output "$prefix-workflows" StudyReviewStateMachineArn)
draft_generation=$(stack_output "$prefix-workflows" DraftGenerationStateMachineArn)
draft_backfill=$(stack_output "$prefix-workflows" DraftBackfillStateMachineArn)

step "stack $prefix-service"
deploy_stack "$prefix-service" "$here/review-service.yaml" "$(parameters_json \
  "ImageRepositoryUri=$repository_uri" "ImageTag=$image_tag" "VpcId=$vpc_id" \
  "LoadBalancerSubnetIds=$lb_subnets" "ServiceSubnetIds=$service_subnets" "CertificateArn=$certificate_arn" \
  "PublicOrigin=$public_origin" "TableName=$table" "DraftBucketName=$draft_bucket" \
  "StudyReviewStateMachineArn=$study_review" "DraftGenerationStateMachineArn=$draft_generation" \
  "DraftBackfillStateMachineArn=$draft_backfill" \
  "OidcAuthorityParameter=$authority_parameter" "OidcClientIdParameter=$client_id_parameter" \
  "OidcClientCredential=$client_credential" "OidcClientSecretArn=$client_secret_arn" \
  "OidcClientCertificateArn=$certificate_secret_arn" "OidcClientCertificatePasswordArn=$certificate_password_arn" \
  "KmsKeyArn=$kms_key")"

step "done"
echo "    portal:        $(stack_output "$prefix-service" Url) (DNS name $(stack_output "$prefix-service" LoadBalancerDnsName))"
echo "    version:       $image_tag (Operations page and /healthz)"
echo "    study-review:  $study_review (deploy/start-study.sh starts a case)"
echo "    logs:          aws logs tail $(stack_output "$prefix-service" LogGroup) --follow"
