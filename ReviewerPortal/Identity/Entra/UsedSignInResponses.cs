using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ReviewerPortal.Identity.Entra;

/// <summary>
/// Remembers every sign-in attempt (its correlation id from the state) whose response this instance has seen, for as
/// long as a sign-in may take, so a replayed response is refused even with the cookies of its attempt (the provider
/// also refuses a code used twice).
/// </summary>
public sealed class UsedSignInResponses(IMemoryCache cache, IOptions<IdentityOptions> options)
{
    private readonly Lock _checking = new();

    /// <summary>True the first time <paramref name="attempt"/> is presented; false for every replay.</summary>
    public bool TryUse(string attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        // A hash, so that the cache never holds the value itself.
        var key = "used-sign-in:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(attempt)));
        lock (_checking)
        {
            if (cache.TryGetValue(key, out _))
            {
                return false;
            }

            cache.Set(key, true, options.Value.SignInTimeout + options.Value.ClockSkew);
            return true;
        }
    }
}
