; GitHub Actions `run:` steps and GitLab CI `script:` lines are shell scripts.
(block_mapping_pair
  key: (flow_node) @_key
  value: [
    (flow_node)
    (block_node
      (block_scalar))
  ] @shell
  (#eq? @_key "run"))

(block_mapping_pair
  key: (flow_node) @_key
  value: (block_node
    (block_sequence
      (block_sequence_item
        (flow_node) @shell)))
  (#any-of? @_key "script" "before_script" "after_script"))

; Kubernetes `command:` lists: ["sh", "-c", "..."] is read as the command it spells.
(block_mapping_pair
  key: (flow_node) @_key
  value: [
    (flow_node
      (flow_sequence) @argv)
    (block_node
      (block_sequence) @argv)
  ]
  (#eq? @_key "command"))
