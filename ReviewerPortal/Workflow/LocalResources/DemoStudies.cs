namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>The de-identified studies of the local imaging store: urgent and routine cases across modalities.</summary>
public static class DemoStudies
{
    /// <summary>The single local HealthImaging datastore (32 hex characters, as AWS issues them).</summary>
    public const string DatastoreId = "0d5c1ab1e4c94f0e8f3f1c1b2a7d6e01";

    public static DemoStudy CtHeadStroke { get; } = new(
        "RP-1001", "7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a61", "1.2.826.0.1.3680043.10.511.1001",
        "CT HEAD WITHOUT CONTRAST", "CT", "Suspected acute stroke: sudden left-sided weakness and slurred speech, onset 90 minutes ago.",
        "urgent", "M", "071Y",
        [
            new("1.2.826.0.1.3680043.10.511.1001.1", "CT", "Axial brain 5 mm", "HEAD", 32),
            new("1.2.826.0.1.3680043.10.511.1001.2", "CT", "Axial bone 1.25 mm", "HEAD", 128),
        ]);

    public static DemoStudy CtPulmonaryAngiogram { get; } = new(
        "RP-1003", "7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a62", "1.2.826.0.1.3680043.10.511.1002",
        "CT PULMONARY ANGIOGRAM", "CT", "Pleuritic chest pain and tachycardia after long-haul flight; Wells score 6.",
        "urgent", "F", "043Y",
        [
            new("1.2.826.0.1.3680043.10.511.1002.1", "CT", "CTPA arterial 1 mm", "CHEST", 310),
            new("1.2.826.0.1.3680043.10.511.1002.2", "CT", "MIP coronal 10 mm", "CHEST", 40),
        ]);

    public static DemoStudy CtAbdomenAppendicitis { get; } = new(
        "RP-1005", "7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a63", "1.2.826.0.1.3680043.10.511.1003",
        "CT ABDOMEN AND PELVIS WITH CONTRAST", "CT", "Right iliac fossa pain, fever and raised inflammatory markers; query appendicitis.",
        "urgent", "M", "024Y",
        [
            new("1.2.826.0.1.3680043.10.511.1003.1", "CT", "Portal venous axial 2 mm", "ABDOMEN", 240),
            new("1.2.826.0.1.3680043.10.511.1003.2", "CT", "Coronal reformat 3 mm", "ABDOMEN", 90),
        ]);

    public static DemoStudy ChestXray { get; } = new(
        "RP-2002", "7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a64", "1.2.826.0.1.3680043.10.511.1004",
        "XR CHEST PA AND LATERAL", "DX", "Persistent cough for six weeks in a former smoker.",
        "routine", "F", "062Y",
        [
            new("1.2.826.0.1.3680043.10.511.1004.1", "DX", "PA", "CHEST", 1),
            new("1.2.826.0.1.3680043.10.511.1004.2", "DX", "Lateral", "CHEST", 1),
        ]);

    public static DemoStudy MriKnee { get; } = new(
        "RP-2001", "7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a65", "1.2.826.0.1.3680043.10.511.1005",
        "MRI KNEE RIGHT WITHOUT CONTRAST", "MR", "Twisting injury playing football; medial joint line pain and locking.",
        "routine", "M", "035Y",
        [
            new("1.2.826.0.1.3680043.10.511.1005.1", "MR", "Sagittal PD fat-sat", "KNEE", 28),
            new("1.2.826.0.1.3680043.10.511.1005.2", "MR", "Coronal PD fat-sat", "KNEE", 26),
            new("1.2.826.0.1.3680043.10.511.1005.3", "MR", "Axial T2", "KNEE", 24),
        ]);

    public static DemoStudy MriLumbarSpine { get; } = new(
        "RP-2003", "7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a66", "1.2.826.0.1.3680043.10.511.1006",
        "MRI LUMBAR SPINE WITHOUT CONTRAST", "MR", "Low back pain radiating to the left leg for three months; no red flags.",
        "routine", "F", "052Y",
        [
            new("1.2.826.0.1.3680043.10.511.1006.1", "MR", "Sagittal T2", "LSPINE", 15),
            new("1.2.826.0.1.3680043.10.511.1006.2", "MR", "Axial T2", "LSPINE", 30),
        ]);

