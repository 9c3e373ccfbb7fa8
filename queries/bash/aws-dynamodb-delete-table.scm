; aws [global options] dynamodb delete-table --table-name NAME. Global options with values
; (--profile, --region) may come before the service, so both words are looked for anywhere.
((command) @match
  (#cmd? @match "aws")
  (#arg? @match "^[\"']?delete-table[\"']?$")
  (#arg? @match "^[\"']?dynamodb[\"']?$"))
