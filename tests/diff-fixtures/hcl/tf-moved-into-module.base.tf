resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
}

resource "aws_iam_role" "ci" {
  name = "ci"
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}

module "network" {
  source = "./network"
}
