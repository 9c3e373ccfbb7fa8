; backup_retention_period = 0 on an RDS instance (Aurora clusters require at least 1).
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
  (#eq? @target "aws_db_instance")
  (#eq? @_name "backup_retention_period")
  (#match? @_value "^(0|\"0\")$"))

; Passed to a module (terraform-aws-modules/rds and the like).
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
  (#eq? @_name "backup_retention_period")
  (#match? @_value "^(0|\"0\")$")
  (#set! message "`backup_retention_period = 0` passed to module `{target}`: the database it creates has no automated backups and no point-in-time recovery, and existing automated backups are deleted"))

; google_sql_database_instance settings { backup_configuration { enabled = false } }.
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
      (identifier) @_settings
      .
      (block_start)
      (body
        (block
          (identifier) @_backup
          .
          (block_start)
          (body
            (attribute
              (identifier) @_name
              (expression
                (literal_value) @_value)) @match))))))
  (#eq? @_block "resource")
  (#eq? @target "google_sql_database_instance")
  (#eq? @_settings "settings")
  (#eq? @_backup "backup_configuration")
  (#eq? @_name "enabled")
  (#match? @_value "^(false|\"false\")$")
  (#set! message "`backup_configuration { enabled = false }` on `{target}` turns automated backups off: no daily backups and no point-in-time recovery for the instance's databases"))
