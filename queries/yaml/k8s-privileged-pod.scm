; Pod specs that drop the container boundary: a container securityContext with privileged or
; allowPrivilegeEscalation set to true, or a pod spec sharing the node's PID, network or IPC
; namespace. Only files that declare a workload kind are considered, and the host* switches
; must sit in a pod template's spec (or a bare Pod's), so a PodSecurityPolicy's `spec.hostNetwork:
; true` (which allows, not requests) stays quiet. Kubernetes rejects quoted "true" for booleans,
; so only plain true is reported.

; securityContext:
;   privileged: true
((block_mapping_pair
  key: (flow_node) @_context_key
  value: (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @target
        value: (flow_node) @_value) @match)))
  (#any-of? @_context_key "securityContext" "\"securityContext\"" "'securityContext'")
  (#any-of? @target "privileged" "\"privileged\"" "'privileged'")
  (#any-of? @_value "true" "True" "TRUE")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:\\s*[\"']?(Pod|Deployment|DaemonSet|StatefulSet|ReplicaSet|ReplicationController|Job|CronJob)[\"']?\\s*$"))

; securityContext: {privileged: true}
((block_mapping_pair
  key: (flow_node) @_context_key
  value: (flow_node
    (flow_mapping
      (flow_pair
        key: (flow_node) @target
        value: (flow_node) @_value) @match)))
  (#any-of? @_context_key "securityContext" "\"securityContext\"" "'securityContext'")
  (#any-of? @target "privileged" "\"privileged\"" "'privileged'")
  (#any-of? @_value "true" "True" "TRUE")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:\\s*[\"']?(Pod|Deployment|DaemonSet|StatefulSet|ReplicaSet|ReplicationController|Job|CronJob)[\"']?\\s*$"))

; securityContext:
;   allowPrivilegeEscalation: true
((block_mapping_pair
  key: (flow_node) @_context_key
  value: (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @target
        value: (flow_node) @_value) @match)))
  (#any-of? @_context_key "securityContext" "\"securityContext\"" "'securityContext'")
  (#any-of? @target "allowPrivilegeEscalation" "\"allowPrivilegeEscalation\"" "'allowPrivilegeEscalation'")
  (#any-of? @_value "true" "True" "TRUE")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:\\s*[\"']?(Pod|Deployment|DaemonSet|StatefulSet|ReplicaSet|ReplicationController|Job|CronJob)[\"']?\\s*$")
  (#set! message "container sets `allowPrivilegeEscalation: true`: a setuid binary or file capability inside it can gain more privileges than the process started with, the usual first step of a container escape to the node"))

; securityContext: {allowPrivilegeEscalation: true}
((block_mapping_pair
  key: (flow_node) @_context_key
  value: (flow_node
    (flow_mapping
      (flow_pair
        key: (flow_node) @target
        value: (flow_node) @_value) @match)))
  (#any-of? @_context_key "securityContext" "\"securityContext\"" "'securityContext'")
  (#any-of? @target "allowPrivilegeEscalation" "\"allowPrivilegeEscalation\"" "'allowPrivilegeEscalation'")
  (#any-of? @_value "true" "True" "TRUE")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:\\s*[\"']?(Pod|Deployment|DaemonSet|StatefulSet|ReplicaSet|ReplicationController|Job|CronJob)[\"']?\\s*$")
  (#set! message "container sets `allowPrivilegeEscalation: true`: a setuid binary or file capability inside it can gain more privileges than the process started with, the usual first step of a container escape to the node"))

; A workload's pod template: template: spec: hostPID|hostNetwork|hostIPC: true (CronJobs nest
; theirs under jobTemplate.spec, which ends in the same template.spec).
((block_mapping_pair
  key: (flow_node) @_template_key
  value: (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @_spec_key
        value: (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @target
              value: (flow_node) @_value) @match))))))
  (#any-of? @_template_key "template" "\"template\"" "'template'")
  (#any-of? @_spec_key "spec" "\"spec\"" "'spec'")
  (#any-of? @target "hostPID" "hostNetwork" "hostIPC" "\"hostPID\"" "\"hostNetwork\"" "\"hostIPC\"" "'hostPID'" "'hostNetwork'" "'hostIPC'")
  (#any-of? @_value "true" "True" "TRUE")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:\\s*[\"']?(Deployment|DaemonSet|StatefulSet|ReplicaSet|ReplicationController|Job|CronJob)[\"']?\\s*$")
  (#set! message "pod spec sets `{target}: true`: the pod shares the node's own namespace, so it can see or signal every process, sniff or bind every port, or reach the shared memory of every other pod on that node"))

; A bare Pod: the document's top-level spec: hostPID|hostNetwork|hostIPC: true. A
; PodSecurityPolicy's top-level spec looks the same, so this needs a `kind: Pod` in the file.
((document
  (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @_spec_key
        value: (block_node
          (block_mapping
            (block_mapping_pair
              key: (flow_node) @target
              value: (flow_node) @_value) @match))))))
  (#any-of? @_spec_key "spec" "\"spec\"" "'spec'")
  (#any-of? @target "hostPID" "hostNetwork" "hostIPC" "\"hostPID\"" "\"hostNetwork\"" "\"hostIPC\"" "'hostPID'" "'hostNetwork'" "'hostIPC'")
  (#any-of? @_value "true" "True" "TRUE")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:\\s*[\"']?Pod[\"']?\\s*$")
  (#set! message "pod spec sets `{target}: true`: the pod shares the node's own namespace, so it can see or signal every process, sniff or bind every port, or reach the shared memory of every other pod on that node"))