    public static DemoStudy CtAngiogramHeadNeck { get; } = new(
        "RP-1002", "7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a67", "1.2.826.0.1.3680043.10.511.1007",
        "CT ANGIOGRAPHY HEAD AND NECK", "CT", "Acute left hemiparesis, NIHSS 14; query large vessel occlusion before thrombectomy.",
        "urgent", "F", "078Y",
        [
            new("1.2.826.0.1.3680043.10.511.1007.1", "CT", "Arterial axial 0.625 mm", "NECK", 520),
            new("1.2.826.0.1.3680043.10.511.1007.2", "CT", "MIP coronal 8 mm", "NECK", 60),
        ]);

    public static DemoStudy ChestXrayPneumothorax { get; } = new(
        "RP-1004", "7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a68", "1.2.826.0.1.3680043.10.511.1008",
        "XR CHEST PA — QUERY PNEUMOTHORAX", "DX", "Sudden right-sided pleuritic chest pain and breathlessness in a tall young smoker.",
        "urgent", "M", "022Y",
        [
            new("1.2.826.0.1.3680043.10.511.1008.1", "DX", "PA erect", "CHEST", 1),
        ]);

    public static DemoStudy CtCervicalSpine { get; } = new(
        "RP-1006", "7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a69", "1.2.826.0.1.3680043.10.511.1009",
        "CT CERVICAL SPINE WITHOUT CONTRAST", "CT", "Fall down stairs with neck pain and midline tenderness; Canadian C-spine rule positive.",
        "urgent", "F", "081Y",
        [
            new("1.2.826.0.1.3680043.10.511.1009.1", "CT", "Axial bone 1 mm", "CSPINE", 260),
            new("1.2.826.0.1.3680043.10.511.1009.2", "CT", "Sagittal reformat 2 mm", "CSPINE", 70),
        ]);

    public static DemoStudy UltrasoundRightUpperQuadrant { get; } = new(
        "RP-2004", "7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a6a", "1.2.826.0.1.3680043.10.511.1010",
        "US ABDOMEN — RIGHT UPPER QUADRANT", "US", "Intermittent right upper quadrant pain after fatty meals; normal liver tests.",
        "routine", "F", "046Y",
        [
            new("1.2.826.0.1.3680043.10.511.1010.1", "US", "Liver, gallbladder and biliary tree", "ABDOMEN", 42),
        ]);

    public static DemoStudy LowDoseCtChest { get; } = new(
        "RP-2006", "7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a6b", "1.2.826.0.1.3680043.10.511.1011",
        "LOW-DOSE CT CHEST — LUNG CANCER SCREENING", "CT", "Annual screening round; 40 pack-year former smoker, asymptomatic.",
        "routine", "M", "067Y",
        [
            new("1.2.826.0.1.3680043.10.511.1011.1", "CT", "Axial lung 1 mm", "CHEST", 300),
        ]);

    public static DemoStudy WristRadiograph { get; } = new(
        "RP-2008", "7a1f0c9e2b4d4e6f8a0b1c2d3e4f5a6c", "1.2.826.0.1.3680043.10.511.1012",
        "XR WRIST RIGHT — FRACTURE FOLLOW-UP", "DX", "Six weeks after a cast for a distal radius fracture; check alignment and healing.",
        "routine", "F", "058Y",
        [
            new("1.2.826.0.1.3680043.10.511.1012.1", "DX", "PA and lateral", "WRIST", 2),
        ]);

    public static IReadOnlyList<DemoStudy> All { get; } =
        [
            CtHeadStroke, CtAngiogramHeadNeck, CtPulmonaryAngiogram, ChestXrayPneumothorax, CtAbdomenAppendicitis, CtCervicalSpine,
            MriKnee, ChestXray, MriLumbarSpine, UltrasoundRightUpperQuadrant, LowDoseCtChest, WristRadiograph,
        ];

    public static DemoStudy? FindByImageSet(string imageSetId) =>
        All.FirstOrDefault(s => string.Equals(s.ImageSetId, imageSetId, StringComparison.Ordinal));

    public static DemoStudy? FindByCaseId(string caseId) =>
        All.FirstOrDefault(s => string.Equals(s.CaseId, caseId, StringComparison.Ordinal));
}
