using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ReviewerPortal.Tests.StepFunctions;

/// <summary>
/// A real HTTP server on a free loopback port that records every request it receives and answers from a script
/// (status and body per request; the last answer repeats). Stands in for AWS, which cannot run here.
/// </summary>
public sealed class ScriptedAwsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<(int Status, string Body)> _script;
    private int _answered;

    private ScriptedAwsServer(WebApplication app, List<(int Status, string Body)> script)
    {
        _app = app;
        _script = script;
    }

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<ScriptedAwsServer> StartAsync(params (int Status, string Body)[] script)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedAwsServer(app, [.. script]);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First());
        return server;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, headers, body));
        var index = Math.Min(Interlocked.Increment(ref _answered) - 1, _script.Count - 1);
        var (status, answer) = _script[index];
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.0";
        context.Response.Headers["x-amzn-RequestId"] = $"request-{index}";
        await context.Response.WriteAsync(answer);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
