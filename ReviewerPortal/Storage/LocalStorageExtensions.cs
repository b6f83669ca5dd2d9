namespace ReviewerPortal.Storage;

/// <summary>Local mode: a SQLite file for review tasks and a folder for drafts and reports.</summary>
public static class LocalStorageExtensions
{
    public static IServiceCollection AddLocalStorage(this IServiceCollection services) => services;
}
