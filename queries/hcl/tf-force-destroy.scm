; force_destroy = true on a storage bucket: destroying or replacing it deletes every object first.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @target)
  .
  (string_lit)
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (literal_value) @_value)) @match))
  (#eq? @_block "resource")
  (#any-of? @target "aws_s3_bucket" "aws_s3_directory_bucket" "google_storage_bucket")
  (#eq? @_name "force_destroy")
  (#match? @_value "^(true|\"true\")$")
  (#set! message "`force_destroy = true` on `{target}`: `terraform destroy`, or any change that replaces the bucket, first deletes every object in it (all versions), with no way to restore them"))

; force_destroy = true on a DNS zone: every record, not only those Terraform manages, goes with it.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @target)
  .
  (string_lit)
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (literal_value) @_value)) @match))
  (#eq? @_block "resource")
  (#any-of? @target "aws_route53_zone" "google_dns_managed_zone")
  (#eq? @_name "force_destroy")
  (#match? @_value "^(true|\"true\")$")
  (#set! message "`force_destroy = true` on `{target}`: `terraform destroy`, or any change that replaces the zone, deletes every record in it, also those created outside Terraform, and the domain stops resolving"))

; force_destroy = true on a backup vault: the recovery points are deleted with it.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @target)
  .
  (string_lit)
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (literal_value) @_value)) @match))
  (#eq? @_block "resource")
  (#eq? @target "aws_backup_vault")
  (#eq? @_name "force_destroy")
  (#match? @_value "^(true|\"true\")$")
  (#set! message "`force_destroy = true` on `{target}`: `terraform destroy`, or any change that replaces the vault, deletes every recovery point in it, the backups you would restore from"))

; force_destroy = true on an IAM user: its keys, password and MFA devices made outside Terraform go
; with it.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @target)
  .
  (string_lit)
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (literal_value) @_value)) @match))
  (#eq? @_block "resource")
  (#eq? @target "aws_iam_user")
  (#eq? @_name "force_destroy")
  (#match? @_value "^(true|\"true\")$")
  (#set! message "`force_destroy = true` on `{target}`: `terraform destroy`, or any change that replaces the user, deletes it with access keys, console password and MFA devices created outside Terraform, locking out whatever uses them"))

; force_destroy = true on any other resource (public ECR repositories, ...): deleted
; even when it still holds things Terraform did not create.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @target)
  .
  (string_lit)
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (literal_value) @_value)) @match))
  (#eq? @_block "resource")
  (#not-any-of? @target "aws_s3_bucket" "aws_s3_directory_bucket" "google_storage_bucket" "aws_route53_zone" "google_dns_managed_zone" "aws_backup_vault" "aws_iam_user")
  (#eq? @_name "force_destroy")
  (#match? @_value "^(true|\"true\")$"))

; force_delete = true on an ECR repository: every image is deleted with it.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @target)
  .
  (string_lit)
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (literal_value) @_value)) @match))
  (#eq? @_block "resource")
  (#eq? @target "aws_ecr_repository")
  (#eq? @_name "force_delete")
  (#match? @_value "^(true|\"true\")$")
  (#set! message "`force_delete = true` on `{target}`: `terraform destroy`, or any change that replaces the repository, deletes every image in it, including the tags running workloads pull"))

; delete_contents_on_destroy = true on a BigQuery dataset: every table is dropped with it.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @target)
  .
  (string_lit)
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (literal_value) @_value)) @match))
  (#eq? @_block "resource")
  (#eq? @target "google_bigquery_dataset")
  (#eq? @_name "delete_contents_on_destroy")
  (#match? @_value "^(true|\"true\")$")
  (#set! message "`delete_contents_on_destroy = true` on `{target}`: `terraform destroy`, or any change that replaces the dataset, drops every table and view in it"))

; force_destroy = true passed to a module (terraform-aws-modules/s3-bucket and the like), which
; hands it to the bucket it creates.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @target)
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (literal_value) @_value)) @match))
  (#eq? @_block "module")
  (#eq? @_name "force_destroy")
  (#match? @_value "^(true|\"true\")$")
  (#set! message "`force_destroy = true` passed to module `{target}`: destroying or replacing what it creates first deletes everything in it (a bucket's objects, a zone's records)"))
