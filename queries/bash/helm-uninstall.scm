; helm uninstall RELEASE and its aliases (helm delete, del, un; helm 2's helm delete --purge),
; also after global options such as -n NS or --kube-context CTX. helm plugin uninstall removes
; a local plugin and a --dry-run deletes nothing.
((command) @match
  (#cmd? @match "helm")
  (#subcmd? @match "uninstall|delete|del|un")
  (#not-flag? @match "--dry-run" "-h" "--help")
  (#not-arg? @match "^[\"']?plugin[\"']?$"))
