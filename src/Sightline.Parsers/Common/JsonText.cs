namespace Sightline.Parsers.Common;

/// <summary>
/// JSON that parses can still hold strings that are not text: invalid UTF-8 bytes, or an escaped lone surrogate
/// such as <c>"\ud800"</c>. <see cref="System.Text.Json.JsonElement.GetString"/> throws
/// <see cref="InvalidOperationException"/> on them only when a mapper reads the value, so each reader catches it
/// where it maps one record and rejects that record with this reason.
/// </summary>
internal static class JsonText
{
    public static string Invalid(InvalidOperationException e) => "a value is not valid text (" + e.Message.TrimEnd('.') + ")";
}
