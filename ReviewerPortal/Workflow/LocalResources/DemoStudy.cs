namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>One series of a demo study, as HealthImaging lists it under <c>Study.Series</c>.</summary>
public sealed record DemoSeries(string SeriesInstanceUid, string Modality, string Description, string BodyPart, int Instances);

/// <summary>
/// A de-identified demo case (ids as in the demo catalog) and the study the local HealthImaging stand-in holds for it:
/// and the metadata the draft generator reads. No real patient data; identifiers are synthetic.
/// </summary>
public sealed record DemoStudy(
    string CaseId,
    string ImageSetId,
    string StudyInstanceUid,
    string StudyDescription,
    string Modality,
    string Indication,
    string Urgency,
    string PatientSex,
    string PatientAge,
    IReadOnlyList<DemoSeries> Series);
