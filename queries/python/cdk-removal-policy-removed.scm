; Diff rule (kind = "removed"): a CDK construct kept on deletion:
; `removal_policy=RemovalPolicy.RETAIN` (or SNAPSHOT, RETAIN_ON_UPDATE_OR_DELETE) in a construct
; call `X(scope, "Id", ...)`, `@target` the construct id; or
; `x.apply_removal_policy(RemovalPolicy.RETAIN)`, `@target` the construct. One the base version
; has and the current version lacks was removed or switched to DESTROY.

((call
  arguments: (argument_list
    (string
      (string_content) @target)
    (keyword_argument
      name: (identifier) @_key
      value: (attribute
        object: (_) @_enum
        attribute: (identifier) @_policy)) @match)) @scope
  (#eq? @_key "removal_policy")
  (#match? @_enum "RemovalPolicy$")
  (#any-of? @_policy "RETAIN" "SNAPSHOT" "RETAIN_ON_UPDATE_OR_DELETE"))

((call
  function: (attribute
    object: (_) @target
    attribute: (identifier) @_method)
  arguments: (argument_list
    .
    (attribute
      object: (_) @_enum
      attribute: (identifier) @_policy) @match)) @scope
  (#eq? @_method "apply_removal_policy")
  (#match? @_enum "RemovalPolicy$")
  (#any-of? @_policy "RETAIN" "SNAPSHOT" "RETAIN_ON_UPDATE_OR_DELETE"))
