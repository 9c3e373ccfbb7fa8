; CloudFormation JSON templates: "DeletionPolicy": "Delete" or "UpdateReplacePolicy": "Delete" on
; a resource that holds data (databases, buckets, tables, file systems, search domains,
; warehouses). The policy and "Type" must be members of the same resource object; the resource's
; logical id is the target. Only documents that look like templates (AWSTemplateFormatVersion or
; a "Resources" key) are considered; Retain and Snapshot stay quiet. The first member of the
; resource is anchored (Type first, Type second, or the policy first), which keeps large
; unrelated objects cheap to scan.

; "DeletionPolicy": "Delete", Type first, then the policy.
((pair
  key: (string
    (string_content) @target)
  value: (object
      .
      (pair
        key: (string
          (string_content) @_type_key)
        value: (string
          (string_content) @_type))
      (pair
        key: (string
          (string_content) @_policy_key)
        value: (string
          (string_content) @_policy)) @match))
  (#eq? @_type_key "Type")
  (#match? @_type "^AWS::(RDS::DBInstance|RDS::DBCluster|S3::Bucket|DynamoDB::Table|DynamoDB::GlobalTable|EFS::FileSystem|Elasticsearch::Domain|OpenSearchService::Domain|Redshift::Cluster|DocDB::DBCluster|Neptune::DBCluster)$")
  (#eq? @_policy_key "DeletionPolicy")
  (#eq? @_policy "Delete")
  (#file-match? @match "\"AWSTemplateFormatVersion\"|\"Resources\"\\s*:"))

; "DeletionPolicy": "Delete", Type second (after Condition, DependsOn...), then the policy.
((pair
  key: (string
    (string_content) @target)
  value: (object
      .
      (pair)
      .
      (pair
        key: (string
          (string_content) @_type_key)
        value: (string
          (string_content) @_type))
      (pair
        key: (string
          (string_content) @_policy_key)
        value: (string
          (string_content) @_policy)) @match))
  (#eq? @_type_key "Type")
  (#match? @_type "^AWS::(RDS::DBInstance|RDS::DBCluster|S3::Bucket|DynamoDB::Table|DynamoDB::GlobalTable|EFS::FileSystem|Elasticsearch::Domain|OpenSearchService::Domain|Redshift::Cluster|DocDB::DBCluster|Neptune::DBCluster)$")
  (#eq? @_policy_key "DeletionPolicy")
  (#eq? @_policy "Delete")
  (#file-match? @match "\"AWSTemplateFormatVersion\"|\"Resources\"\\s*:"))

; "DeletionPolicy": "Delete", the policy first, Type later.
((pair
  key: (string
    (string_content) @target)
  value: (object
      .
      (pair
        key: (string
          (string_content) @_policy_key)
        value: (string
          (string_content) @_policy)) @match
      (pair
        key: (string
          (string_content) @_type_key)
        value: (string
          (string_content) @_type))))
  (#eq? @_type_key "Type")
  (#match? @_type "^AWS::(RDS::DBInstance|RDS::DBCluster|S3::Bucket|DynamoDB::Table|DynamoDB::GlobalTable|EFS::FileSystem|Elasticsearch::Domain|OpenSearchService::Domain|Redshift::Cluster|DocDB::DBCluster|Neptune::DBCluster)$")
  (#eq? @_policy_key "DeletionPolicy")
  (#eq? @_policy "Delete")
  (#file-match? @match "\"AWSTemplateFormatVersion\"|\"Resources\"\\s*:"))

; "UpdateReplacePolicy": "Delete", Type first, then the policy.
((pair
  key: (string
    (string_content) @target)
  value: (object
      .
      (pair
        key: (string
          (string_content) @_type_key)
        value: (string
          (string_content) @_type))
      (pair
        key: (string
          (string_content) @_policy_key)
        value: (string
          (string_content) @_policy)) @match))
  (#eq? @_type_key "Type")
  (#match? @_type "^AWS::(RDS::DBInstance|RDS::DBCluster|S3::Bucket|DynamoDB::Table|DynamoDB::GlobalTable|EFS::FileSystem|Elasticsearch::Domain|OpenSearchService::Domain|Redshift::Cluster|DocDB::DBCluster|Neptune::DBCluster)$")
  (#eq? @_policy_key "UpdateReplacePolicy")
  (#eq? @_policy "Delete")
  (#file-match? @match "\"AWSTemplateFormatVersion\"|\"Resources\"\\s*:")
  (#set! message "`UpdateReplacePolicy: Delete` on `{target}`: any template change that forces a replacement creates a new, empty resource and deletes the old one with all its data, without a snapshot"))

; "UpdateReplacePolicy": "Delete", Type second (after Condition, DependsOn...), then the policy.
((pair
  key: (string
    (string_content) @target)
  value: (object
      .
      (pair)
      .
      (pair
        key: (string
          (string_content) @_type_key)
        value: (string
          (string_content) @_type))
      (pair
        key: (string
          (string_content) @_policy_key)
        value: (string
          (string_content) @_policy)) @match))
  (#eq? @_type_key "Type")
  (#match? @_type "^AWS::(RDS::DBInstance|RDS::DBCluster|S3::Bucket|DynamoDB::Table|DynamoDB::GlobalTable|EFS::FileSystem|Elasticsearch::Domain|OpenSearchService::Domain|Redshift::Cluster|DocDB::DBCluster|Neptune::DBCluster)$")
  (#eq? @_policy_key "UpdateReplacePolicy")
  (#eq? @_policy "Delete")
  (#file-match? @match "\"AWSTemplateFormatVersion\"|\"Resources\"\\s*:")
  (#set! message "`UpdateReplacePolicy: Delete` on `{target}`: any template change that forces a replacement creates a new, empty resource and deletes the old one with all its data, without a snapshot"))

; "UpdateReplacePolicy": "Delete", the policy first, Type later.
((pair
  key: (string
    (string_content) @target)
  value: (object
      .
      (pair
        key: (string
          (string_content) @_policy_key)
        value: (string
          (string_content) @_policy)) @match
      (pair
        key: (string
          (string_content) @_type_key)
        value: (string
          (string_content) @_type))))
  (#eq? @_type_key "Type")
  (#match? @_type "^AWS::(RDS::DBInstance|RDS::DBCluster|S3::Bucket|DynamoDB::Table|DynamoDB::GlobalTable|EFS::FileSystem|Elasticsearch::Domain|OpenSearchService::Domain|Redshift::Cluster|DocDB::DBCluster|Neptune::DBCluster)$")
  (#eq? @_policy_key "UpdateReplacePolicy")
  (#eq? @_policy "Delete")
  (#file-match? @match "\"AWSTemplateFormatVersion\"|\"Resources\"\\s*:")
  (#set! message "`UpdateReplacePolicy: Delete` on `{target}`: any template change that forces a replacement creates a new, empty resource and deletes the old one with all its data, without a snapshot"))
