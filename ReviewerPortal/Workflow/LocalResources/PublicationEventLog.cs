using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// The local event bus: events the workflows put, appended to <c>{DataDirectory}/events/published-events.jsonl</c> so
/// they survive a restart, and kept in memory for the Operations page.
/// </summary>
public sealed class PublicationEventLog : IPublishedEvents
{
    private readonly string _path;
    private readonly Lock _gate = new();
    private ImmutableList<PublishedEvent> _events;

    public PublicationEventLog(IOptions<PortalOptions> portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var folder = Path.Combine(Path.GetFullPath(portal.Value.DataDirectory), "events");
        Directory.CreateDirectory(folder);
        _path = Path.Combine(folder, "published-events.jsonl");
        _events = File.Exists(_path) ? Load(_path) : [];
    }

    /// <summary>The local bus is this file: the Operations page can always read it.</summary>
    public bool Readable => true;

    /// <summary>Most recent first.</summary>
    public IReadOnlyList<PublishedEvent> Recent(int limit) => _events.Reverse().Take(limit).ToList();

    public void Append(IReadOnlyList<PublishedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            File.AppendAllLines(_path, events.Select(e => JsonSerializer.Serialize(e)));
            _events = _events.AddRange(events);
        }
    }

    private static ImmutableList<PublishedEvent> Load(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<PublishedEvent>(line))
            .OfType<PublishedEvent>()
            .ToImmutableList();
}
