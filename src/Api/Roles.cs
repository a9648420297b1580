namespace Mist.Api;

/// <summary>The two roles and the policy names endpoints ask for.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Player = "player";

    /// <summary>Admins only.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Anyone logged in: players and admins.</summary>
    public const string PlayerPolicy = "player";
}
