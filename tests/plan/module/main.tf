resource "terraform_data" "keep" {
  input = "unchanged"
}

resource "terraform_data" "database" {
  triggers_replace = "postgres-16"
}

resource "terraform_data" "replica" {
  count = 2
  input = "replica-${count.index}"
}

resource "terraform_data" "queue" {
  for_each = toset(["a", "c"])
  input    = each.key
}

resource "terraform_data" "cache" {
  input = "large"
}

module "child" {
  source      = "./child"
  version_tag = "v2"
}
