; CloudFormation DeletionPolicy: Delete or UpdateReplacePolicy: Delete on a resource that holds
; data (databases, buckets, tables, file systems, search domains, warehouses). The policy and the
; Type must be keys of the same resource mapping; the resource's logical id is the target. Only
; files that look like templates (AWSTemplateFormatVersion or a top-level Resources: mapping) are
; considered. Retain, Snapshot and RetainExceptOnCreate stay quiet. The first key of the resource
; is anchored (Type first, Type second after Condition or DependsOn, or the policy first), which
; keeps large unrelated mappings (translation files, OpenAPI schemas) cheap to scan.

; DeletionPolicy: Delete, Type first, then the policy.
((block_mapping_pair
  key: (flow_node) @target
  value: (block_node
    (block_mapping
      .
      (block_mapping_pair
        key: (flow_node) @_type_key
        value: (flow_node) @_type)
      (block_mapping_pair
        key: (flow_node) @_policy_key
        value: (flow_node) @_policy) @match)))
  (#any-of? @_type_key "Type" "\"Type\"" "'Type'")
  (#match? @_type "^[\"']?AWS::(RDS::DBInstance|RDS::DBCluster|S3::Bucket|DynamoDB::Table|DynamoDB::GlobalTable|EFS::FileSystem|Elasticsearch::Domain|OpenSearchService::Domain|Redshift::Cluster|DocDB::DBCluster|Neptune::DBCluster)[\"']?$")
  (#any-of? @_policy_key "DeletionPolicy" "\"DeletionPolicy\"" "'DeletionPolicy'")
  (#any-of? @_policy "Delete" "\"Delete\"" "'Delete'")
  (#file-match? @match "AWSTemplateFormatVersion|(?m)^[\"']?Resources[\"']?\\s*:"))

; DeletionPolicy: Delete, Type second (after Condition, DependsOn...), then the policy.
((block_mapping_pair
  key: (flow_node) @target
  value: (block_node
    (block_mapping
      .
      (block_mapping_pair)
      .
      (block_mapping_pair
        key: (flow_node) @_type_key
        value: (flow_node) @_type)
      (block_mapping_pair
        key: (flow_node) @_policy_key
        value: (flow_node) @_policy) @match)))
  (#any-of? @_type_key "Type" "\"Type\"" "'Type'")
  (#match? @_type "^[\"']?AWS::(RDS::DBInstance|RDS::DBCluster|S3::Bucket|DynamoDB::Table|DynamoDB::GlobalTable|EFS::FileSystem|Elasticsearch::Domain|OpenSearchService::Domain|Redshift::Cluster|DocDB::DBCluster|Neptune::DBCluster)[\"']?$")
  (#any-of? @_policy_key "DeletionPolicy" "\"DeletionPolicy\"" "'DeletionPolicy'")
  (#any-of? @_policy "Delete" "\"Delete\"" "'Delete'")
  (#file-match? @match "AWSTemplateFormatVersion|(?m)^[\"']?Resources[\"']?\\s*:"))

; DeletionPolicy: Delete, the policy first, Type later.
((block_mapping_pair
  key: (flow_node) @target
  value: (block_node
    (block_mapping
      .
      (block_mapping_pair
        key: (flow_node) @_policy_key
        value: (flow_node) @_policy) @match
      (block_mapping_pair
        key: (flow_node) @_type_key
        value: (flow_node) @_type))))
  (#any-of? @_type_key "Type" "\"Type\"" "'Type'")
  (#match? @_type "^[\"']?AWS::(RDS::DBInstance|RDS::DBCluster|S3::Bucket|DynamoDB::Table|DynamoDB::GlobalTable|EFS::FileSystem|Elasticsearch::Domain|OpenSearchService::Domain|Redshift::Cluster|DocDB::DBCluster|Neptune::DBCluster)[\"']?$")
  (#any-of? @_policy_key "DeletionPolicy" "\"DeletionPolicy\"" "'DeletionPolicy'")
  (#any-of? @_policy "Delete" "\"Delete\"" "'Delete'")
  (#file-match? @match "AWSTemplateFormatVersion|(?m)^[\"']?Resources[\"']?\\s*:"))

; UpdateReplacePolicy: Delete, Type first, then the policy.
((block_mapping_pair
  key: (flow_node) @target
  value: (block_node
    (block_mapping
      .
      (block_mapping_pair
        key: (flow_node) @_type_key
        value: (flow_node) @_type)
      (block_mapping_pair
        key: (flow_node) @_policy_key
        value: (flow_node) @_policy) @match)))
  (#any-of? @_type_key "Type" "\"Type\"" "'Type'")
  (#match? @_type "^[\"']?AWS::(RDS::DBInstance|RDS::DBCluster|S3::Bucket|DynamoDB::Table|DynamoDB::GlobalTable|EFS::FileSystem|Elasticsearch::Domain|OpenSearchService::Domain|Redshift::Cluster|DocDB::DBCluster|Neptune::DBCluster)[\"']?$")
  (#any-of? @_policy_key "UpdateReplacePolicy" "\"UpdateReplacePolicy\"" "'UpdateReplacePolicy'")
  (#any-of? @_policy "Delete" "\"Delete\"" "'Delete'")
  (#file-match? @match "AWSTemplateFormatVersion|(?m)^[\"']?Resources[\"']?\\s*:")
  (#set! message "`UpdateReplacePolicy: Delete` on `{target}`: any template change that forces a replacement creates a new, empty resource and deletes the old one with all its data, without a snapshot"))

; UpdateReplacePolicy: Delete, Type second (after Condition, DependsOn...), then the policy.
((block_mapping_pair
  key: (flow_node) @target
  value: (block_node
    (block_mapping
      .
      (block_mapping_pair)
      .
      (block_mapping_pair
        key: (flow_node) @_type_key
        value: (flow_node) @_type)
      (block_mapping_pair
        key: (flow_node) @_policy_key
        value: (flow_node) @_policy) @match)))
  (#any-of? @_type_key "Type" "\"Type\"" "'Type'")
  (#match? @_type "^[\"']?AWS::(RDS::DBInstance|RDS::DBCluster|S3::Bucket|DynamoDB::Table|DynamoDB::GlobalTable|EFS::FileSystem|Elasticsearch::Domain|OpenSearchService::Domain|Redshift::Cluster|DocDB::DBCluster|Neptune::DBCluster)[\"']?$")
  (#any-of? @_policy_key "UpdateReplacePolicy" "\"UpdateReplacePolicy\"" "'UpdateReplacePolicy'")
  (#any-of? @_policy "Delete" "\"Delete\"" "'Delete'")
  (#file-match? @match "AWSTemplateFormatVersion|(?m)^[\"']?Resources[\"']?\\s*:")
  (#set! message "`UpdateReplacePolicy: Delete` on `{target}`: any template change that forces a replacement creates a new, empty resource and deletes the old one with all its data, without a snapshot"))

; UpdateReplacePolicy: Delete, the policy first, Type later.
((block_mapping_pair
  key: (flow_node) @target
  value: (block_node
    (block_mapping
      .
      (block_mapping_pair
        key: (flow_node) @_policy_key
        value: (flow_node) @_policy) @match
      (block_mapping_pair
        key: (flow_node) @_type_key
        value: (flow_node) @_type))))
  (#any-of? @_type_key "Type" "\"Type\"" "'Type'")
  (#match? @_type "^[\"']?AWS::(RDS::DBInstance|RDS::DBCluster|S3::Bucket|DynamoDB::Table|DynamoDB::GlobalTable|EFS::FileSystem|Elasticsearch::Domain|OpenSearchService::Domain|Redshift::Cluster|DocDB::DBCluster|Neptune::DBCluster)[\"']?$")
  (#any-of? @_policy_key "UpdateReplacePolicy" "\"UpdateReplacePolicy\"" "'UpdateReplacePolicy'")
  (#any-of? @_policy "Delete" "\"Delete\"" "'Delete'")
  (#file-match? @match "AWSTemplateFormatVersion|(?m)^[\"']?Resources[\"']?\\s*:")
  (#set! message "`UpdateReplacePolicy: Delete` on `{target}`: any template change that forces a replacement creates a new, empty resource and deletes the old one with all its data, without a snapshot"))
