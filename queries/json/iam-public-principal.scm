; An Allow statement whose Principal is "*", ["*"] or {"AWS": "*"} / {"AWS": [..., "*"]}, without
; a Condition key, in a document that looks like a policy or a CloudFormation template. The
; Effect and Condition checks read the text of the statement object, since their keys may come
; before or after Principal; a Condition anywhere in the statement keeps it quiet.

; "Principal": "*" or ["*"].
((object
  (pair
    key: (string
      (string_content) @_key)
    value: [
      (string
        (string_content) @_principal) @match
      (array
        (string
          (string_content) @_principal) @match)
    ])) @_statement
  (#eq? @_key "Principal")
  (#eq? @_principal "*")
  (#match? @_statement "\"Effect\"\\s*:\\s*\"Allow\"")
  (#not-match? @_statement "\"Condition\"\\s*:")
  (#file-match? @match "\"(?:Statement|AWSTemplateFormatVersion)\"\\s*:"))

; "Principal": {"AWS": "*"} or {"AWS": [..., "*"]}.
((object
  (pair
    key: (string
      (string_content) @_key)
    value: (object
      (pair
        key: (string
          (string_content) @_type)
        value: [
          (string
            (string_content) @_principal) @match
          (array
            (string
              (string_content) @_principal) @match)
        ])))) @_statement
  (#eq? @_key "Principal")
  (#eq? @_type "AWS")
  (#eq? @_principal "*")
  (#match? @_statement "\"Effect\"\\s*:\\s*\"Allow\"")
  (#not-match? @_statement "\"Condition\"\\s*:")
  (#file-match? @match "\"(?:Statement|AWSTemplateFormatVersion)\"\\s*:"))
