; aws s3 rm --recursive s3://BUCKET/PREFIX: deletes every object under the prefix, unless it is
; a --dryrun. The operation words are matched anywhere among the operands, so global options
; with values may come first.
((command) @match
  (#cmd? @match "aws")
  (#arg? @match "^[\"']?s3://")
  (#arg? @match "^[\"']?rm[\"']?$")
  (#arg? @match "^[\"']?s3[\"']?$")
  (#flag? @match "--recursive")
  (#not-flag? @match "--dryrun"))
