; "NotAction" in an Allow statement of an IAM policy document or a CloudFormation template: the
; statement grants every action of every AWS service except the listed ones, including services
; and actions added later. Deny statements with NotAction (the usual "deny everything but these
; unless MFA" guardrail) are the safe look-alike. Only documents that look like policies or
; templates (a "Statement" or "AWSTemplateFormatVersion" key) are considered.

; { "Effect": "Allow", "NotAction": ... }, keys in any order. The Effect check reads the text of
; the statement object (only once a NotAction key is found), since its key may come before or
; after NotAction.
((object
  (pair
    key: (string
      (string_content) @_key)) @match) @_statement
  (#eq? @_key "NotAction")
  (#match? @_statement "\"Effect\"\\s*:\\s*\"Allow\"")
  (#file-match? @match "\"(?:Statement|AWSTemplateFormatVersion)\"\\s*:"))
