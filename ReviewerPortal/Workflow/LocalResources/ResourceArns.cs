namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>The Task resources of the bundled templates, without integration-pattern suffixes, as handlers see them.</summary>
public static class ResourceArns
{
    public const string DynamoDbPutItem = "arn:aws:states:::aws-sdk:dynamodb:putItem";
    public const string DynamoDbUpdateItem = "arn:aws:states:::aws-sdk:dynamodb:updateItem";
    public const string S3GetObject = "arn:aws:states:::aws-sdk:s3:getObject";
    public const string S3HeadObject = "arn:aws:states:::aws-sdk:s3:headObject";
    public const string S3PutObject = "arn:aws:states:::aws-sdk:s3:putObject";
    public const string S3CopyObject = "arn:aws:states:::aws-sdk:s3:copyObject";
    public const string BedrockInvokeModel = "arn:aws:states:::bedrock:invokeModel";
    public const string GetImageSetMetadata = "arn:aws:states:::aws-sdk:medicalimaging:getImageSetMetadata";
    public const string EventsPutEvents = "arn:aws:states:::events:putEvents";
}
