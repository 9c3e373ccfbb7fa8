; Diff rule (kind = "removed"): the limits a workflow puts on its token, in files that look like
; workflows (a top-level `on:` and `jobs:`): `permissions: read-all` or `{}`, and each scope of a
; `permissions:` mapping set to `read` or `none`. One the base version has and the current version
; lacks was widened or removed.

; permissions: read-all / permissions: {}
((block_mapping_pair
  key: (flow_node) @target
  value: (flow_node) @_value) @match @scope
  (#any-of? @target "permissions" "\"permissions\"" "'permissions'")
  (#match? @_value "^([\"']?read-all[\"']?|\\{\\s*\\})$")
  (#file-match? @match "(?m)^[\"']?on[\"']?\\s*:")
  (#file-match? @match "(?m)^[\"']?jobs[\"']?\\s*:"))

; permissions: { <scope>: read | none }, block style
((block_mapping_pair
  key: (flow_node) @target
  value: (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node)
        value: (flow_node) @_value) @match))) @scope
  (#any-of? @target "permissions" "\"permissions\"" "'permissions'")
  (#match? @_value "^[\"']?(read|none)[\"']?$")
  (#file-match? @match "(?m)^[\"']?on[\"']?\\s*:")
  (#file-match? @match "(?m)^[\"']?jobs[\"']?\\s*:"))
