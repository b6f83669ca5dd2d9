using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Workflow.Templates;

/// <summary>One ASL template the portal ships in this folder (embedded under its old logical name, <c>Workflows.*</c>): its state machine name, type and embedded file.</summary>
public sealed record BundledTemplate(string Name, StateMachineType Type, string FileName)
{
    public string ResourceName => "Workflows." + FileName;

    /// <summary>The definition as shipped, placeholders (<c>${…}</c>) still in place.</summary>
    public string ReadDefinition()
    {
        using var stream = typeof(BundledTemplate).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The bundled template {ResourceName} is not embedded in the portal assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
