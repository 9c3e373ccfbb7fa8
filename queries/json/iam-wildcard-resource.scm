; "*" as the resource of an Allow statement whose actions are not all read-only, in an IAM policy
; document or a CloudFormation template. Read-only means every action is a Describe*, List*, Get*
; or BatchGet* action (these often have no resource-level permissions and need "*"). Statements
; with a Principal are resource policies (bucket, key and queue policies), where "*" means the
; resource the policy is attached to, and stay quiet, as do Deny statements and statements whose
; actions are not literal (a Ref or Fn::Split is not judged). Only documents that look like
; policies or templates (a "Statement" or "AWSTemplateFormatVersion" key) are considered.
;
; The Effect, Principal and Action checks read the statement object's own text: the keys may come
; in any order, and "no Principal key" and "every action read-only" have no structural form.

; { "Effect": "Allow", "Action": [...not all read-only...], "Resource": "*" | [..., "*"] }
((object
  (pair
    key: (string
      (string_content) @_key)
    value: [
      (string
        (string_content) @_resource) @match
      (array
        (string
          (string_content) @_resource) @match)
    ])) @_statement
  (#eq? @_key "Resource")
  (#eq? @_resource "*")
  (#match? @_statement "\"Effect\"\\s*:\\s*\"Allow\"")
  (#not-match? @_statement "\"(?:Not)?Principal\"\\s*:")
  (#match? @_statement "\"(?:Not)?Action\"\\s*:\\s*[\\[\"]")
  (#not-match? @_statement "\"Action\"\\s*:\\s*(?:\"[A-Za-z0-9-]+:(?i:Describe|List|Get|BatchGet)[^\"]*\"|\\[(?:\\s|,|//[^\\n]*|/\\*(?:[^*]|\\*[^/])*\\*/|\"[A-Za-z0-9-]+:(?i:Describe|List|Get|BatchGet)[^\"]*\")*\\])")
  (#file-match? @match "\"(?:Statement|AWSTemplateFormatVersion)\"\\s*:"))
