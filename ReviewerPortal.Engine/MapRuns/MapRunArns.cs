using System.Security.Cryptography;
using System.Text;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// Names of a Map Run and its children as Step Functions forms them: the children run a state machine named
/// <c>{stateMachineName}/{label}</c>, and the Map Run is <c>…:mapRun:{stateMachineName}/{label}:{id}</c>.
/// </summary>
internal static class MapRunArns
{
    /// <summary><c>arn:aws:states:{region}:{account}:stateMachine:{name}/{label}</c>, the state machine children run.</summary>
    public static string ChildStateMachine(string parentStateMachineArn, string label) => parentStateMachineArn + "/" + label;

    public static string MapRun(string parentStateMachineArn, string label, string id) =>
        Replace(parentStateMachineArn, "stateMachine", "mapRun") + "/" + label + ":" + id;

    /// <summary>A Standard child: <c>…:execution:{name}/{label}:{childName}</c>.</summary>
    public static string StandardChild(string parentStateMachineArn, string label, string childName) =>
        Replace(parentStateMachineArn, "stateMachine", "execution") + "/" + label + ":" + childName;

    /// <summary>An Express child: <c>…:express:{name}/{label}:{childName}:{id}</c>.</summary>
    public static string ExpressChild(string parentStateMachineArn, string label, string childName) =>
        Replace(parentStateMachineArn, "stateMachine", "express") + "/" + label + ":" + childName + ":" + Id(childName + "/express");

    /// <summary>A UUID-shaped id derived from <paramref name="seed"/>: a replay after a restart names the same thing again.</summary>
    public static string Id(string seed) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(seed))[..16]).ToString();

    /// <summary>The Map Run id (the part after the last colon), which ResultWriter uses as the results folder.</summary>
    public static string IdOf(string mapRunArn) => mapRunArn[(mapRunArn.LastIndexOf(':') + 1)..];

    private static string Replace(string arn, string from, string to)
    {
        var parts = arn.Split(':');
        if (parts.Length < 7 || parts[5] != from)
        {
            throw new ArgumentException($"Not a {from} ARN: {arn}", nameof(arn));
        }

        parts[5] = to;
        return string.Join(':', parts);
    }
}
