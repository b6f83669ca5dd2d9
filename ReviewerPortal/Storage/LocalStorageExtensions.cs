using Microsoft.Extensions.Options;
using ReviewerPortal.Audit;
using ReviewerPortal.Drafts;
using ReviewerPortal.Review;
using ReviewerPortal.Storage.Files;
using ReviewerPortal.Storage.Sqlite;

namespace ReviewerPortal.Storage;

/// <summary>Local mode: a SQLite file for review tasks and kept edits, and a folder for drafts and reports.</summary>
public static class LocalStorageExtensions
{
    public static IServiceCollection AddLocalStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => LocalDataPaths.From(
            sp.GetRequiredService<IOptions<PortalOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<LocalDataPaths>().DatabaseFile));
        services.AddSingleton<IReviewTaskStore, SqliteReviewTaskStore>();
        services.AddSingleton<IAuditTrail, SqliteAuditTrail>();
        services.AddSingleton<IKeptEditStore, SqliteKeptEditStore>();
        services.AddSingleton<IDraftStore>(sp => new FolderDraftStore(sp.GetRequiredService<LocalDataPaths>().ObjectsFolder));
        return services;
    }
}
