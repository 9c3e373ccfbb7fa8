; A ClusterRoleBinding or RoleBinding whose roleRef names the built-in cluster-admin ClusterRole.
; The file must declare a binding kind; only a `roleRef` mapping is inspected, so a binding or a
; subject that is merely called cluster-admin stays quiet. Keys and values may be plain or quoted.

; roleRef:
;   kind: ClusterRole
;   name: cluster-admin
((block_mapping_pair
  key: (flow_node) @_ref_key
  value: (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @_role_key
        value: (flow_node) @target) @match)))
  (#any-of? @_ref_key "roleRef" "\"roleRef\"" "'roleRef'")
  (#any-of? @_role_key "name" "\"name\"" "'name'")
  (#any-of? @target "cluster-admin" "\"cluster-admin\"" "'cluster-admin'")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:\\s*[\"']?(Cluster)?RoleBinding[\"']?\\s*$"))

; roleRef: {kind: ClusterRole, name: cluster-admin}
((block_mapping_pair
  key: (flow_node) @_ref_key
  value: (flow_node
    (flow_mapping
      (flow_pair
        key: (flow_node) @_role_key
        value: (flow_node) @target) @match)))
  (#any-of? @_ref_key "roleRef" "\"roleRef\"" "'roleRef'")
  (#any-of? @_role_key "name" "\"name\"" "'name'")
  (#any-of? @target "cluster-admin" "\"cluster-admin\"" "'cluster-admin'")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:\\s*[\"']?(Cluster)?RoleBinding[\"']?\\s*$"))
