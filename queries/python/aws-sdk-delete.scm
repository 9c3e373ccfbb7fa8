; Any other client.delete_*(...) call in a file that imports boto3 (or aioboto3, botocore):
; delete_table, delete_function, delete_cluster, delete_role... Left out: the calls with their
; own rule (delete_bucket, delete_db_instance, delete_db_cluster, delete_stack), data-plane
; calls that delete one record or message in normal operation (delete_object(s), delete_item,
; delete_message(_batch), delete_attributes, API Gateway's delete_connection), tag
; removals, and delete_change_set (a change set is a proposal; the stack is untouched). Methods called on self or cls are the program's own.
((call
  function: (attribute
    object: (_) @_client
    attribute: (identifier) @target)) @match
  (#match? @target "^delete_[a-z0-9_]+$")
  (#not-match? @target "^delete_(bucket|db_instance|db_cluster|stack|objects?|item|message|message_batch|attributes|connection|change_set|tags|[a-z0-9_]*_tagging)$")
  (#not-any-of? @_client "self" "cls")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b"))
