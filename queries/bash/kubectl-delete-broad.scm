; kubectl delete ns|namespace|namespaces NAME...: the resource kind must be one of the two
; operands after delete (a -n value may come between), so in `kubectl delete pod x -n ns` the
; namespace value does not count.
((command) @match
  (#cmd? @match "kubectl")
  (#subcmd? @match "delete" "ns|namespace|namespaces")
  (#not-flag? @match "--all" "--dry-run")
  (#set! message "`kubectl delete namespace` deletes the namespace and every object in it: deployments, services, secrets, config maps and persistent volume claims (and, with the default reclaim policy, their volumes)"))

; kubectl delete namespace/NAME, ns/NAME, or a kind list that includes namespaces (deploy,ns).
((command) @match
  (#cmd? @match "kubectl")
  (#subcmd? @match "delete")
  (#arg? @match "^[\"']?(([a-z.]+,)*(ns|namespaces?)/[^ ]+|([a-z.]+,)+(ns|namespaces?)(,[a-z.]+)*[\"']?$|(ns|namespaces?)(,[a-z.]+)+[\"']?$)")
  (#not-flag? @match "--dry-run")
  (#set! message "`kubectl delete {target}` deletes a namespace and every object in it: deployments, services, secrets, config maps and persistent volume claims"))

; kubectl delete ns --all: every namespace of the cluster.
((command) @match
  (#cmd? @match "kubectl")
  (#subcmd? @match "delete" "ns|namespace|namespaces")
  (#flag? @match "--all")
  (#not-flag? @match "--dry-run")
  (#set! message "`kubectl delete namespaces --all` deletes every namespace of the cluster but `default`, `kube-system` and `kube-public`, and everything in them"))

; kubectl delete KIND --all in one namespace.
((command) @match
  (#cmd? @match "kubectl")
  (#subcmd? @match "delete")
  (#flag? @match "--all")
  (#not-flag? @match "-A" "--all-namespaces" "--dry-run")
  (#not-arg? @match "^[\"']?(ns|namespaces?)[\"']?$")
  (#set! message "`kubectl delete --all` deletes every object of the named kinds in the namespace, not only the ones this script created"))

; kubectl delete KIND --all -A: every object of those kinds in every namespace.
((command) @match
  (#cmd? @match "kubectl")
  (#subcmd? @match "delete")
  (#flag? @match "--all")
  (#flag? @match "-A" "--all-namespaces")
  (#not-flag? @match "--dry-run")
  (#not-arg? @match "^[\"']?(ns|namespaces?)[\"']?$")
  (#set! message "`kubectl delete --all --all-namespaces` deletes every object of the named kinds in every namespace of the cluster"))

; kubectl delete KIND -l selector -A: whatever the label selector matches, in every namespace.
; A field selector alone (status.phase==Succeeded, the usual cleanup of finished pods) stays
; quiet.
((command) @match
  (#cmd? @match "kubectl")
  (#subcmd? @match "delete")
  (#flag? @match "-A" "--all-namespaces")
  (#not-flag? @match "--all" "--field-selector" "--dry-run")
  (#set! message "`kubectl delete --all-namespaces` deletes the matching objects in every namespace of the cluster, other teams' included"))
