; aws [global options] kms schedule-key-deletion --key-id KEY.
((command) @match
  (#cmd? @match "aws")
  (#arg? @match "^[\"']?schedule-key-deletion[\"']?$")
  (#arg? @match "^[\"']?kms[\"']?$"))
