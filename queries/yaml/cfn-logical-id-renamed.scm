; Diff rule (kind = "renamed"): each resource of a CloudFormation template is an address
; (`@target` its `Type`, `@match` its logical id, the key under `Resources:`). A logical id gone
; while a new one of the same type with an otherwise identical definition appeared is a rename,
; which CloudFormation carries out as create-new, delete-old.
((block_mapping_pair
  key: (flow_node) @_resources
  value: (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @match
        value: (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @_type_key
              value: (flow_node) @target)))) @scope)))
  (#any-of? @_resources "Resources" "\"Resources\"" "'Resources'")
  (#any-of? @_type_key "Type" "\"Type\"" "'Type'")
  (#match? @target "^[\"']?(AWS|Custom)::")
  (#set! role "exact"))
