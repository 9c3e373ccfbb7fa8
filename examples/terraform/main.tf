# Storage and database for the reporting service.

resource "aws_s3_bucket" "reports" {
  bucket        = "acme-reports-prod"
  force_destroy = true
}

resource "aws_db_instance" "reporting" {
  identifier          = "reporting-prod"
  engine              = "postgres"
  instance_class      = "db.r6g.large"
  allocated_storage   = 200
  deletion_protection = false
  skip_final_snapshot = true
}

resource "aws_security_group" "reporting_db" {
  name   = "reporting-db"
  vpc_id = var.vpc_id

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_iam_policy" "reporting" {
  name = "reporting-service"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = "*"
    }]
  })
}
