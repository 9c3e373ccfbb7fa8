resource "aws_db_instance" "main" {
  engine              = "postgres"
  deletion_protection = true

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket" "state" {
  bucket = "tf-state"

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_lb" "front" {
  name                       = "front"
  enable_deletion_protection = true
}

resource "google_sql_database_instance" "db" {
  deletion_protection = true
  lifecycle {
    create_before_destroy = true
    ignore_changes        = [settings]
  }
}

resource "aws_kms_key" "k" {
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_rds_cluster" "aurora" {
  deletion_protection = true
  engine              = "aurora-postgresql"
}

resource "aws_efs_file_system" "data" {
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_db_instance" "replica" {
  deletion_protection = true
}
