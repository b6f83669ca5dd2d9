using ReviewerPortal.Review;

namespace ReviewerPortal.Demo;

/// <summary>
/// The demo studies a new user reviews in Local mode: realistic radiology work across both queues, de-identified
/// (case numbers only, no names, dates of birth or record numbers in any draft).
/// </summary>
public static class DemoCatalog
{
    public const string DraftBucket = "reviewer-portal-drafts";

    private const int UrgentSla = 60;
    private const int RoutineSla = 24 * 60;

    public static IReadOnlyList<DemoCase> Cases { get; } =
    [
        new("RP-1001", "CT head without contrast — suspected acute stroke", "CT", Urgency.Urgent, 12, UrgentSla, "ct-head-stroke"),
        new("RP-1002", "CT angiography head and neck — large vessel occlusion", "CT", Urgency.Urgent, 20, UrgentSla, "cta-head-neck"),
        new("RP-1003", "CT pulmonary angiogram — suspected pulmonary embolism", "CT", Urgency.Urgent, 35, UrgentSla, "ctpa"),
        new("RP-1004", "Chest X-ray PA — suspected pneumothorax", "DX", Urgency.Urgent, 8, UrgentSla, "cxr-pneumothorax"),
        new("RP-1005", "CT abdomen and pelvis with contrast — suspected appendicitis", "CT", Urgency.Urgent, 41, UrgentSla, "ct-appendix"),
        new("RP-1006", "CT cervical spine — fall with neck pain", "CT", Urgency.Urgent, 52, UrgentSla, "ct-cspine"),
        new("RP-1007", "Chest X-ray AP portable — tube and line position", "DX", Urgency.Urgent, 75, UrgentSla, "cxr-lines"),
        new("RP-2001", "MRI left knee without contrast", "MR", Urgency.Routine, 180, RoutineSla, "mri-knee"),
        new("RP-2002", "Chest X-ray PA and lateral — chronic cough", "DX", Urgency.Routine, 26 * 60, RoutineSla, "cxr-cough"),
        new("RP-2003", "MRI lumbar spine — left S1 radiculopathy", "MR", Urgency.Routine, 300, RoutineSla, "mri-lumbar"),
        new("RP-2004", "Ultrasound abdomen — right upper quadrant pain", "US", Urgency.Routine, 95, RoutineSla, "us-ruq"),
        new("RP-2005", "Screening mammogram, bilateral", "MG", Urgency.Routine, 600, RoutineSla, "mammo-screening"),
        new("RP-2006", "Low-dose CT chest — lung cancer screening", "CT", Urgency.Routine, 720, RoutineSla, "ct-lung-screening"),
        new("RP-2007", "MRI brain with and without contrast — new headache", "MR", Urgency.Routine, 1320, RoutineSla, "mri-brain-headache"),
        new("RP-2008", "X-ray right wrist — fracture follow-up", "DX", Urgency.Routine, 45, RoutineSla, "xr-wrist"),
        new("RP-2009", "Ultrasound thyroid — palpable nodule", "US", Urgency.Routine, 240, RoutineSla, "us-thyroid"),
    ];
}
