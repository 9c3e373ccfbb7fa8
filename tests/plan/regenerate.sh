#!/bin/sh
# Regenerates tests/plan/module/main.tfplan.json with a real Terraform run on `terraform_data`
# resources (built into Terraform: no provider is downloaded, nothing touches the network).
#
# The base configuration is applied to a local state in a temporary directory, then the current
# configuration (tests/plan/module/main.tf) is planned against it and exported with
# `terraform show -json`:
#   - terraform_data.database: `triggers_replace` changed, so the plan replaces it;
#   - terraform_data.old_bucket: removed from the configuration, so the plan destroys it;
#   - terraform_data.replica: `count` lowered from 3 to 2, so the plan destroys replica[2];
#   - terraform_data.queue["b"]: a `for_each` key changed, so the plan destroys queue["b"];
#   - terraform_data.cache: `input` changed (an in-place update: not reported);
#   - terraform_data.keep: unchanged;
#   - module.child.terraform_data.inner: replaced inside a module (not reported on the root
#     module's blocks: a plan covers the module in its own directory).
#
# Usage: tests/plan/regenerate.sh [output.json]   (default: tests/plan/module/main.tfplan.json)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/module/main.tfplan.json}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# No update check, no telemetry, no plugin cache, no user configuration, state in $work.
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1
export TF_INPUT=0
export TF_CLI_CONFIG_FILE=/dev/null
export TF_DATA_DIR="$work/.terraform"
unset TF_PLUGIN_CACHE_DIR TF_CLI_ARGS TF_CLI_ARGS_plan TF_CLI_ARGS_apply 2>/dev/null || true

cat >"$work/main.tf" <<'HCL'
resource "terraform_data" "keep" {
  input = "unchanged"
}

resource "terraform_data" "database" {
  triggers_replace = "postgres-15"
}

resource "terraform_data" "old_bucket" {
  input = "logs"
}

resource "terraform_data" "replica" {
  count = 3
  input = "replica-${count.index}"
}

resource "terraform_data" "queue" {
  for_each = toset(["a", "b"])
  input    = each.key
}

resource "terraform_data" "cache" {
  input = "small"
}

module "child" {
  source      = "./child"
  version_tag = "v1"
}
HCL
mkdir "$work/child"
cp "$here/module/child/main.tf" "$work/child/main.tf"
cd "$work"
terraform init -backend=false -no-color >/dev/null
terraform apply -auto-approve -no-color -state="$work/terraform.tfstate" >/dev/null
cp "$here/module/main.tf" "$work/main.tf"
terraform plan -no-color -state="$work/terraform.tfstate" -out="$work/change.tfplan" >/dev/null
terraform show -json -no-color "$work/change.tfplan" >"$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out"
