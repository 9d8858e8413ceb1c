namespace Sightline.Auth;

/// <summary>The <c>oidc</c> mode has never obtained the identity provider's metadata and keys: no token can be validated.</summary>
public sealed class IdentityProviderUnavailableException(string message, Exception inner) : Exception(message, inner);
