using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Workflow.LocalResources;

/// <summary>The HealthImaging, Bedrock and EventBridge stand-ins answer as the services do, and fail when told to.</summary>
public sealed class ServiceHandlerTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "loop-handlers-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFaultPlan _faults = new();

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static ResourceInvocation Call(string resource, string parameters) =>
        new(resource, JsonNode.Parse(parameters), null, "arn:aws:states:us-east-1:000000000000:execution:study-review:x", "State");

    [Fact]
    public async Task Image_set_metadata_carries_the_study_description_and_modality_the_template_selects()
    {
        var handler = new ImagingMetadataHandler(_faults);
        var result = await handler.InvokeAsync(
            Call(ResourceArns.GetImageSetMetadata, $$"""{"DatastoreId":"{{DemoStudies.DatastoreId}}","ImageSetId":"{{DemoStudies.CtHeadStroke.ImageSetId}}"}"""),
            CancellationToken.None);

        result!["ImageSetMetadataBlob"]!["Study"]!["DICOM"]!["StudyDescription"]!.GetValue<string>().Should().Be("CT HEAD WITHOUT CONTRAST");
        result["ImageSetMetadataBlob"]!["Study"]!["DICOM"]!["ModalitiesInStudy"]!.GetValue<string>().Should().Be("CT");
    }

    [Fact]
    public async Task An_unknown_image_set_is_a_named_not_found_error_and_a_throttle_is_transient()
    {
        var handler = new ImagingMetadataHandler(_faults);
        var unknown = () => handler.InvokeAsync(Call(ResourceArns.GetImageSetMetadata, $$"""{"DatastoreId":"{{DemoStudies.DatastoreId}}","ImageSetId":"nope"}"""), CancellationToken.None);
        (await unknown.Should().ThrowAsync<ResourceFailedException>()).Which.Error.Should().Be("MedicalImaging.ResourceNotFoundException");

        _faults.Arm(LocalFault.StudyMetadataThrottled, 1);
        var known = () => handler.InvokeAsync(Call(ResourceArns.GetImageSetMetadata, $$"""{"DatastoreId":"{{DemoStudies.DatastoreId}}","ImageSetId":"{{DemoStudies.MriKnee.ImageSetId}}"}"""), CancellationToken.None);
        (await known.Should().ThrowAsync<ResourceFailedException>()).Which.Error.Should().Be("MedicalImaging.ThrottlingException");
        await known.Should().NotThrowAsync();
    }

    [Fact]
    public async Task The_model_answers_in_bedrock_anthropic_shape_and_throttles_when_armed()
    {
        var handler = new ModelInvocationHandler(_faults);
        var prompt = DraftGeneratorTests.PromptFor(DemoStudies.ChestXray);
        var parameters = new JsonObject
        {
            ["ModelId"] = "anthropic.test",
            ["Body"] = new JsonObject { ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = prompt }) },
        };
        var call = new ResourceInvocation(ResourceArns.BedrockInvokeModel, parameters, null, "arn", "InvokeModel");

        _faults.Arm(LocalFault.ModelThrottled, 2);
        for (var i = 0; i < 2; i++)
        {
            var throttled = () => handler.InvokeAsync(call, CancellationToken.None);
            (await throttled.Should().ThrowAsync<ResourceFailedException>()).Which.Error.Should().Be("Bedrock.ThrottlingException");
        }

        var result = await handler.InvokeAsync(call, CancellationToken.None);
        result!["Body"]!["content"]![0]!["text"]!.GetValue<string>().Should().Contain("## FINDINGS").And.Contain("XR CHEST");
        result["Body"]!["stop_reason"]!.GetValue<string>().Should().Be("end_turn");
    }

    [Fact]
    public async Task Published_events_are_logged_durably_and_a_rejected_put_logs_nothing()
    {
        var options = Options.Create(new PortalOptions { DataDirectory = _dataDirectory });
        var handler = new EventBusHandler(new PublicationEventLog(options), _faults, TimeProvider.System);
        var call = Call(ResourceArns.EventsPutEvents, """{"Entries":[{"EventBusName":"bus","Source":"reviewer-portal.study-review","DetailType":"Report Published","Detail":{"caseId":"C-1"}}]}""");

        _faults.Arm(LocalFault.PublicationEventRejected, 1);
        var rejected = () => handler.InvokeAsync(call, CancellationToken.None);
        (await rejected.Should().ThrowAsync<ResourceFailedException>()).Which.Error.Should().Be("EventBridge.InternalException");

        var result = await handler.InvokeAsync(call, CancellationToken.None);
        result!["FailedEntryCount"]!.GetValue<int>().Should().Be(0);

        var reopened = new PublicationEventLog(options).Recent(10);
        reopened.Should().ContainSingle().Which.DetailType.Should().Be("Report Published");
        reopened[0].Detail.Should().Contain("C-1");
    }
}
