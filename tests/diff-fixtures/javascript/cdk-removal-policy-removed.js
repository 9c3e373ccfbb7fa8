const { RemovalPolicy, Stack } = require("aws-cdk-lib");
const s3 = require("aws-cdk-lib/aws-s3");
const kms = require("aws-cdk-lib/aws-kms");

class DataStack extends Stack {
  build() {
    new s3.Bucket(this, "Uploads", { removalPolicy: RemovalPolicy.DESTROY });
    // <- cdk-removal-policy-removed
    const key = new kms.Key(this, "Key");
    // ok cdk-removal-policy-removed: the policy line is below, unchanged
    key.applyRemovalPolicy(RemovalPolicy.RETAIN);
    new s3.Bucket(this, "ReportsV2", { removalPolicy: RemovalPolicy.RETAIN });
    // ok cdk-removal-policy-removed: the policy followed the renamed construct
    new s3.Bucket(this, "Media", {
      removalPolicy: RemovalPolicy.SNAPSHOT,
      // ok cdk-removal-policy-removed: reformatted, same policy
    });
  }
}
