namespace Sightline.Data.Reputation;

/// <summary>One rule's settings in a rule set: whether it runs, what it adds to the score, its thresholds.</summary>
public sealed class RuleSettings
{
    public bool Enabled { get; init; } = true;

    /// <summary>Points the rule adds to the score when it fires (negative for rules that say a host is benign).</summary>
    public int Weight { get; init; }

    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();

    /// <summary>Names the rule looks for (attack tooling).</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    public double Threshold(string name) => Thresholds.TryGetValue(name, out var value)
        ? value
        : throw new InvalidOperationException($"The reputation rule set has no threshold '{name}'.");
}
