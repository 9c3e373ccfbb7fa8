; The deletion-protection switches of the AWS and Google providers set to off: deletion_protection
; (RDS, Aurora, DocumentDB, Neptune, Cloud SQL, GKE, Spanner, BigQuery tables, Compute instances),
; enable_deletion_protection (aws_lb), deletion_protection_enabled (DynamoDB, Cloud SQL settings),
; deletion_protection = "INACTIVE" (Cognito user pools) and delete_protection_state (Firestore).

; Directly in the resource body.
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
  (#any-of? @_name "deletion_protection" "enable_deletion_protection" "deletion_protection_enabled" "delete_protection_state")
  (#match? @_value "^(false|\"false\"|\"INACTIVE\"|\"DELETE_PROTECTION_DISABLED\")$"))

; One block down, as in google_sql_database_instance settings { deletion_protection_enabled }.
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
    (block
      (block_start)
      (body
        (attribute
          (identifier) @_name
          (expression
            (literal_value) @_value)) @match))))
  (#eq? @_block "resource")
  (#any-of? @_name "deletion_protection" "enable_deletion_protection" "deletion_protection_enabled")
  (#match? @_value "^(false|\"false\")$"))

; Passed to a module (terraform-aws-modules/rds, rds-aurora, alb, dynamodb-table, ...).
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
  (#any-of? @_name "deletion_protection" "enable_deletion_protection" "deletion_protection_enabled")
  (#match? @_value "^(false|\"false\")$")
  (#set! message "deletion protection is off in module `{target}`: the database or load balancer it creates can be deleted by `terraform destroy`, a replacement, or a single API call"))
