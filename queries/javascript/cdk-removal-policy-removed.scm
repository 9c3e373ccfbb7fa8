; Diff rule (kind = "removed"): a CDK construct kept on deletion: `removalPolicy:
; RemovalPolicy.RETAIN` (or SNAPSHOT, RETAIN_ON_UPDATE_OR_DELETE) in the props of
; `new X(scope, "Id", {...})`, `@target` the construct id; or
; `x.applyRemovalPolicy(RemovalPolicy.RETAIN)`, `@target` the construct. One the base version has
; and the current version lacks was removed or switched to DESTROY.

((new_expression
  arguments: (arguments
    (string
      (string_fragment) @target)
    .
    (object
      (pair
        key: (property_identifier) @_key
        value: (member_expression
          object: (_) @_enum
          property: (property_identifier) @_policy)) @match))) @scope
  (#eq? @_key "removalPolicy")
  (#match? @_enum "RemovalPolicy$")
  (#any-of? @_policy "RETAIN" "SNAPSHOT" "RETAIN_ON_UPDATE_OR_DELETE"))

((call_expression
  function: (member_expression
    object: (_) @target
    property: (property_identifier) @_method)
  arguments: (arguments
    .
    (member_expression
      object: (_) @_enum
      property: (property_identifier) @_policy) @match)) @scope
  (#eq? @_method "applyRemovalPolicy")
  (#match? @_enum "RemovalPolicy$")
  (#any-of? @_policy "RETAIN" "SNAPSHOT" "RETAIN_ON_UPDATE_OR_DELETE"))
