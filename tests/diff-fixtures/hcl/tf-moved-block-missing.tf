resource "aws_db_instance" "primary" {
# <- tf-moved-block-missing
  engine = "postgres"
}

module "net" {
# <- tf-moved-block-missing
  source = "./network"
}

resource "aws_s3_bucket" "archive" {
  bucket = "logs"
  # ok tf-moved-block-missing: the moved block below keeps the bucket
}

moved {
  from = aws_s3_bucket.logs
  to   = aws_s3_bucket.archive
}

resource "aws_iam_role" "ci" {
  name = "ci"
  # ok tf-moved-block-missing: the address did not change
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  # ok tf-moved-block-missing: a new resource of a type that lost none
}

resource "aws_sqs_queue" "jobs_v2" {
# <- tf-moved-block-missing
  name = "jobs"
}
