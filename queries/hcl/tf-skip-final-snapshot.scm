; skip_final_snapshot = true on a resource (aws_db_instance, aws_rds_cluster, aws_redshift_cluster,
; aws_docdb_cluster, aws_neptune_cluster), and skip_final_backup = true on FSx file systems.
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
  (#any-of? @_name "skip_final_snapshot" "skip_final_backup")
  (#match? @_value "^(true|\"true\")$"))

; The same passed to a module (terraform-aws-modules/rds, rds-aurora, redshift, ...).
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
  (#any-of? @_name "skip_final_snapshot" "skip_final_backup")
  (#match? @_value "^(true|\"true\")$")
  (#set! message "`skip_final_snapshot = true` in module `{target}`: when Terraform destroys or replaces the database it creates, the data is deleted with no final snapshot to restore from"))
