resource "aws_instance" "web" {
# <- tf-count-for-each-switched
  for_each = toset(["a", "b"])
  ami      = "ami-123"
}

resource "aws_ebs_volume" "data" {
# <- tf-count-for-each-switched
  count             = 2
  availability_zone = "eu-west-1a"
  size              = 100
}

module "workers" {
# <- tf-count-for-each-switched
  source   = "./workers"
  for_each = toset(["x", "y", "z"])
}

resource "aws_eip" "nat" {
  count = 3
  # ok tf-count-for-each-switched: still count; only the number changed
}

resource "aws_subnet" "private" {
  for_each   = { a = 0, b = 1 }
  cidr_block = cidrsubnet("10.0.0.0/16", 8, each.value)
  # ok tf-count-for-each-switched: each instance is moved below
}

moved {
  from = aws_subnet.private[0]
  to   = aws_subnet.private["a"]
}

moved {
  from = aws_subnet.private[1]
  to   = aws_subnet.private["b"]
}

resource "aws_s3_bucket" "logs" {
  count  = 1
  bucket = "logs"
  # ok tf-count-for-each-switched: count added to a single resource; Terraform moves it to [0] itself
}

resource "aws_sqs_queue" "jobs" {
  for_each = toset(["a"])
  # ok tf-count-for-each-switched: a new resource has no instances to lose
}

resource "aws_kms_key" "main" {
# <- tf-count-for-each-switched
  for_each    = toset(["a"])
  description = "main"
}

resource "aws_db_instance" "replica" {
# <- tf-count-for-each-switched
  engine = "postgres"
}

resource "aws_efs_file_system" "shared" {
  for_each  = toset(["a"])
  encrypted = true
  # ok tf-count-for-each-switched: the moved block below gives the one object its key
}

moved {
  from = aws_efs_file_system.shared
  to   = aws_efs_file_system.shared["a"]
}
