const { RemovalPolicy, Stack } = require("aws-cdk-lib");
const s3 = require("aws-cdk-lib/aws-s3");
const kms = require("aws-cdk-lib/aws-kms");

class DataStack extends Stack {
  build() {
    new s3.Bucket(this, "Uploads", { removalPolicy: RemovalPolicy.RETAIN });
    const key = new kms.Key(this, "Key");
    key.applyRemovalPolicy(RemovalPolicy.RETAIN);
    new s3.Bucket(this, "Reports", { removalPolicy: RemovalPolicy.RETAIN });
    new s3.Bucket(this, "Media", { removalPolicy: RemovalPolicy.SNAPSHOT });
  }
}
