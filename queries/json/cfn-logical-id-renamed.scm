; Diff rule (kind = "renamed"): each resource of a CloudFormation JSON template is an address
; (`@target` its "Type", `@match` its logical id, the key in the "Resources" object). A logical
; id gone while a new one of the same type with an otherwise identical definition appeared is a
; rename, which CloudFormation carries out as create-new, delete-old.
((pair
  key: (string
    (string_content) @_resources)
  value: (object
    (pair
      key: (string
        (string_content) @match)
      value: (object
        (pair
          key: (string
            (string_content) @_type_key)
          value: (string
            (string_content) @target)))) @scope))
  (#eq? @_resources "Resources")
  (#eq? @_type_key "Type")
  (#match? @target "^(AWS|Custom)::")
  (#set! role "exact"))
