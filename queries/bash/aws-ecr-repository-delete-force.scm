; aws [global options] ecr delete-repository ... --force (ecr-public too).
((command) @match
  (#cmd? @match "aws")
  (#arg? @match "^[\"']?delete-repository[\"']?$")
  (#arg? @match "^[\"']?ecr(-public)?[\"']?$")
  (#flag? @match "--force"))
