resource "aws_db_instance" "main" {
  engine = "postgres"
}

module "network" {
  source = "./network"
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

resource "aws_instance" "web" {
  ami = "ami-123"
}

resource "aws_iam_role" "ci" {
  name = "ci"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
