variable "version_tag" {
  type = string
}

resource "terraform_data" "inner" {
  triggers_replace = var.version_tag
}
