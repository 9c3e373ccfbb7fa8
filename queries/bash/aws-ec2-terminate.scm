; aws ec2 terminate-instances, unless it is a --dry-run. The operation name is matched anywhere
; among the operands, so global options with values may come first.
((command) @match
  (#cmd? @match "aws")
  (#arg? @match "^[\"']?terminate-instances[\"']?$")
  (#arg? @match "^[\"']?ec2[\"']?$")
  (#not-flag? @match "--dry-run"))
