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

; A bucket's public access block that leaves a setting out: the provider defaults it to false, so
; the resource turns that guard off, although new buckets have all four on by default. One pattern
; per setting; the finding is on the resource type and reported once. No anchor before the body:
; a comment may sit between the brace and the first attribute.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_type) @match
  .
  (string_lit)
  .
  (block_start)
  (body) @_body)
  (#eq? @_block "resource")
  (#eq? @_type "aws_s3_bucket_public_access_block")
  (#not-match? @_body "\\bblock_public_acls\\s*=")
  (#set! message "this public access block leaves `block_public_acls` out, and the provider defaults it to false: the resource turns that guard off for the bucket, although S3 turns it on for new buckets"))

((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_type) @match
  .
  (string_lit)
  .
  (block_start)
  (body) @_body)
  (#eq? @_block "resource")
  (#eq? @_type "aws_s3_bucket_public_access_block")
  (#not-match? @_body "\\bblock_public_policy\\s*=")
  (#set! message "this public access block leaves `block_public_policy` out, and the provider defaults it to false: the resource turns that guard off for the bucket, although S3 turns it on for new buckets"))

((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_type) @match
  .
  (string_lit)
  .
  (block_start)
  (body) @_body)
  (#eq? @_block "resource")
  (#eq? @_type "aws_s3_bucket_public_access_block")
  (#not-match? @_body "\\bignore_public_acls\\s*=")
  (#set! message "this public access block leaves `ignore_public_acls` out, and the provider defaults it to false: the resource turns that guard off for the bucket, although S3 turns it on for new buckets"))

((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_type) @match
  .
  (string_lit)
  .
  (block_start)
  (body) @_body)
  (#eq? @_block "resource")
  (#eq? @_type "aws_s3_bucket_public_access_block")
  (#not-match? @_body "\\brestrict_public_buckets\\s*=")
  (#set! message "this public access block leaves `restrict_public_buckets` out, and the provider defaults it to false: the resource turns that guard off for the bucket, although S3 turns it on for new buckets"))
