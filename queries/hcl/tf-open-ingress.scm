; Ingress from 0.0.0.0/0 or ::/0, reported at the CIDR string. Egress rules and private ranges stay
; quiet.

; An inline ingress block of aws_security_group / aws_default_security_group.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_type)
  .
  (string_lit)
  .
  (block_start)
  (body
    (block
      (identifier) @_ingress
      .
      (block_start)
      (body
        (attribute
          (identifier) @_name
          (expression
            (collection_value
              (tuple
                (expression
                  (literal_value
                    (string_lit
                      (template_literal) @target) @match))))))))))
  (#eq? @_block "resource")
  (#any-of? @_type "aws_security_group" "aws_default_security_group")
  (#eq? @_ingress "ingress")
  (#any-of? @_name "cidr_blocks" "ipv6_cidr_blocks")
  (#any-of? @target "0.0.0.0/0" "::/0"))

; A dynamic "ingress" block of those resources, with the CIDR written in its content.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_type)
  .
  (string_lit)
  .
  (block_start)
  (body
    (block
      (identifier) @_dynamic
      (string_lit
        (template_literal) @_ingress)
      .
      (block_start)
      (body
        (block
          (identifier) @_content
          .
          (block_start)
          (body
            (attribute
              (identifier) @_name
              (expression
                (collection_value
                  (tuple
                    (expression
                      (literal_value
                        (string_lit
                          (template_literal) @target) @match))))))))))))
  (#eq? @_block "resource")
  (#any-of? @_type "aws_security_group" "aws_default_security_group")
  (#eq? @_dynamic "dynamic")
  (#eq? @_ingress "ingress")
  (#eq? @_content "content")
  (#any-of? @_name "cidr_blocks" "ipv6_cidr_blocks")
  (#any-of? @target "0.0.0.0/0" "::/0"))

; aws_security_group_rule whose type is "ingress" (in either order of the arguments).
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_type)
  .
  (string_lit)
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (collection_value
          (tuple
            (expression
              (literal_value
                (string_lit
                  (template_literal) @target) @match))))))) @_body)
  (#eq? @_block "resource")
  (#eq? @_type "aws_security_group_rule")
  (#match? @_body "(?m)^\\s*type\\s*=\\s*\"ingress\"")
  (#any-of? @_name "cidr_blocks" "ipv6_cidr_blocks")
  (#any-of? @target "0.0.0.0/0" "::/0"))

; aws_vpc_security_group_ingress_rule with cidr_ipv4 / cidr_ipv6.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_type)
  .
  (string_lit)
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (literal_value
          (string_lit
            (template_literal) @target) @match)))))
  (#eq? @_block "resource")
  (#eq? @_type "aws_vpc_security_group_ingress_rule")
  (#any-of? @_name "cidr_ipv4" "cidr_ipv6")
  (#any-of? @target "0.0.0.0/0" "::/0"))

; google_compute_firewall that allows (has an allow block) from source_ranges, unless it is an
; EGRESS rule. A deny firewall from 0.0.0.0/0 is a safe block-list.
((block
  (identifier) @_block
  .
  (string_lit
    (template_literal) @_type)
  .
  (string_lit)
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (collection_value
          (tuple
            (expression
              (literal_value
                (string_lit
                  (template_literal) @target) @match))))))) @_body)
  (#eq? @_block "resource")
  (#eq? @_type "google_compute_firewall")
  (#eq? @_name "source_ranges")
  (#match? @_body "(?m)^\\s*allow\\s*\\{")
  (#not-match? @_body "(?m)^\\s*direction\\s*=\\s*\"EGRESS\"")
  (#any-of? @target "0.0.0.0/0" "::/0"))

; terraform-aws-modules/security-group style module inputs.
((block
  (identifier) @_block
  .
  (string_lit)
  .
  (block_start)
  (body
    (attribute
      (identifier) @_name
      (expression
        (collection_value
          (tuple
            (expression
              (literal_value
                (string_lit
                  (template_literal) @target) @match))))))))
  (#eq? @_block "module")
  (#any-of? @_name "ingress_cidr_blocks" "ingress_ipv6_cidr_blocks")
  (#any-of? @target "0.0.0.0/0" "::/0"))
