from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_s3 as s3, aws_dynamodb as dynamodb, aws_rds as rds


class DataStack(Stack):
    def build(self):
        s3.Bucket(self, "Assets", versioned=True, removal_policy=RemovalPolicy.RETAIN)
        table = dynamodb.Table(
            self,
            "Orders",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
            removal_policy=RemovalPolicy.RETAIN,
        )
        db = rds.DatabaseInstance(self, "Db", engine=rds.DatabaseInstanceEngine.POSTGRES)
        db.apply_removal_policy(RemovalPolicy.SNAPSHOT)
        s3.Bucket(self, "Logs", removal_policy=RemovalPolicy.RETAIN)
        s3.Bucket(self, "Tmp", removal_policy=RemovalPolicy.DESTROY)
