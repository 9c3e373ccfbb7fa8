resource "aws_db_instance" "main" {
# <- tf-protection-removed
  engine              = "postgres"

  lifecycle {
    prevent_destroy = false
    # <- tf-protection-removed
    # <- tf-prevent-destroy-disabled
  }
}

resource "aws_s3_bucket" "state" {
# <- tf-protection-removed
  bucket = "tf-state"
}

resource "aws_lb" "front" {
  name                       = "front"
  enable_deletion_protection = false
  # <- tf-protection-removed
  # <- tf-deletion-protection-disabled
}

resource "google_sql_database_instance" "db" {
# <- tf-protection-removed
  deletion_protection = true
  lifecycle {
    ignore_changes        = [settings]
  }
}

resource "aws_kms_key" "k" {
  lifecycle {
    prevent_destroy   =   true
    # ok tf-protection-removed: only the spacing changed
  }
}

resource "aws_rds_cluster" "aurora" {
  engine              = "aurora-postgresql"
  deletion_protection = true
  # ok tf-protection-removed: the guard moved within the block
}

resource "aws_sqs_queue" "jobs" {
  name = "jobs"
  # ok tf-protection-removed: a new resource never had a guard to lose
}

resource "aws_efs_file_system" "shared" {
# <- tf-moved-block-missing
  lifecycle {
    prevent_destroy = true
    # ok tf-protection-removed: the guard followed its resource through the rename
  }
}

resource "aws_db_instance" "replica" {
  # blast-radius: ignore tf-protection-removed -- replica being decommissioned, ticket OPS-12
  deletion_protection = false
  # <- tf-protection-removed [ignored]
  # <- tf-deletion-protection-disabled
}
