; A PersistentVolume's spec.persistentVolumeReclaimPolicy: Delete, or a StorageClass's top-level
; reclaimPolicy: Delete. The file must declare the kind (StorageClass is matched on its own line,
; so a Helm values file mentioning both keys stays quiet unless it declares one).

; kind: PersistentVolume ... spec: persistentVolumeReclaimPolicy: Delete
((block_mapping_pair
  key: (flow_node) @_spec
  value: (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @_key
        value: (flow_node) @_value) @match)))
  (#any-of? @_spec "spec" "\"spec\"" "'spec'")
  (#any-of? @_key "persistentVolumeReclaimPolicy" "\"persistentVolumeReclaimPolicy\"" "'persistentVolumeReclaimPolicy'")
  (#any-of? @_value "Delete" "\"Delete\"" "'Delete'")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:\\s*[\"']?PersistentVolume[\"']?\\s*$")
  (#set! message "PersistentVolume with reclaim policy `Delete`: deleting its claim (a namespace cleanup, a Helm uninstall, a prune) deletes the backing disk and all data on it"))

; kind: StorageClass ... reclaimPolicy: Delete (a top-level key of the document).
((document
  (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @_key
        value: (flow_node) @_value) @match)))
  (#any-of? @_key "reclaimPolicy" "\"reclaimPolicy\"" "'reclaimPolicy'")
  (#any-of? @_value "Delete" "\"Delete\"" "'Delete'")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:\\s*[\"']?StorageClass[\"']?\\s*$")
  (#set! message "StorageClass with reclaim policy `Delete`: every volume provisioned from it is deleted, data included, as soon as its claim is deleted"))
