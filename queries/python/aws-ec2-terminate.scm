; client.terminate_instances(...) in a file that imports boto3 (or aioboto3, botocore).
((call
  function: (attribute
    object: (_) @_client
    attribute: (identifier) @_method)) @match
  (#eq? @_method "terminate_instances")
  (#not-any-of? @_client "self" "cls")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b"))

; ec2.instances.terminate(), ec2.instances.all().terminate(), ec2.instances.filter(...).terminate():
; the batch action of the instances collection; without a filter it is every instance of the
; region.
((call
  function: (attribute
    object: (attribute
      attribute: (identifier) @_collection)
    attribute: (identifier) @_method)) @match
  (#eq? @_collection "instances")
  (#eq? @_method "terminate")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b")
  (#set! message "`instances.terminate()` terminates every EC2 instance of the region the session points at"))

((call
  function: (attribute
    object: (call
      function: (attribute
        object: (attribute
          attribute: (identifier) @_collection)
        attribute: (identifier) @_selector))
    attribute: (identifier) @_method)) @match
  (#eq? @_collection "instances")
  (#any-of? @_selector "all" "filter" "limit" "page_size")
  (#eq? @_method "terminate")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b")
  (#set! message "the `terminate()` batch action of the `instances` collection terminates every EC2 instance the collection matches: with an empty or wrong filter, every instance of the region"))

; ec2.Instance(ID).terminate(). A plain instance.terminate() stays quiet: terminate() is also
; the method of multiprocessing and subprocess objects.
((call
  function: (attribute
    object: (call
      function: (attribute
        attribute: (identifier) @_class)
      arguments: (argument_list
        .
        (_) @target))
    attribute: (identifier) @_method)) @match
  (#eq? @_class "Instance")
  (#eq? @_method "terminate")
  (#file-match? @match "(?m)^[ \\t]*(import|from)[ \\t]+(aio)?(boto3|botocore)\\b")
  (#set! message "`Instance({target}).terminate()` terminates the EC2 instance for good, with its instance-store data and delete-on-termination volumes"))
