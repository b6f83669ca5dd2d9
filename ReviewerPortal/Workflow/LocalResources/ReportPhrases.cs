namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>What a radiologist typically writes for one kind of study: technique, findings and impression lines.</summary>
internal sealed partial record ReportPhrases(string Technique, IReadOnlyList<string> Findings, IReadOnlyList<string> Impression)
{
    /// <summary>Chooses the phrases for a study from its modality and the body part of its series.</summary>
    public static ReportPhrases For(string modality, string bodyPart, string description) =>
        (modality, bodyPart) switch
        {
            ("CT", "HEAD") => CtHead,
            ("CT", "NECK") => CtAngiogramHeadNeck,
            ("CT", "CSPINE") => CtCervicalSpine,
            ("CT", "CHEST") when description.Contains("SCREENING", StringComparison.OrdinalIgnoreCase) => LowDoseCtChest,
            ("DX" or "CR", "CHEST") when description.Contains("PNEUMOTHORAX", StringComparison.OrdinalIgnoreCase) => ChestRadiographPneumothorax,
            ("DX" or "CR", "WRIST") => WristRadiograph,
            ("US", "ABDOMEN") => UltrasoundRightUpperQuadrant,
            ("CT", "CHEST") when description.Contains("ANGIO", StringComparison.OrdinalIgnoreCase) => CtPulmonaryAngiogram,
            ("CT", "ABDOMEN") => CtAbdomen,
            ("DX" or "CR", "CHEST") => ChestRadiograph,
            ("MR", "KNEE") => MriKnee,
            ("MR", "LSPINE") => MriLumbarSpine,
            _ => General,
        };

    private static readonly ReportPhrases CtHead = new(
        "Non-contrast axial CT of the head with 5 mm brain and 1.25 mm bone reconstructions.",
        [
            "There is subtle loss of grey-white matter differentiation in the right insular cortex and right lentiform nucleus.",
            "A hyperdense segment of the right middle cerebral artery (M1) is suspected.",
            "No intracranial haemorrhage. No extra-axial collection. No midline shift.",
            "The ventricles and sulci are appropriate for age. Mild periventricular white matter hypodensity, likely chronic small vessel change.",
            "The calvarium and skull base are intact. The visualised paranasal sinuses and mastoid air cells are clear.",
        ],
        [
            "Early ischaemic change in the right MCA territory (estimated ASPECTS 8) with a suspected hyperdense right M1 segment.",
            "No intracranial haemorrhage: no contraindication to thrombolysis on imaging grounds.",
            "Recommend CT angiography to confirm large vessel occlusion; findings communicated to the stroke team.",
        ]);

    private static readonly ReportPhrases CtPulmonaryAngiogram = new(
        "CT pulmonary angiogram after intravenous contrast, 1 mm axial reconstructions with coronal MIPs. Contrast opacification of the pulmonary arteries is adequate.",
        [
            "Filling defects are present in the right lower lobe segmental and subsegmental arteries.",
            "The main and left pulmonary arteries are patent.",
            "The RV:LV ratio is 0.9; no reflux of contrast into the IVC. No pericardial effusion.",
            "Small wedge-shaped peripheral opacity in the right lower lobe, in keeping with early infarction.",
            "No pleural effusion. No suspicious pulmonary nodule.",
        ],
        [
            "Acute right lower lobe segmental and subsegmental pulmonary emboli.",
            "No CT evidence of right heart strain.",
            "Small right lower lobe peripheral opacity, likely pulmonary infarct.",
        ]);

    private static readonly ReportPhrases CtAbdomen = new(
        "CT of the abdomen and pelvis in the portal venous phase after intravenous contrast, with coronal reformats.",
        [
            "The appendix is dilated to 11 mm with wall thickening, mucosal hyperenhancement and periappendiceal fat stranding.",
            "A 6 mm appendicolith is present at the appendiceal base. No extraluminal gas or drainable collection.",
            "Small volume of free fluid in the pelvis.",
            "The liver, gallbladder, pancreas, spleen, adrenal glands and kidneys are unremarkable.",
            "No bowel obstruction. No lymphadenopathy.",
        ],
        [
            "Acute uncomplicated appendicitis with an appendicolith.",
            "No perforation or abscess.",
        ]);

    private static readonly ReportPhrases ChestRadiograph = new(
        "PA and lateral chest radiographs.",
        [
            "There is a 2.1 cm rounded opacity projected over the right upper zone, not present on the available prior.",
            "The lungs are otherwise clear. No pleural effusion or pneumothorax.",
            "The cardiomediastinal silhouette is within normal limits. The hila are not enlarged.",
            "The visualised bones are unremarkable for age.",
        ],
        [
            "New 2.1 cm right upper zone opacity in a former smoker: further assessment with CT chest is recommended.",
            "No pleural effusion or pneumothorax.",
        ]);

    private static readonly ReportPhrases MriKnee = new(
        "Multiplanar multisequence MRI of the right knee without contrast (sagittal and coronal PD fat-saturated, axial T2).",
        [
            "Medial meniscus: oblique tear of the posterior horn extending to the inferior articular surface; no displaced fragment.",
            "Lateral meniscus: intact.",
            "The anterior and posterior cruciate ligaments are intact. Low-grade sprain of the proximal medial collateral ligament.",
            "Small joint effusion. No bone bruise or osteochondral defect.",
            "The extensor mechanism is intact.",
        ],
        [
            "Oblique tear of the posterior horn of the medial meniscus, without a displaced fragment.",
            "Low-grade proximal MCL sprain. Cruciate ligaments intact.",
        ]);

    private static readonly ReportPhrases MriLumbarSpine = new(
        "Sagittal and axial T2-weighted MRI of the lumbar spine without contrast.",
        [
            "Normal lumbar lordosis and vertebral body heights. No marrow signal abnormality.",
            "L4-L5: disc desiccation with a left paracentral disc protrusion contacting the traversing left L5 nerve root in the lateral recess.",
            "L5-S1: mild disc bulge without neural compromise.",
            "The conus terminates normally at L1. No spinal canal stenosis.",
        ],
        [
            "L4-L5 left paracentral disc protrusion contacting the traversing left L5 nerve root, concordant with left-sided radicular symptoms.",
            "No high-grade canal stenosis and no features of cauda equina compression.",
        ]);

    private static readonly ReportPhrases General = new(
        "Standard protocol for the requested examination.",
        [
            "The examination is technically adequate.",
            "No acute abnormality is identified in the imaged region.",
        ],
        [
            "No acute abnormality identified.",
        ]);
}
