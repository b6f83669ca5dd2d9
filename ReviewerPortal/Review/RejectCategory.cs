namespace ReviewerPortal.Review;

/// <summary>Why a clinician rejects a draft, besides their reason in words.</summary>
public enum RejectCategory
{
    InaccurateFindings,
    WrongPatientOrStudy,
    InsufficientImageQuality,
    Other,
}

/// <summary>The words a clinician reads for each <see cref="RejectCategory"/>, and the prefix of the workflow's cause.</summary>
public static class RejectCategories
{
    public static string Label(RejectCategory category) => category switch
    {
        RejectCategory.InaccurateFindings => "Inaccurate findings",
        RejectCategory.WrongPatientOrStudy => "Wrong patient or study",
        RejectCategory.InsufficientImageQuality => "Insufficient image quality",
        _ => "Other",
    };
}
