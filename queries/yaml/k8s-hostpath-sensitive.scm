; A hostPath volume (in a pod spec or a PersistentVolume) whose path is the node's root, its
; configuration, its container runtime socket, the kubelet's state, the kernel's /proc or /sys,
; or users' home directories. Subdirectories such as /etc/ssl/certs or /var/log stay quiet: they
; are the usual read-mostly mounts of log shippers and CA bundles. A trailing slash and quotes are
; accepted. Only files declaring a Kubernetes `kind:` are considered.

; hostPath:
;   path: /var/run/docker.sock
((block_mapping_pair
  key: (flow_node) @_host_path_key
  value: (block_node
    (block_mapping
      (block_mapping_pair
        key: (flow_node) @_path_key
        value: (flow_node) @target) @match)))
  (#any-of? @_host_path_key "hostPath" "\"hostPath\"" "'hostPath'")
  (#any-of? @_path_key "path" "\"path\"" "'path'")
  (#match? @target "^[\"']?(/|/etc|/var/run/docker\\.sock|/run/docker\\.sock|/run/containerd/containerd\\.sock|/var/run/containerd/containerd\\.sock|/var/run/crio/crio\\.sock|/var/lib/kubelet|/var/lib/docker|/proc|/sys|/root|/home|/dev)/?[\"']?$")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:"))

; hostPath: {path: /, type: Directory}
((block_mapping_pair
  key: (flow_node) @_host_path_key
  value: (flow_node
    (flow_mapping
      (flow_pair
        key: (flow_node) @_path_key
        value: (flow_node) @target) @match)))
  (#any-of? @_host_path_key "hostPath" "\"hostPath\"" "'hostPath'")
  (#any-of? @_path_key "path" "\"path\"" "'path'")
  (#match? @target "^[\"']?(/|/etc|/var/run/docker\\.sock|/run/docker\\.sock|/run/containerd/containerd\\.sock|/var/run/containerd/containerd\\.sock|/var/run/crio/crio\\.sock|/var/lib/kubelet|/var/lib/docker|/proc|/sys|/root|/home|/dev)/?[\"']?$")
  (#file-match? @match "(?m)^[\"']?kind[\"']?\\s*:"))
