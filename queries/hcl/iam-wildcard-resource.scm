; "*" as the resource of an Allow statement whose actions are not all read-only. Read-only means
; every action is a Describe*, List*, Get* or BatchGet* action (these often have no resource-level
; permissions and need "*"). Statements with a Principal are resource policies (KMS key, bucket,
; queue policies), where "*" means the resource the policy is attached to, and stay quiet, as do
; Deny statements and SCPs (the `content` argument).

; jsonencode({ Statement = [{ Effect = "Allow", Action = [...], Resource = "*" | [..., "*"] }] })
; with literal actions (a string or a list; a variable is not judged) not all read-only.
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
                                      (template_literal) @_resource) @match)
                                  (collection_value
                                    (tuple
                                      (expression
                                        (literal_value
                                          (string_lit
                                            (template_literal) @_resource) @match))))
                                ]))) @_statement)))))))))))))
  (#eq? @_function "jsonencode")
  (#not-eq? @_attribute "content")
  (#match? @_statements_key "^\"?Statement\"?$")
  (#match? @_key "^\"?Resource\"?$")
  (#eq? @_resource "*")
  (#match? @_statement "\\bEffect\"?\\s*[=:]\\s*\"Allow\"")
  (#not-match? @_statement "\\b(?:Not)?Principal\"?\\s*[=:]")
  (#match? @_statement "\\b(?:Not)?Action\"?\\s*[=:]\\s*[\\[\"]")
  (#not-match? @_statement "\\bAction\"?\\s*[=:]\\s*(?:\"[A-Za-z0-9-]+:(?i:Describe|List|Get|BatchGet)[^\"]*\"|\\[(?:\\s|,|#[^\\n]*|//[^\\n]*|\"[A-Za-z0-9-]+:(?i:Describe|List|Get|BatchGet)[^\"]*\")*\\])"))

; data "aws_iam_policy_document" statement { resources = ["*"] } with literal actions not all
; read-only, no principals, and not effect = "Deny".
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
                      (template_literal) @_resource) @match))))))) @_statement)))
  (#eq? @_block "data")
  (#eq? @_type "aws_iam_policy_document")
  (#eq? @_statement_block "statement")
  (#eq? @_name "resources")
  (#eq? @_resource "*")
  (#not-match? @_statement "\\beffect\\s*=\\s*\"Deny\"")
  (#not-match? @_statement "principals\\s*\\{")
  (#match? @_statement "\\b(?:not_)?actions\\s*=\\s*\\[")
  (#not-match? @_statement "\\bactions\\s*=\\s*\\[(?:\\s|,|#[^\\n]*|//[^\\n]*|\"[A-Za-z0-9-]+:(?i:Describe|List|Get|BatchGet)[^\"]*\")*\\]"))

; Heredoc JSON: a regex cannot tell read-only action lists from others, so here "Resource": "*" is
; reported only when the same Allow statement has a wildcard action ("*" or "service:*"). The
; text between the keys may not leave the statement (see iam-wildcard-action). Resource after
; Effect and Action, in either order of those two; a heredoc with a Principal anywhere is a
; resource policy and stays quiet.
((attribute
  (identifier) @_attribute
  (expression
    (template_expr
      (heredoc_template) @match)))
  (#not-eq? @_attribute "content")
  (#not-match? @match "\"(?:Not)?Principal\"\\s*:")
  (#narrow! @match "(?:\"Effect\"\\s*:\\s*\"Allow\"(?:[^{}]|\\$\\{[^{}]*\\})*?\"Action\"\\s*:\\s*(?:\\[[^\\]]*?)?\"(?:[A-Za-z0-9-]+:)?\\*\"|\"Action\"\\s*:\\s*(?:\\[[^\\]]*?)?\"(?:[A-Za-z0-9-]+:)?\\*\"(?:[^{}]|\\$\\{[^{}]*\\})*?\"Effect\"\\s*:\\s*\"Allow\")(?:[^{}]|\\$\\{[^{}]*\\})*?\"Resource\"\\s*:\\s*(?:\\[[^\\]]*?)?(?P<m>\"\\*\")"))

; Heredoc JSON, "Resource": "*" before Effect and Action.
((attribute
  (identifier) @_attribute
  (expression
    (template_expr
      (heredoc_template) @match)))
  (#not-eq? @_attribute "content")
  (#not-match? @match "\"(?:Not)?Principal\"\\s*:")
  (#narrow! @match "\"Resource\"\\s*:\\s*(?:\\[[^\\]]*?)?(?P<m>\"\\*\")(?:[^{}]|\\$\\{[^{}]*\\})*?(?:\"Effect\"\\s*:\\s*\"Allow\"(?:[^{}]|\\$\\{[^{}]*\\})*?\"Action\"\\s*:\\s*(?:\\[[^\\]]*?)?\"(?:[A-Za-z0-9-]+:)?\\*\"|\"Action\"\\s*:\\s*(?:\\[[^\\]]*?)?\"(?:[A-Za-z0-9-]+:)?\\*\"(?:[^{}]|\\$\\{[^{}]*\\})*?\"Effect\"\\s*:\\s*\"Allow\")"))
