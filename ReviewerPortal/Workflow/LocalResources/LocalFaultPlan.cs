using System.Collections.Concurrent;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>A failure the local stand-ins for AWS services can be told to produce, to exercise the templates' error paths.</summary>
public enum LocalFault
{
    /// <summary>HealthImaging answers <c>ThrottlingException</c>: the metadata fetch retries.</summary>
    StudyMetadataThrottled,

    /// <summary>Bedrock answers <c>ThrottlingException</c>: the model step backs off and retries.</summary>
    ModelThrottled,

    /// <summary>The model returns a draft without an IMPRESSION section: validation sends the case to manual drafting.</summary>
    IncompleteDraft,

    /// <summary>EventBridge rejects the publication event: publication retries, then compensates.</summary>
    PublicationEventRejected,
}

/// <summary>
/// Failures armed for the next calls of the local handlers (Local mode only). Tests and demonstrations arm a fault a
/// number of times; each call that meets it consumes one. Nothing is armed by default.
/// </summary>
public sealed class LocalFaultPlan
{
    private readonly ConcurrentDictionary<LocalFault, int> _remaining = new();

    public void Arm(LocalFault fault, int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        _remaining[fault] = times;
    }

    public int Remaining(LocalFault fault) => _remaining.GetValueOrDefault(fault);

    /// <summary>True when this call must fail, consuming one armed occurrence.</summary>
    public bool TryConsume(LocalFault fault)
    {
        while (true)
        {
            var left = _remaining.GetValueOrDefault(fault);
            if (left <= 0)
            {
                return false;
            }

            if (_remaining.TryUpdate(fault, left - 1, left))
            {
                return true;
            }
        }
    }
}
