; Diff rule (kind = "renamed"): the kind (`@target`) and `metadata.name` (`@match`) of each
; Namespace, PersistentVolumeClaim and StatefulSet manifest. One of the base version gone while a
; new one of the same kind appeared is a rename; one gone with no new one of its kind was
; deleted (`@scope`, the manifest, says where it began).

; kind before metadata (the usual order)
((block_mapping
  (block_mapping_pair
    key: (flow_node) @_kind_key
    value: (flow_node) @target)
  (block_mapping_pair
    key: (flow_node) @_metadata
    value: (block_node
      (block_mapping
        (block_mapping_pair
          key: (flow_node) @_name_key
          value: (flow_node) @match))))) @scope
  (#eq? @_kind_key "kind")
  (#any-of? @target "Namespace" "PersistentVolumeClaim" "StatefulSet")
  (#eq? @_metadata "metadata")
  (#eq? @_name_key "name"))

; metadata before kind
((block_mapping
  (block_mapping_pair
    key: (flow_node) @_metadata
    value: (block_node
      (block_mapping
        (block_mapping_pair
          key: (flow_node) @_name_key
          value: (flow_node) @match))))
  (block_mapping_pair
    key: (flow_node) @_kind_key
    value: (flow_node) @target)) @scope
  (#eq? @_kind_key "kind")
  (#any-of? @target "Namespace" "PersistentVolumeClaim" "StatefulSet")
  (#eq? @_metadata "metadata")
  (#eq? @_name_key "name"))
