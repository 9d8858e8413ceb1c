using System.Text;

namespace Sightline.Data;

/// <summary>
/// Ids formed the way Microsoft Graph forms threat intelligence ids: the natural-key parts joined by
/// <c>$$</c> and base64-encoded, so the same observation always gets the same id.
/// </summary>
public static class GraphIds
{
    public static string Compose(params string[] parts) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join("$$", parts)));

    public static string? TryDecode(string id)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(id));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A GUID derived from a name (version 5 style, SHA-1), for ids Graph gives as GUIDs.</summary>
    public static string Guid(string name)
    {
        var hash = System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes("sightline:" + name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new System.Guid(bytes, bigEndian: true).ToString();
    }
}
