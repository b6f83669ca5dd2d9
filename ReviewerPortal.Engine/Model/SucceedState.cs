namespace ReviewerPortal.Engine.Model;

/// <summary>Ends the execution (or branch) successfully with its input as output.</summary>
internal sealed class SucceedState : State
{
    public override string Type => "Succeed";

    public override bool ProducesResult => false;
}
