; "*" as the action of an Allow statement in an IAM policy document or a CloudFormation template:
; every action of every AWS service. Service wildcards such as "s3:*" are not reported, and Deny
; statements with "*" are the safe look-alike. Only documents that look like policies or templates
; (a "Statement" or "AWSTemplateFormatVersion" key) are considered, so other JSON stays quiet.

; { "Effect": "Allow", "Action": "*" | [..., "*"] }, keys in any order. The Effect check reads the
; text of the statement object (only once the action is "*"), since its key may come before or
; after Action.
((object
  (pair
    key: (string
      (string_content) @_key)
    value: [
      (string
        (string_content) @_action) @match
      (array
        (string
          (string_content) @_action) @match)
    ])) @_statement
  (#eq? @_key "Action")
  (#eq? @_action "*")
  (#match? @_statement "\"Effect\"\\s*:\\s*\"Allow\"")
  (#file-match? @match "\"(?:Statement|AWSTemplateFormatVersion)\"\\s*:"))
