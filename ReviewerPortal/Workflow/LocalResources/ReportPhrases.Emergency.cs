namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>Phrases for the urgent demo studies beyond the first three: vessels, pneumothorax, cervical spine.</summary>
internal sealed partial record ReportPhrases
{
    private static readonly ReportPhrases CtAngiogramHeadNeck = new(
        "CT angiography from the aortic arch to the vertex after intravenous contrast, 0.625 mm axial images with MIP reconstructions.",
        [
            "Abrupt occlusion of the left middle cerebral artery M1 segment, 8 mm from its origin, with reduced distal collateral filling.",
            "The left internal carotid artery is patent without significant stenosis at the bifurcation.",
            "The vertebral and basilar arteries are patent. The circle of Willis is otherwise complete.",
            "No aneurysm is identified. The aortic arch has a normal three-vessel branching pattern.",
        ],
        [
            "Left MCA M1 occlusion with poor collaterals: large vessel occlusion, suitable for thrombectomy assessment.",
            "No significant stenosis of the cervical carotid arteries.",
            "Findings communicated to the stroke and interventional neuroradiology teams.",
        ]);

    private static readonly ReportPhrases ChestRadiographPneumothorax = new(
        "Single erect PA chest radiograph.",
        [
            "A visceral pleural line is seen in the right hemithorax with absent lung markings peripherally; the rim measures 3.5 cm at the level of the hilum.",
            "No mediastinal shift. The left lung is clear.",
            "The heart size is normal. No pleural effusion.",
        ],
        [
            "Large right-sided pneumothorax (3.5 cm at the hilum) without radiographic tension.",
            "Recommend urgent clinical review per pneumothorax management guidance.",
        ]);

    private static readonly ReportPhrases CtCervicalSpine = new(
        "Non-contrast helical CT of the cervical spine from the skull base to T2 with sagittal and coronal reformats.",
        [
            "Undisplaced fracture through the anterior-inferior corner of the C2 vertebral body.",
            "Craniocervical and atlantoaxial alignment is maintained. The odontoid peg is intact.",
            "Multilevel degenerative disc disease, most marked at C5/6, with moderate foraminal narrowing.",
            "No prevertebral soft tissue swelling beyond that expected for age.",
        ],
        [
            "Undisplaced anterior-inferior C2 body fracture; cervical collar to remain until spinal team review.",
            "Degenerative change at C5/6 without acute malalignment.",
        ]);
}
