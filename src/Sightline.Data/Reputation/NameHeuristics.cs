using System.Globalization;

namespace Sightline.Data.Reputation;

/// <summary>
/// Features of a domain label that separate machine-generated names (domain generation algorithms, throwaway
/// registrations) from names people choose: hyphens are ignored; vowels are <c>aeiouy</c>.
/// </summary>
/// <param name="Length">Letters and digits in the label.</param>
/// <param name="Entropy">Shannon entropy of the label's characters, in bits per character.</param>
/// <param name="ConsonantRun">The longest run of consecutive consonants.</param>
/// <param name="DigitShare">The share of digits among the characters.</param>
public readonly record struct NameFeatures(int Length, double Entropy, int ConsonantRun, double DigitShare)
{
    public static NameFeatures Of(string label)
    {
        var chars = label.Where(c => c != '-').ToArray();
        if (chars.Length == 0)
        {
            return default;
        }
        var entropy = chars.GroupBy(c => c).Select(g => (double)g.Count() / chars.Length).Sum(p => -p * Math.Log2(p));
        int run = 0, longest = 0;
        foreach (var c in chars)
        {
            run = char.IsAsciiLetter(c) && !"aeiouy".Contains(c, StringComparison.Ordinal) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return new NameFeatures(chars.Length, entropy, longest, (double)chars.Count(char.IsAsciiDigit) / chars.Length);
    }

    /// <summary>
    /// Why the label looks generated, or null: at least <paramref name="minLength"/> characters, and either a run of
    /// <paramref name="minConsonantRun"/> consonants or both entropy from <paramref name="minEntropy"/> and digits making
    /// up <paramref name="minDigitShare"/>.
    /// </summary>
    public string? Verdict(double minLength, double minConsonantRun, double minEntropy, double minDigitShare)
    {
        if (Length < minLength)
        {
            return null;
        }
        if (ConsonantRun >= minConsonantRun)
        {
            return $"a run of {ConsonantRun} consonants";
        }
        return Entropy >= minEntropy && DigitShare >= minDigitShare
            ? $"high entropy with mixed digits ({(DigitShare * 100).ToString("0", CultureInfo.InvariantCulture)}% digits)"
            : null;
    }
}
