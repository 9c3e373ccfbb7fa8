; client-go: clientset.CoreV1().Namespaces().Delete(ctx, name, opts). Namespaces() takes no
; argument, unlike the namespaced clients (Pods(ns), Secrets(ns)), whose Delete removes one object.
((call_expression
  function: (selector_expression
    operand: (call_expression
      function: (selector_expression
        field: (field_identifier) @_namespaces)
      arguments: (argument_list) @_args)
    field: (field_identifier) @_method)
  arguments: (argument_list
    .
    (_)
    .
    (_) @target)) @match
  (#eq? @_namespaces "Namespaces")
  (#eq? @_args "()")
  (#eq? @_method "Delete")
  (#file-match? @match "\"k8s\\.io/client-go/")
  (#set! message "deletes the Kubernetes namespace {target} and every object in it: workloads, services, secrets, config maps and persistent volume claims"))

; controller-runtime: c.Delete(ctx, &corev1.Namespace{...}).
((call_expression
  function: (selector_expression
    field: (field_identifier) @_method)
  arguments: (argument_list
    (unary_expression
      operand: (composite_literal
        type: (qualified_type
          name: (type_identifier) @_type))))) @match
  (#eq? @_method "Delete")
  (#eq? @_type "Namespace")
  (#file-match? @match "\"k8s\\.io/api/core/v1\""))
