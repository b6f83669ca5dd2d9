namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>Phrases for the routine demo studies beyond the first three: ultrasound, screening CT, wrist radiograph.</summary>
internal sealed partial record ReportPhrases
{
    private static readonly ReportPhrases UltrasoundRightUpperQuadrant = new(
        "Transabdominal ultrasound of the liver, gallbladder, biliary tree, pancreas and right kidney after fasting.",
        [
            "The gallbladder contains multiple mobile echogenic calculi, the largest 14 mm, with posterior acoustic shadowing.",
            "The gallbladder wall measures 2 mm. No pericholecystic fluid. Sonographic Murphy's sign is negative.",
            "The common bile duct measures 4 mm. No intrahepatic duct dilatation.",
            "The liver is normal in size and echotexture. The visualised pancreas and the right kidney are unremarkable.",
        ],
        [
            "Cholelithiasis without sonographic evidence of acute cholecystitis or biliary obstruction.",
        ]);

    private static readonly ReportPhrases LowDoseCtChest = new(
        "Low-dose non-contrast CT of the chest, 1 mm axial reconstructions on lung and soft tissue kernels.",
        [
            "A 5 mm solid nodule in the right upper lobe (series 1, image 112), unchanged in size from the prior screening round.",
            "Mild centrilobular emphysema in both upper lobes.",
            "No lymphadenopathy. No pleural effusion.",
            "Moderate coronary artery calcification.",
        ],
        [
            "Stable 5 mm right upper lobe solid nodule: Lung-RADS category 2, benign behaviour. Continue annual screening.",
            "Centrilobular emphysema and coronary artery calcification; incidental findings for the referring clinician.",
        ]);

    private static readonly ReportPhrases WristRadiograph = new(
        "PA and lateral radiographs of the right wrist out of plaster.",
        [
            "Healing distal radius fracture with bridging callus across the dorsal and radial cortices.",
            "Alignment is maintained: radial inclination 21 degrees, volar tilt 5 degrees, no radial shortening.",
            "The distal radioulnar joint is congruent. The carpal bones are intact.",
        ],
        [
            "Healing distal radius fracture in satisfactory alignment.",
        ]);
}
