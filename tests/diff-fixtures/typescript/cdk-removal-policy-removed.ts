import { RemovalPolicy, Stack } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as rds from "aws-cdk-lib/aws-rds";

export class DataStack extends Stack {
  build() {
    const assets = new s3.Bucket(this, "Assets", {
      versioned: true,
      removalPolicy: RemovalPolicy.DESTROY,
      // <- cdk-removal-policy-removed
      autoDeleteObjects: true,
    });

    const table = new dynamodb.Table(this, "Orders", {
    // <- cdk-removal-policy-removed
      partitionKey: { name: "id", type: dynamodb.AttributeType.STRING },
    });

    const db = new rds.DatabaseInstance(this, "Db", {
      engine: rds.DatabaseInstanceEngine.POSTGRES,
    });
    db.applyRemovalPolicy(RemovalPolicy.DESTROY);
    // <- cdk-removal-policy-removed

    const logs = new s3.Bucket(this, "Logs", {
      removalPolicy: RemovalPolicy.RETAIN,
      // ok cdk-removal-policy-removed: unchanged
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });

    const scratch = new s3.Bucket(this, "Scratch", {
      removalPolicy: RemovalPolicy.DESTROY,
      // ok cdk-removal-policy-removed: was DESTROY already
    });

    const archive = new s3.Bucket(this, "Archive", {});
    // ok cdk-removal-policy-removed: a new bucket never had a policy to lose
  }
}
