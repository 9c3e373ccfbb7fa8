; A `pull_request_target` workflow that checks out the pull request's own code: an
; actions/checkout step whose `ref` is the PR head (head.sha, head.ref, github.head_ref), its
; merge commit, or a refs/pull/<n>/... ref. The trigger is read from the file: `on:` naming
; pull_request_target inline, as a list item, or as a mapping key. Checkouts of the base branch
; (the default for this trigger) stay quiet. The patterns start at a `steps` list, so matching
; `uses` and `with` as siblings stays inside each small step mapping.

; steps:
;   - uses: actions/checkout@...
;     with:
;       ref: ${{ github.event.pull_request.head.sha }}
((block_mapping_pair
  key: (flow_node) @_steps_key
  value: (block_node
    (block_sequence
      (block_sequence_item
        (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @_uses_key
              value: (flow_node) @_action)
            (block_mapping_pair
              key: (flow_node) @_with_key
              value: (block_node
                (block_mapping
                  (block_mapping_pair
                    key: (flow_node) @_ref_key
                    value: (flow_node) @target) @match)))))))))
  (#any-of? @_steps_key "steps" "\"steps\"" "'steps'")
  (#any-of? @_uses_key "uses" "\"uses\"" "'uses'")
  (#match? @_action "^[\"']?actions/checkout@")
  (#any-of? @_with_key "with" "\"with\"" "'with'")
  (#any-of? @_ref_key "ref" "\"ref\"" "'ref'")
  (#match? @target "github\\.event\\.pull_request\\.(head\\.(sha|ref)|merge_commit_sha)|github\\.head_ref|refs/pull/")
  (#file-match? @match "(?m)^[\"']?on[\"']?\\s*:[^\\n#]*\\bpull_request_target\\b|^\\s+-\\s+[\"']?pull_request_target\\b|^\\s+[\"']?pull_request_target[\"']?\\s*:"))

; The same step with `with:` written before `uses:`.
((block_mapping_pair
  key: (flow_node) @_steps_key
  value: (block_node
    (block_sequence
      (block_sequence_item
        (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @_with_key
              value: (block_node
                (block_mapping
                  (block_mapping_pair
                    key: (flow_node) @_ref_key
                    value: (flow_node) @target) @match)))
            (block_mapping_pair
              key: (flow_node) @_uses_key
              value: (flow_node) @_action)))))))
  (#any-of? @_steps_key "steps" "\"steps\"" "'steps'")
  (#any-of? @_uses_key "uses" "\"uses\"" "'uses'")
  (#match? @_action "^[\"']?actions/checkout@")
  (#any-of? @_with_key "with" "\"with\"" "'with'")
  (#any-of? @_ref_key "ref" "\"ref\"" "'ref'")
  (#match? @target "github\\.event\\.pull_request\\.(head\\.(sha|ref)|merge_commit_sha)|github\\.head_ref|refs/pull/")
  (#file-match? @match "(?m)^[\"']?on[\"']?\\s*:[^\\n#]*\\bpull_request_target\\b|^\\s+-\\s+[\"']?pull_request_target\\b|^\\s+[\"']?pull_request_target[\"']?\\s*:"))
