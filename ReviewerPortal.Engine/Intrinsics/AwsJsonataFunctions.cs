using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Jsonata;
using ReviewerPortal.Engine.Jsonata.Functions;

namespace ReviewerPortal.Engine.Intrinsics;

/// <summary>
/// The functions Step Functions adds to JSONata (its replacements for the JSONPath intrinsics): <c>$partition</c>,
/// <c>$range</c>, <c>$hash</c>, <c>$random</c> (with an optional seed), <c>$uuid</c> and <c>$parse</c>; and, as the service
/// documents, no <c>$eval</c> (<c>$parse</c> replaces it), so calling it fails with T1006.
/// </summary>
internal static class AwsJsonataFunctions
{
    public static FunctionLibrary Library { get; } = FunctionLibrary.Standard.With(library =>
    {
        library.Add("partition", "<an:a>", (_, a) => Partition((JList)a[0]!, (double)a[1]!));
        library.Add("range", "<nnn:a>", (_, a) => Range((double)a[0]!, (double)a[1]!, (double)a[2]!));
        library.Add("hash", "<ss:s>", (_, a) => Hash((string)a[0]!, (string)a[1]!));
        library.Add("random", "<n?:n>", (_, a) => Random(a[0] as double?));
        library.Add("uuid", "<:s>", (_, _) => Guid.NewGuid().ToString());
        library.Add("parse", "<s:j>", (_, a) => Parse((string)a[0]!));
        library.Remove("eval");
    });

    private static JList Partition(JList array, double size)
    {
        if (size < 1 || size != Math.Floor(size))
        {
            throw new JsonataException("D3000", $"$partition: the chunk size must be a positive integer, got {Strings.FormatNumber(size)}");
        }

        var chunks = new JList();
        foreach (var chunk in array.Chunk((int)size))
        {
            chunks.Add(new JList(chunk));
        }

        return chunks;
    }

    private static JList Range(double start, double end, double step)
    {
        if (step == 0 || start != Math.Floor(start) || end != Math.Floor(end) || step != Math.Floor(step))
        {
            throw new JsonataException("D3000", "$range: start, end and step must be integers and step must not be 0");
        }

        var result = JList.Sequence();
        for (var n = start; step > 0 ? n <= end : n >= end; n += step)
        {
            if (result.Count >= 1000)
            {
                throw new JsonataException("D3000", "$range: at most 1000 items");
            }

            result.Add(n);
        }

        return result;
    }

    private static string Hash(string data, string algorithm)
    {
        var bytes = Encoding.UTF8.GetBytes(data);
#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are offered because the workflow language offers them, not for security.
        var hash = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw new JsonataException("D3000", $"$hash: the algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, not '{algorithm}'"),
        };
#pragma warning restore CA5350, CA5351
        return Convert.ToHexStringLower(hash);
    }

#pragma warning disable CA5394 // a workflow's random numbers are not security relevant; a seed must repeat its sequence.
    private static double Random(double? seed) =>
        seed is { } s ? new Random((int)s).NextDouble() : System.Random.Shared.NextDouble();
#pragma warning restore CA5394

    private static object? Parse(string text)
    {
        try
        {
            return JsonConversion.FromNode(JsonNode.Parse(text));
        }
        catch (JsonException e)
        {
            throw new JsonataException("D3000", $"$parse: the string is not valid JSON ({e.Message.Split('.')[0]})");
        }
    }
}
