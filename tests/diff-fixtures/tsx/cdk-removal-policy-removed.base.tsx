import { RemovalPolicy } from "aws-cdk-lib";
import * as s3 from "aws-cdk-lib/aws-s3";

export function storage(scope: any) {
  const bucket = new s3.Bucket(scope, "Site", { removalPolicy: RemovalPolicy.RETAIN });
  return <Stack bucket={bucket} />;
}
