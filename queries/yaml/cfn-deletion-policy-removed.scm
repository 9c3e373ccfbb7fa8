; Diff rule (kind = "removed"): a resource's DeletionPolicy or UpdateReplacePolicy of Retain,
; RetainExceptOnCreate or Snapshot, in files that look like CloudFormation templates. One that
; the base version has and the current version lacks was removed or switched to Delete.
((block_mapping_pair
  key: (flow_node) @target
  value: (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @_policy_key
        value: (flow_node) @_policy) @match))) @scope
  (#any-of? @_policy_key "DeletionPolicy" "\"DeletionPolicy\"" "'DeletionPolicy'" "UpdateReplacePolicy" "\"UpdateReplacePolicy\"" "'UpdateReplacePolicy'")
  (#match? @_policy "^[\"']?(Retain|RetainExceptOnCreate|Snapshot)[\"']?$")
  (#file-match? @match "AWSTemplateFormatVersion|(?m)^[\"']?Resources[\"']?\\s*:"))
