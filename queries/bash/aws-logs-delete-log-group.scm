; aws [global options] logs delete-log-group --log-group-name NAME.
((command) @match
  (#cmd? @match "aws")
  (#arg? @match "^[\"']?delete-log-group[\"']?$")
  (#arg? @match "^[\"']?logs[\"']?$"))
