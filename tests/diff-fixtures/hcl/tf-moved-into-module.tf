module "storage" {
# <- tf-moved-block-missing
# <- tf-moved-block-missing
  source = "./storage"
}

resource "aws_iam_role" "ci" {
  name = "ci"
  # ok tf-moved-block-missing: still here, at the same address
}

moved {
  from = aws_sqs_queue.jobs
  to   = module.queues.aws_sqs_queue.jobs
}

module "queues" {
  source = "./queues"
  # ok tf-moved-block-missing: the moved block above names the queue it took
}

module "network" {
  source = "./network"
  # ok tf-moved-block-missing: an existing module call, unchanged
}
