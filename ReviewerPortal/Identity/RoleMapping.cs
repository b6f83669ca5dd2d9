namespace ReviewerPortal.Identity;

/// <summary>Maps a provider's role values (Entra app roles) onto portal roles, per <see cref="IdentityOptions.RoleMapping"/>.</summary>
public static class RoleMapping
{
    public static IReadOnlyList<string> Map(IEnumerable<string> providerRoles, IReadOnlyDictionary<string, string> mapping)
    {
        ArgumentNullException.ThrowIfNull(providerRoles);
        ArgumentNullException.ThrowIfNull(mapping);
        return providerRoles
            .Select(value => mapping.Count == 0
                ? PortalRoles.All.FirstOrDefault(role => role == value)
                : mapping.GetValueOrDefault(value))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A mapping that targets something other than a portal role is a configuration error, found at start-up.</summary>
    public static void Validate(IReadOnlyDictionary<string, string> mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var wrong = mapping.Where(pair => !PortalRoles.All.Contains(pair.Value)).Select(pair => $"'{pair.Key}' → '{pair.Value}'").ToList();
        if (wrong.Count > 0)
        {
            throw new PortalConfigurationException(
                $"Identity:RoleMapping maps to unknown portal roles ({string.Join(", ", wrong)}); use {string.Join(", ", PortalRoles.All)}.");
        }
    }
}
