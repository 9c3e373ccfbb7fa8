; syncPolicy: { automated: { prune: true, allowEmpty: true } } in an Argo CD Application or
; ApplicationSet template, keys in either order. The finding is on allowEmpty.

; prune before allowEmpty.
((block_mapping_pair
  key: (flow_node) @_automated
  value: (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @_prune
        value: (flow_node) @_prune_value)
      (block_mapping_pair
        key: (flow_node) @_allow
        value: (flow_node) @_allow_value) @match)))
  (#any-of? @_automated "automated" "\"automated\"" "'automated'")
  (#any-of? @_prune "prune" "\"prune\"" "'prune'")
  (#any-of? @_prune_value "true" "True" "TRUE")
  (#any-of? @_allow "allowEmpty" "\"allowEmpty\"" "'allowEmpty'")
  (#any-of? @_allow_value "true" "True" "TRUE")
  (#file-match? @match "(?m)^[\"']?apiVersion[\"']?\\s*:\\s*[\"']?argoproj\\.io/"))

; allowEmpty before prune.
((block_mapping_pair
  key: (flow_node) @_automated
  value: (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @_allow
        value: (flow_node) @_allow_value) @match
      (block_mapping_pair
        key: (flow_node) @_prune
        value: (flow_node) @_prune_value))))
  (#any-of? @_automated "automated" "\"automated\"" "'automated'")
  (#any-of? @_prune "prune" "\"prune\"" "'prune'")
  (#any-of? @_prune_value "true" "True" "TRUE")
  (#any-of? @_allow "allowEmpty" "\"allowEmpty\"" "'allowEmpty'")
  (#any-of? @_allow_value "true" "True" "TRUE")
  (#file-match? @match "(?m)^[\"']?apiVersion[\"']?\\s*:\\s*[\"']?argoproj\\.io/"))
