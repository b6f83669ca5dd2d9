using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ReviewerPortal.Tests.Identity;

/// <summary>
/// A browser's cookie handling reduced to what the tests need, including Secure cookies over loopback HTTP (which
/// Chromium accepts and <see cref="System.Net.CookieContainer"/> does not). Paths are ignored; names are what matters.
/// </summary>
public sealed partial class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    /// <summary>Raw Set-Cookie headers of the last response, for attribute assertions.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public void Take(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];
        foreach (var header in LastSetCookies)
        {
            var nameValue = header.Split(';', 2)[0];
            var separator = nameValue.IndexOf('=', StringComparison.Ordinal);
            var name = nameValue[..separator].Trim();
            var value = nameValue[(separator + 1)..].Trim();
            if (value.Length == 0 || Expired().IsMatch(header))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }

    public void Put(string name, string value) => _cookies[name] = value;

    public HttpRequestMessage Request(HttpMethod method, string uri, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        return request;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string uri, HttpContent? content = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = Request(method, uri, content);
        var response = await client.SendAsync(request);
        Take(response);
        return response;
    }

    [GeneratedRegex("(max-age=0|expires=Thu, 01 Jan 1970)", RegexOptions.IgnoreCase)]
    private static partial Regex Expired();
}
