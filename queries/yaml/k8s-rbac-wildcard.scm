; A Kubernetes ClusterRole or Role whose rules list "*" among their verbs, resources or apiGroups.
; The file must declare a ClusterRole or Role kind. A wildcard in resources or apiGroups counts
; only in a rule item that also has `verbs` after it (the order of both kubectl output and
; hand-written RBAC), so an admission webhook's `rules` (operations, not verbs) stays quiet.
; Keys and values may be plain, single- or double-quoted; a bare `*` is not valid YAML (it
; starts an alias), so the wildcard is always quoted. Sequences may be flow (`["*"]`) or block
; (`- "*"`). The patterns start at the `rules` list so sibling matching stays inside its small
; rule items.

; rules: - verbs: ["*"] | - "*"
((block_mapping_pair
  key: (flow_node) @_rules_key
  value: (block_node
    (block_sequence
      (block_sequence_item
        (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @target
              value: [
                (flow_node
                  (flow_sequence
                    (flow_node) @_value @match))
                (block_node
                  (block_sequence
                    (block_sequence_item
                      (flow_node) @_value @match)))
              ])))))))
  (#any-of? @_rules_key "rules" "\"rules\"" "'rules'")
  (#any-of? @target "verbs" "\"verbs\"" "'verbs'")
  (#any-of? @_value "\"*\"" "'*'")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:\\s*[\"']?(Cluster)?Role[\"']?\\s*$"))

; rules: - apiGroups|resources: ["*"] ... verbs: [...]
((block_mapping_pair
  key: (flow_node) @_rules_key
  value: (block_node
    (block_sequence
      (block_sequence_item
        (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @target
              value: [
                (flow_node
                  (flow_sequence
                    (flow_node) @_value @match))
                (block_node
                  (block_sequence
                    (block_sequence_item
                      (flow_node) @_value @match)))
              ])
            (block_mapping_pair
              key: (flow_node) @_verbs_key)))))))
  (#any-of? @_rules_key "rules" "\"rules\"" "'rules'")
  (#any-of? @target "resources" "apiGroups" "\"resources\"" "\"apiGroups\"" "'resources'" "'apiGroups'")
  (#any-of? @_value "\"*\"" "'*'")
  (#any-of? @_verbs_key "verbs" "\"verbs\"" "'verbs'")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:\\s*[\"']?(Cluster)?Role[\"']?\\s*$"))
