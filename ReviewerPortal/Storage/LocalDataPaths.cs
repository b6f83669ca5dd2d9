namespace ReviewerPortal.Storage;

/// <summary>Where Local mode keeps its data: <c>Portal:DataDirectory</c>, relative to the content root unless absolute.</summary>
public sealed record LocalDataPaths(string Root)
{
    public string DatabaseFile => Path.Combine(Root, "reviewer-portal.db");

    /// <summary>Objects addressed <c>s3://bucket/key</c> live at <c>{ObjectsFolder}/{bucket}/{key}</c>.</summary>
    public string ObjectsFolder => Path.Combine(Root, "objects");

    public static LocalDataPaths From(PortalOptions portal, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(environment);
        return new LocalDataPaths(Path.GetFullPath(Path.Combine(environment.ContentRootPath, portal.DataDirectory)));
    }
}
