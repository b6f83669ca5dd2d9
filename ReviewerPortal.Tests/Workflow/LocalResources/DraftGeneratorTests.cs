using System.Text.Json.Nodes;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Workflow.LocalResources;

public class DraftGeneratorTests
{
    internal static string PromptFor(DemoStudy study, string feedback = "")
    {
        var studyJson = new JsonObject
        {
            ["studyDescription"] = study.StudyDescription,
            ["modality"] = study.Modality,
            ["metadata"] = ImagingMetadataHandler.MetadataOf(study),
        };
        return $"Draft a report. <indication>{study.Indication}</indication> <feedback>{feedback}</feedback> <study>{studyJson.ToJsonString()}</study>";
    }

    [Fact]
    public void A_suspected_stroke_head_ct_gets_a_stroke_report_with_the_required_sections()
    {
        var draft = DraftGenerator.Generate(PromptFor(DemoStudies.CtHeadStroke));

        draft.Should().StartWith("# CT HEAD WITHOUT CONTRAST");
        draft.Should().Contain("## CLINICAL INDICATION").And.Contain("Suspected acute stroke");
        draft.Should().Contain("## TECHNIQUE").And.Contain("Axial brain 5 mm (32 images)");
        draft.Should().Contain("haemorrhage").And.Contain("MCA territory");
        DraftGenerator.RequiredSections.Should().OnlyContain(section => draft.Contains(section, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_demo_study_gets_findings_for_its_own_body_region()
    {
        DraftGenerator.Generate(PromptFor(DemoStudies.ChestXray)).Should().Contain("right upper zone");
        DraftGenerator.Generate(PromptFor(DemoStudies.MriKnee)).Should().Contain("medial meniscus");
        DraftGenerator.Generate(PromptFor(DemoStudies.CtPulmonaryAngiogram)).Should().Contain("pulmonary emboli");
        DraftGenerator.Generate(PromptFor(DemoStudies.CtAbdomenAppendicitis)).Should().Contain("appendicitis");
        DraftGenerator.Generate(PromptFor(DemoStudies.MriLumbarSpine)).Should().Contain("L5 nerve root");
    }

    [Fact]
    public void The_same_prompt_always_gives_the_same_draft()
    {
        DraftGenerator.Generate(PromptFor(DemoStudies.MriKnee)).Should().Be(DraftGenerator.Generate(PromptFor(DemoStudies.MriKnee)));
    }

    [Fact]
    public void Reviewer_feedback_shows_up_in_the_regenerated_draft()
    {
        var draft = DraftGenerator.Generate(PromptFor(DemoStudies.ChestXray, "Compare with the 2024 radiograph."));
        draft.Should().Contain("## REVISION NOTE").And.Contain("Compare with the 2024 radiograph.");
    }

    [Fact]
    public void An_incomplete_draft_lacks_the_impression_the_template_checks_for()
    {
        DraftGenerator.Generate(PromptFor(DemoStudies.MriKnee), omitImpression: true).Should().NotContain("## IMPRESSION");
    }
}
