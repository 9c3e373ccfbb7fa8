; A Block Public Access setting set to false on a bucket's or the account's public access block.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_type)
  .
  (string_lit)
  .
  (block_start)
  .
  (body
    (attribute
      (identifier) @target
      (expression
        (literal_value) @_value)) @match))
  (#eq? @_block "resource")
  (#eq? @_type "aws_s3_bucket_public_access_block")
  (#any-of? @target "block_public_acls" "block_public_policy" "ignore_public_acls" "restrict_public_buckets")
  (#match? @_value "^(false|\"false\")$")
  (#set! message "`{target} = false` turns off one of S3 Block Public Access's guards for this bucket: a public ACL or bucket policy, even one added by mistake later, then publishes its objects to anyone on the internet"))

((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_type)
  .
  (string_lit)
  .
  (block_start)
  .
  (body
    (attribute
      (identifier) @target
      (expression
        (literal_value) @_value)) @match))
  (#eq? @_block "resource")
  (#eq? @_type "aws_s3_account_public_access_block")
  (#any-of? @target "block_public_acls" "block_public_policy" "ignore_public_acls" "restrict_public_buckets")
  (#match? @_value "^(false|\"false\")$")
  (#set! message "`{target} = false` on the account's public access block turns off that guard for every S3 bucket of the AWS account: any public ACL or bucket policy on any of them then takes effect"))

; acl = "public-read" | "public-read-write" on a bucket (AWS provider v3 style) or a bucket ACL.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_type)
  .
  (string_lit)
  .
  (block_start)
  .
  (body
    (attribute
      (identifier) @_name
      (expression
        (literal_value
          (string_lit
            (template_literal) @target)))) @match))
  (#eq? @_block "resource")
  (#any-of? @_type "aws_s3_bucket" "aws_s3_bucket_acl" "aws_s3_object" "aws_s3_bucket_object")
  (#eq? @_name "acl")
  (#any-of? @target "public-read" "public-read-write")
  (#set! message "canned ACL `{target}` makes the S3 data readable by anyone on the internet without credentials (`public-read-write`: writable too)"))
