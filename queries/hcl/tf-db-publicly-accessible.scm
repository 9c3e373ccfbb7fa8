; publicly_accessible = true on an RDS instance, an Aurora cluster instance, a Redshift cluster, a
; Redshift Serverless workgroup or a DMS replication instance.
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
  (#any-of? @target "aws_db_instance" "aws_rds_cluster_instance" "aws_redshift_cluster" "aws_redshiftserverless_workgroup" "aws_dms_replication_instance")
  (#eq? @_name "publicly_accessible")
  (#match? @_value "^(true|\"true\")$"))

; Passed to a module (terraform-aws-modules/rds, rds-aurora, redshift, ...).
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
  (#eq? @_name "publicly_accessible")
  (#match? @_value "^(true|\"true\")$")
  (#set! message "`publicly_accessible = true` passed to module `{target}`: the database it creates gets a public IP address and an endpoint that resolves from the internet"))
