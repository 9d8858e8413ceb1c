namespace Sightline.Portal;

/// <summary>The portal's addresses as <c>serve</c> prints them.</summary>
public static class PortalLinks
{
    /// <summary>
    /// The sign-in link: the token rides in the fragment, which browsers never send to a server or put in a
    /// Referer; the sign-in page moves it into the tab's sessionStorage and drops it from the address bar.
    /// </summary>
    public static string SignIn(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/#/signin?token={Uri.EscapeDataString(token)}";

    public static string Home(string baseUrl) => $"{baseUrl.TrimEnd('/')}/";
}
