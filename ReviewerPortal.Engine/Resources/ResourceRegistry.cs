namespace ReviewerPortal.Engine.Resources;

/// <summary>Finds the local handler of a Task resource among the registered ones; none is a States.Runtime failure naming it.</summary>
internal sealed class ResourceRegistry(IEnumerable<ILocalResourceHandler> handlers)
{
    private readonly ILocalResourceHandler[] handlers = [.. handlers];

    public ILocalResourceHandler Find(string baseResource) =>
        handlers.FirstOrDefault(h => h.CanHandle(baseResource))
        ?? throw new StateFailure(
            StatesErrors.Runtime,
            $"The resource '{baseResource}' is not available in the local engine: no local handler serves it.");

    public bool Exists(string baseResource) => handlers.Any(h => h.CanHandle(baseResource));
}
