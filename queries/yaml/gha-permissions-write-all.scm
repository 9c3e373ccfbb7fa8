; GitHub Actions `permissions: write-all`, at the workflow or the job level. The file must look
; like a workflow (a top-level `on:` trigger and a top-level `jobs:` mapping), so other YAML that
; happens to use a `permissions` key stays quiet. The value may be plain or quoted.
((block_mapping_pair
  key: (flow_node) @_key
  value: (flow_node) @target) @match
  (#any-of? @_key "permissions" "\"permissions\"" "'permissions'")
  (#any-of? @target "write-all" "\"write-all\"" "'write-all'")
  (#file-match? @match "(?m)^[\"']?on[\"']?\\s*:")
  (#file-match? @match "(?m)^[\"']?jobs[\"']?\\s*:"))
