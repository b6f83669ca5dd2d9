namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp folder, deleted with the test that owns it.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "reviewer-portal-test")
    {
        Path = Directory.CreateTempSubdirectory(prefix + "-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing a file; the OS temp cleaner gets it later.
        }
    }
}
