; CloudFormation / SAM / Serverless policy statements in YAML: Principal "*" or AWS "*" in a
; statement mapping whose Effect is Allow and which has no Condition key. The statement mapping is
; small, so its text is read for the Effect and Condition keys, which may come in any order. "*"
; must be quoted in YAML (a bare * starts an alias), so only quoted forms exist.

; Principal: "*"
((block_mapping
  (block_mapping_pair
    key: (flow_node) @_key
    value: (flow_node) @match)) @_statement
  (#any-of? @_key "Principal" "\"Principal\"" "'Principal'")
  (#any-of? @match "\"*\"" "'*'")
  (#match? @_statement "\\bEffect[\"']?\\s*:\\s*[\"']?Allow\\b")
  (#not-match? @_statement "\\bCondition[\"']?\\s*:")
  (#file-match? @match "(?m)^\\s*[\"']?(AWSTemplateFormatVersion|Statement)[\"']?\\s*:"))

; Principal:
;   AWS: "*"
((block_mapping
  (block_mapping_pair
    key: (flow_node) @_key
    value: (block_node
      (block_mapping
        (block_mapping_pair
          key: (flow_node) @_type
          value: (flow_node) @match))))) @_statement
  (#any-of? @_key "Principal" "\"Principal\"" "'Principal'")
  (#any-of? @_type "AWS" "\"AWS\"" "'AWS'")
  (#any-of? @match "\"*\"" "'*'")
  (#match? @_statement "\\bEffect[\"']?\\s*:\\s*[\"']?Allow\\b")
  (#not-match? @_statement "\\bCondition[\"']?\\s*:")
  (#file-match? @match "(?m)^\\s*[\"']?(AWSTemplateFormatVersion|Statement)[\"']?\\s*:"))

; Principal: {AWS: "*"}
((block_mapping
  (block_mapping_pair
    key: (flow_node) @_key
    value: (flow_node
      (flow_mapping
        (flow_pair
          key: (flow_node) @_type
          value: (flow_node) @match))))) @_statement
  (#any-of? @_key "Principal" "\"Principal\"" "'Principal'")
  (#any-of? @_type "AWS" "\"AWS\"" "'AWS'")
  (#any-of? @match "\"*\"" "'*'")
  (#match? @_statement "\\bEffect[\"']?\\s*:\\s*[\"']?Allow\\b")
  (#not-match? @_statement "\\bCondition[\"']?\\s*:")
  (#file-match? @match "(?m)^\\s*[\"']?(AWSTemplateFormatVersion|Statement)[\"']?\\s*:"))
