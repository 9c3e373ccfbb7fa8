; Official Kubernetes client: CoreV1Api().delete_namespace(name, ...) (and the async
; kubernetes_asyncio client), in a file that imports one of them. The name is the target.

; delete_namespace(NAME, ...): the name positional.
((call
  function: (attribute
    attribute: (identifier) @_method)
  arguments: (argument_list
    .
    (_) @target)) @match
  (#eq? @_method "delete_namespace")
  (#not-kind? @target "keyword_argument" "dictionary_splat" "list_splat")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(kubernetes|kubernetes_asyncio)\\b")
  (#set! message "`delete_namespace` deletes the Kubernetes namespace {target} and every object in it: workloads, services, secrets, config maps and persistent volume claims"))

; delete_namespace(name=NAME, ...) or with the arguments from **kwargs.
((call
  function: (attribute
    attribute: (identifier) @_method)
  arguments: (argument_list
    .
    [
      (keyword_argument)
      (dictionary_splat)
      (list_splat)
    ])) @match
  (#eq? @_method "delete_namespace")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(kubernetes|kubernetes_asyncio)\\b"))
