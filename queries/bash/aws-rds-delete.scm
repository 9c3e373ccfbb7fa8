; aws rds delete-db-instance / delete-db-cluster without --skip-final-snapshot: a final
; snapshot is taken (or the call fails without --final-db-snapshot-identifier).
((command) @match
  (#cmd? @match "aws")
  (#arg? @match "^[\"']?delete-db-(instance|cluster)[\"']?$")
  (#arg? @match "^[\"']?rds[\"']?$")
  (#not-flag? @match "--skip-final-snapshot"))

; The same with --skip-final-snapshot: no snapshot at all.
((command) @match
  (#cmd? @match "aws")
  (#arg? @match "^[\"']?delete-db-(instance|cluster)[\"']?$")
  (#arg? @match "^[\"']?rds[\"']?$")
  (#flag? @match "--skip-final-snapshot")
  (#set! message "`aws rds delete-db-*` with `--skip-final-snapshot` deletes the database without a final snapshot: every change since the last manual snapshot is lost for good"))
