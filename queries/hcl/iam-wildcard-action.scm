; "*" as the action of an Allow statement: every action of every AWS service. Service wildcards
; such as "s3:*" are not reported (they stay within one service and are common on scoped
; resources). Deny statements with "*" are the safe look-alike and stay quiet. Policies in the
; `content` argument (aws_organizations_policy, SCPs) are left out: an Allow "*" SCP is AWS's
; default FullAWSAccess filter and grants nothing by itself.

; jsonencode({ Statement = [{ Effect = "Allow", Action = "*" | [..., "*"] }] }), keys bare or
; quoted, in any order.
((attribute
  (identifier) @_attribute
  (expression
    (function_call
      (identifier) @_function
      (function_arguments
        (expression
          (collection_value
            (object
              (object_elem
                key: (expression) @_statements_key
                val: (expression
                  (collection_value
                    (tuple
                      (expression
                        (collection_value
                          (object
                            (object_elem
                              key: (expression) @_key
                              val: (expression
                                [
                                  (literal_value
                                    (string_lit
                                      (template_literal) @_action) @match)
                                  (collection_value
                                    (tuple
                                      (expression
                                        (literal_value
                                          (string_lit
                                            (template_literal) @_action) @match))))
                                ]))) @_statement)))))))))))))
  (#eq? @_function "jsonencode")
  (#not-eq? @_attribute "content")
  (#match? @_statements_key "^\"?Statement\"?$")
  (#match? @_key "^\"?Action\"?$")
  (#eq? @_action "*")
  (#match? @_statement "\\bEffect\"?\\s*[=:]\\s*\"Allow\""))

; data "aws_iam_policy_document" statement { actions = ["*"] }; effect defaults to Allow, so
; only an explicit effect = "Deny" is safe.
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
    (block
      (identifier) @_statement_block
      .
      (block_start)
      (body
        (attribute
          (identifier) @_name
          (expression
            (collection_value
              (tuple
                (expression
                  (literal_value
                    (string_lit
                      (template_literal) @_action) @match))))))) @_statement)))
  (#eq? @_block "data")
  (#eq? @_type "aws_iam_policy_document")
  (#eq? @_statement_block "statement")
  (#eq? @_name "actions")
  (#eq? @_action "*")
  (#not-match? @_statement "\\beffect\\s*=\\s*\"Deny\""))

; Heredoc JSON, "Effect": "Allow" before "Action": "*" in the same statement object. The text
; between them may not leave the statement (no unbalanced braces; ${...} interpolations are
; skipped), so the Effect of another statement never counts. A Condition object between the two
; keys hides the match.
((attribute
  (identifier) @_attribute
  (expression
    (template_expr
      (heredoc_template) @match)))
  (#not-eq? @_attribute "content")
  (#narrow! @match "\"Effect\"\\s*:\\s*\"Allow\"(?:[^{}]|\\$\\{[^{}]*\\})*?\"Action\"\\s*:\\s*(?:\\[[^\\]]*?)?(?P<m>\"\\*\")"))

; Heredoc JSON, "Action": "*" before "Effect": "Allow".
((attribute
  (identifier) @_attribute
  (expression
    (template_expr
      (heredoc_template) @match)))
  (#not-eq? @_attribute "content")
  (#narrow! @match "\"Action\"\\s*:\\s*(?:\\[[^\\]]*?)?(?P<m>\"\\*\")(?:[^{}]|\\$\\{[^{}]*\\})*?\"Effect\"\\s*:\\s*\"Allow\""))
