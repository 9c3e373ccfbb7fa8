; data "aws_iam_policy_document" statement { principals { type = "*" | "AWS", identifiers = [.., "*"] } }
; without a condition block; effect defaults to Allow, so only an explicit effect = "Deny" is safe.
; The type and the condition are read from the text of the principals and statement blocks.
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
        (block
          (identifier) @_principals_block
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
                          (template_literal) @_identifier) @match))))))) @_principals)) @_statement)))
  (#eq? @_block "data")
  (#eq? @_type "aws_iam_policy_document")
  (#eq? @_statement_block "statement")
  (#eq? @_principals_block "principals")
  (#eq? @_name "identifiers")
  (#eq? @_identifier "*")
  (#match? @_principals "\\btype\\s*=\\s*\"(\\*|AWS)\"")
  (#not-match? @_statement "\\bcondition\\s*\\{")
  (#not-match? @_statement "\\beffect\\s*=\\s*\"Deny\""))

; jsonencode({ Statement = [{ Effect = "Allow", Principal = "*" | { AWS = "*" } }] }) without a
; Condition key in the statement, keys bare or quoted.
((function_call
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
                                  (template_literal) @_principal) @match)
                              (collection_value
                                (object
                                  (object_elem
                                    key: (expression) @_aws
                                    val: (expression
                                      (literal_value
                                        (string_lit
                                          (template_literal) @_principal) @match)))))
                            ]))) @_statement)))))))))))
  (#eq? @_function "jsonencode")
  (#match? @_statements_key "^\"?Statement\"?$")
  (#match? @_key "^\"?Principal\"?$")
  (#eq? @_principal "*")
  (#match? @_statement "\\bEffect\"?\\s*[=:]\\s*\"Allow\"")
  (#not-match? @_statement "\\bCondition\"?\\s*[=:]"))
