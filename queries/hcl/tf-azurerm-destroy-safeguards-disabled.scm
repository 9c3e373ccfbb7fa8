; provider "azurerm" { features { resource_group { prevent_deletion_if_contains_resources = false } } }
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_provider)
  .
  (block_start)
  (body
    (block
      (identifier) @_features
      .
      (block_start)
      (body
        (block
          (identifier) @_group
          .
          (block_start)
          (body
            (attribute
              (identifier) @target
              (expression
                (literal_value) @_value)) @match))))))
  (#eq? @_block "provider")
  (#eq? @_provider "azurerm")
  (#eq? @_features "features")
  (#eq? @_group "resource_group")
  (#eq? @target "prevent_deletion_if_contains_resources")
  (#match? @_value "^(false|\"false\")$")
  (#set! message "`prevent_deletion_if_contains_resources = false`: destroying or replacing a resource group also deletes every resource in it that Terraform does not manage (databases, storage accounts, VMs created outside this configuration)"))

; provider "azurerm" { features { key_vault { purge_soft_delete_on_destroy = true } } } and the
; key and secret variants: destroyed vaults, keys and secrets are purged, not soft-deleted.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_provider)
  .
  (block_start)
  (body
    (block
      (identifier) @_features
      .
      (block_start)
      (body
        (block
          (identifier) @_group
          .
          (block_start)
          (body
            (attribute
              (identifier) @target
              (expression
                (literal_value) @_value)) @match))))))
  (#eq? @_block "provider")
  (#eq? @_provider "azurerm")
  (#eq? @_features "features")
  (#eq? @_group "key_vault")
  (#any-of? @target "purge_soft_delete_on_destroy" "purge_soft_deleted_keys_on_destroy" "purge_soft_deleted_secrets_on_destroy" "purge_soft_deleted_certificates_on_destroy" "purge_soft_deleted_hardware_security_modules_on_destroy")
  (#match? @_value "^(true|\"true\")$")
  (#set! message "`{target} = true`: destroyed key vaults, keys or secrets are purged at once instead of staying recoverable for the soft-delete period, and data encrypted with those keys becomes unreadable"))
