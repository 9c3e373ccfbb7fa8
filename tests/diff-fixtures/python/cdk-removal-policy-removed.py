from aws_cdk import RemovalPolicy, Stack
from aws_cdk import aws_s3 as s3, aws_dynamodb as dynamodb, aws_rds as rds


class DataStack(Stack):
    def build(self):
        s3.Bucket(self, "Assets", versioned=True, removal_policy=RemovalPolicy.DESTROY)
        # <- cdk-removal-policy-removed
        table = dynamodb.Table(
        # <- cdk-removal-policy-removed
            self,
            "Orders",
            partition_key=dynamodb.Attribute(name="id", type=dynamodb.AttributeType.STRING),
        )
        db = rds.DatabaseInstance(self, "Db", engine=rds.DatabaseInstanceEngine.POSTGRES)
        db.apply_removal_policy(RemovalPolicy.DESTROY)
        # <- cdk-removal-policy-removed
        s3.Bucket(self, "Logs", removal_policy=RemovalPolicy.RETAIN)
        # ok cdk-removal-policy-removed: unchanged
        s3.Bucket(self, "Tmp", removal_policy=RemovalPolicy.DESTROY)
        # ok cdk-removal-policy-removed: was DESTROY already
        s3.Bucket(self, "Archive", removal_policy=RemovalPolicy.RETAIN)
        # ok cdk-removal-policy-removed: a new bucket with a policy
