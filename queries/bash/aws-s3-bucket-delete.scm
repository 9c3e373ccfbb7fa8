; aws s3 rb --force s3://BUCKET: empties the bucket, then deletes it. The operation words are
; matched anywhere among the operands, so global options with values (--profile p --region r)
; may come first.
((command) @match
  (#cmd? @match "aws")
  (#arg? @match "^[\"']?s3://")
  (#arg? @match "^[\"']?rb[\"']?$")
  (#arg? @match "^[\"']?s3[\"']?$")
  (#flag? @match "--force"))

; aws s3 rb s3://BUCKET without --force: fails on a non-empty bucket, so no object is lost, but
; the bucket, its policy and settings are deleted and its name is free for anyone to register.
((command) @match
  (#cmd? @match "aws")
  (#arg? @match "^[\"']?s3://")
  (#arg? @match "^[\"']?rb[\"']?$")
  (#arg? @match "^[\"']?s3[\"']?$")
  (#not-flag? @match "--force")
  (#set! message "`aws s3 rb {target}` deletes the bucket (when it is empty): its policy, lifecycle and replication settings are lost and its globally unique name can be registered by any other AWS account"))

; aws s3api delete-bucket --bucket NAME: the same for an empty bucket.
((command) @match
  (#cmd? @match "aws")
  (#arg? @match "^[\"']?delete-bucket[\"']?$")
  (#arg? @match "^[\"']?s3api[\"']?$")
  (#set! message "`aws s3api delete-bucket` deletes the bucket (when it is empty): its policy, lifecycle and replication settings are lost and its globally unique name can be registered by any other AWS account"))
