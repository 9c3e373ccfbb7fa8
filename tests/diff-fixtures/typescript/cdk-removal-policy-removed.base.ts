import { RemovalPolicy, Stack } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as rds from "aws-cdk-lib/aws-rds";

export class DataStack extends Stack {
  build() {
    const assets = new s3.Bucket(this, "Assets", {
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const table = new dynamodb.Table(this, "Orders", {
      partitionKey: { name: "id", type: dynamodb.AttributeType.STRING },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const db = new rds.DatabaseInstance(this, "Db", {
      engine: rds.DatabaseInstanceEngine.POSTGRES,
    });
    db.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);

    const logs = new s3.Bucket(this, "Logs", {
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const scratch = new s3.Bucket(this, "Scratch", {
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}
