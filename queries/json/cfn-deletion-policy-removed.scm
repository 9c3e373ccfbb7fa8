; Diff rule (kind = "removed"): a resource's DeletionPolicy or UpdateReplacePolicy of Retain,
; RetainExceptOnCreate or Snapshot in a CloudFormation JSON template (a member of the
; "Resources" object). One that the base version has and the current version lacks was removed
; or switched to Delete.
((pair
  key: (string
    (string_content) @_resources)
  value: (object
    (pair
      key: (string
        (string_content) @target)
      value: (object
        (pair
          key: (string
            (string_content) @_policy_key)
          value: (string
            (string_content) @_policy)) @match)) @scope))
  (#eq? @_resources "Resources")
  (#any-of? @_policy_key "DeletionPolicy" "UpdateReplacePolicy")
  (#any-of? @_policy "Retain" "RetainExceptOnCreate" "Snapshot"))
