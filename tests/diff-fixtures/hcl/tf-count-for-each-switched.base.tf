resource "aws_instance" "web" {
  count = 2
  ami   = "ami-123"
}

resource "aws_ebs_volume" "data" {
  for_each          = toset(["a", "b"])
  availability_zone = "eu-west-1a"
  size              = 100
}

module "workers" {
  source = "./workers"
  count  = 3
}

resource "aws_eip" "nat" {
  count = 2
}

resource "aws_subnet" "private" {
  count      = 2
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

resource "aws_kms_key" "main" {
  description = "main"
}

resource "aws_db_instance" "replica" {
  for_each = toset(["eu"])
  engine   = "postgres"
}

resource "aws_efs_file_system" "shared" {
  encrypted = true
}
