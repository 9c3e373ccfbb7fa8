; A job `uses: OWNER/REPO/PATH@REF` with `secrets: inherit`, where REF is not a full 40-hex commit
; SHA. Local workflows (`./.github/workflows/x.yml`) are not reported. Keys in either order. The
; file must look like a workflow (top-level `on:` and `jobs:`).

; uses before secrets.
((block_mapping
  (block_mapping_pair
    key: (flow_node) @_uses
    value: (flow_node) @target)
  (block_mapping_pair
    key: (flow_node) @_secrets
    value: (flow_node) @_value) @match)
  (#any-of? @_uses "uses" "\"uses\"" "'uses'")
  (#match? @target "^[\"']?[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/[^@\"']+@")
  (#not-match? @target "@[0-9a-f]{40}[\"']?$")
  (#any-of? @_secrets "secrets" "\"secrets\"" "'secrets'")
  (#any-of? @_value "inherit" "\"inherit\"" "'inherit'")
  (#file-match? @match "(?m)^[\"']?on[\"']?\\s*:")
  (#file-match? @match "(?m)^[\"']?jobs[\"']?\\s*:"))

; secrets before uses.
((block_mapping
  (block_mapping_pair
    key: (flow_node) @_secrets
    value: (flow_node) @_value) @match
  (block_mapping_pair
    key: (flow_node) @_uses
    value: (flow_node) @target))
  (#any-of? @_uses "uses" "\"uses\"" "'uses'")
  (#match? @target "^[\"']?[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/[^@\"']+@")
  (#not-match? @target "@[0-9a-f]{40}[\"']?$")
  (#any-of? @_secrets "secrets" "\"secrets\"" "'secrets'")
  (#any-of? @_value "inherit" "\"inherit\"" "'inherit'")
  (#file-match? @match "(?m)^[\"']?on[\"']?\\s*:")
  (#file-match? @match "(?m)^[\"']?jobs[\"']?\\s*:"))
