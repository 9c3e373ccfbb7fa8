; gcloud sql instances delete INSTANCE without a final backup: the data and the backups go.
((command) @match
  (#cmd? @match "gcloud")
  (#subcmd? @match "sql" "instances" "delete")
  (#not-flag? @match "--enable-final-backup"))

; The same with --enable-final-backup: the instance still goes, but one backup is kept.
((command) @match
  (#cmd? @match "gcloud")
  (#subcmd? @match "sql" "instances" "delete")
  (#flag? @match "--enable-final-backup")
  (#set! message "`gcloud sql instances delete` deletes the Cloud SQL instance and every database on it; only the final backup survives, and every client of the instance fails"))
