; AWS SDK for JavaScript v3: any other new Delete*Command(...) in a file that imports an
; @aws-sdk/client-* package: DeleteTableCommand, DeleteFunctionCommand, DeleteRoleCommand,
; DeleteQueueCommand... Left out: the commands with their own rule (DeleteBucket, DeleteDBInstance,
; DeleteDBCluster, DeleteStack), data-plane commands that delete one record or message in normal
; operation (DeleteObject(s), DeleteItem, DeleteMessage(Batch), DeleteAttributes, API Gateway's
; DeleteConnection), tag removals, and DeleteChangeSet (a change set is a proposal; the stack is
; untouched).
((new_expression
  constructor: [
    (identifier) @target
    (member_expression
      property: (property_identifier) @target)
  ]) @match
  (#match? @target "^Delete[A-Z][A-Za-z0-9]*Command$")
  (#not-match? @target "^Delete(Bucket|DBInstance|DBCluster|Stack|Objects?|Item|Message|MessageBatch|Attributes|Connection|ChangeSet|Tags|[A-Za-z0-9]*Tagging)Command$")
  (#file-match? @match "(?m)(\\bfrom\\s*|\\brequire\\(\\s*)['\"]@aws-sdk/client-[a-z0-9-]+['\"]")
  (#set! message "`{target}` deletes an AWS resource at once, with no prompt and for most resources no undo: its data and configuration, and everything that depends on it"))
