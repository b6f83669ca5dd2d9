using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Resources;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// HealthImaging <c>getImageSetMetadata</c> over the demo studies. AWS returns the metadata document gzip-compressed;
/// here it is returned already decoded, in the same layout (<c>Patient</c>, <c>Study.DICOM</c>, <c>Study.Series</c>).
/// </summary>
public sealed class ImagingMetadataHandler(LocalFaultPlan faults) : ILocalResourceHandler
{
    private const string Service = "MedicalImaging";

    public bool CanHandle(string resource) => resource == ResourceArns.GetImageSetMetadata;

    public Task<JsonNode?> InvokeAsync(ResourceInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var datastoreId = invocation.RequiredString(Service, "DatastoreId");
        var imageSetId = invocation.RequiredString(Service, "ImageSetId");
        if (faults.TryConsume(LocalFault.StudyMetadataThrottled))
        {
            throw new ResourceFailedException($"{Service}.ThrottlingException", "Rate exceeded.");
        }

        if (datastoreId != DemoStudies.DatastoreId || DemoStudies.FindByImageSet(imageSetId) is not { } study)
        {
            throw new ResourceFailedException($"{Service}.ResourceNotFoundException", "The image set does not exist in the datastore.");
        }

        JsonNode result = new JsonObject
        {
            ["ImageSetMetadataBlob"] = MetadataOf(study),
            ["ContentType"] = "application/json",
        };
        return ServiceResponse.Completed(result);
    }

    public static JsonObject MetadataOf(DemoStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var series = new JsonObject();
        foreach (var s in study.Series)
        {
            series[s.SeriesInstanceUid] = new JsonObject
            {
                ["DICOM"] = new JsonObject
                {
                    ["Modality"] = s.Modality,
                    ["SeriesDescription"] = s.Description,
                    ["BodyPartExamined"] = s.BodyPart,
                    ["NumberOfSeriesRelatedInstances"] = s.Instances,
                },
            };
        }

        return new JsonObject
        {
            ["SchemaVersion"] = "1.1",
            ["DatastoreID"] = DemoStudies.DatastoreId,
            ["ImageSetID"] = study.ImageSetId,
            ["Patient"] = new JsonObject
            {
                ["DICOM"] = new JsonObject { ["PatientSex"] = study.PatientSex, ["PatientAge"] = study.PatientAge },
            },
            ["Study"] = new JsonObject
            {
                ["DICOM"] = new JsonObject
                {
                    ["StudyInstanceUID"] = study.StudyInstanceUid,
                    ["StudyDescription"] = study.StudyDescription,
                    ["ModalitiesInStudy"] = study.Modality,
                },
                ["Series"] = series,
            },
        };
    }
}
