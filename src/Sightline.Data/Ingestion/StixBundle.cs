using Sightline.Parsers.Stix;

namespace Sightline.Data.Ingestion;

/// <summary>
/// One bundle's objects, indexed so the mapping can follow references: objects by id (the latest version when a
/// bundle holds several versions of one object), relationships by source and by target. Revoked and deprecated
/// objects are kept in the index but are not <see cref="IsLive"/>, so nothing is built from them or points at them.
/// </summary>
internal sealed class StixBundle
{
    private readonly Dictionary<string, StixObject> _byId = new(StringComparer.Ordinal);
    private readonly ILookup<string, StixRelationship> _bySource;
    private readonly ILookup<string, StixRelationship> _byTarget;

    public StixBundle(IReadOnlyList<StixObject> objects)
    {
        foreach (var o in objects)
        {
            if (!_byId.TryGetValue(o.Id, out var known) || Newer(o, known))
            {
                _byId[o.Id] = o;
            }
        }
        Objects = objects.Where(o => ReferenceEquals(_byId[o.Id], o)).ToList();
        var relationships = Objects.OfType<StixRelationship>().Where(IsLive).ToList();
        _bySource = relationships.ToLookup(r => r.SourceRef, StringComparer.Ordinal);
        _byTarget = relationships.ToLookup(r => r.TargetRef, StringComparer.Ordinal);
        Indicators = Objects.OfType<StixIndicator>().Where(IsLive).ToList();
    }

    /// <summary>The current version of each object, in bundle order.</summary>
    public IReadOnlyList<StixObject> Objects { get; }

    public IReadOnlyList<StixIndicator> Indicators { get; }

    /// <summary>Whether the object is the current version of its id in this bundle.</summary>
    public bool IsCurrent(StixObject o) => ReferenceEquals(_byId[o.Id], o);

    /// <summary>Whether the bundle holds any version of this id, live or not.</summary>
    public bool Holds(string id) => _byId.ContainsKey(id);

    public static bool IsLive(StixObject o) => !o.Revoked && !o.Deprecated;

    public static bool IsProfile(StixObject o) => o is StixIntrusionSet or StixMalware or StixTool;

    /// <summary>The live object with this id, when the bundle holds one of that type.</summary>
    public T? Find<T>(string id) where T : StixObject =>
        _byId.TryGetValue(id, out var o) && o is T typed && IsLive(o) ? typed : null;

    public IEnumerable<StixRelationship> From(string sourceId, string type) =>
        _bySource[sourceId].Where(r => string.Equals(r.RelationshipType, type, StringComparison.Ordinal));

    public IEnumerable<StixRelationship> To(string targetId, string type) =>
        _byTarget[targetId].Where(r => string.Equals(r.RelationshipType, type, StringComparison.Ordinal));

    /// <summary>
    /// The indicators a report covers: those it lists in <c>object_refs</c>, or every indicator of the bundle when
    /// it lists none (a Unit 42 playbook's main report lists only its campaign sub-reports).
    /// </summary>
    public IReadOnlyList<StixIndicator> IndicatorsOf(StixReport report)
    {
        var listed = report.ObjectRefs.Select(Find<StixIndicator>).OfType<StixIndicator>().Distinct().ToList();
        return listed.Count > 0 || report.ObjectRefs.Any(r => r.StartsWith("indicator--", StringComparison.Ordinal)) ? listed : Indicators;
    }

    /// <summary>The campaigns attributed to an intrusion set, whose techniques and targets are the actor's too.</summary>
    public IEnumerable<StixCampaign> CampaignsOf(string intrusionSetId) =>
        To(intrusionSetId, "attributed-to").Select(r => Find<StixCampaign>(r.SourceRef)).OfType<StixCampaign>();

    private static bool Newer(StixObject candidate, StixObject known) =>
        (candidate.Modified ?? DateTimeOffset.MinValue) > (known.Modified ?? DateTimeOffset.MinValue);
}
