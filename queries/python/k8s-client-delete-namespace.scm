; Official Kubernetes client: CoreV1Api().delete_namespace(name, ...) (and the async
; kubernetes_asyncio client), in a file that imports one of them. The name, when given first or
; as name=, is the target.
((call
  function: (attribute
    attribute: (identifier) @_method)
  arguments: (argument_list
    .
    [
      (keyword_argument
        name: (identifier) @_key
        value: (_) @target)
      (_) @target
    ])) @match
  (#eq? @_method "delete_namespace")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(kubernetes|kubernetes_asyncio)\\b")
  (#set! message "`delete_namespace` deletes the Kubernetes namespace {target} and every object in it: workloads, services, secrets, config maps and persistent volume claims"))
