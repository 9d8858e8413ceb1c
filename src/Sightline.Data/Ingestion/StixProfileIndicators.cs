using Sightline.Data.Entities;
using Sightline.Parsers.Stix;

namespace Sightline.Data.Ingestion;

/// <summary>One profile indicator row as a bundle gives it, and the STIX indicators that produced it.</summary>
internal sealed record StixProfileIndicator(IntelProfileIndicator Row, HashSet<string> Sources);

/// <summary>
/// Which indicators belong to which profile: an indicator that <c>indicates</c> an intrusion set, malware or tool,
/// and every indicator of a report <c>attributed-to</c> an intrusion set. Each artifact becomes one row per
/// profile, with a GUID named by profile and value as id,
/// seen from the earliest valid_from to the latest modified of the indicators that name it.
/// </summary>
internal static class StixProfileIndicators
{
    /// <summary>(profile STIX id, indicator) pairs, before the profiles are checked to exist.</summary>
    public static IEnumerable<(string ProfileStixId, StixIndicator Indicator)> Links(StixBundle bundle)
    {
        foreach (var indicator in bundle.Indicators)
        {
            foreach (var r in bundle.From(indicator.Id, "indicates").Where(r => IsProfileRef(r.TargetRef)))
            {
                yield return (r.TargetRef, indicator);
            }
        }
        foreach (var report in bundle.Objects.OfType<StixReport>().Where(StixBundle.IsLive))
        {
            foreach (var r in bundle.From(report.Id, "attributed-to").Where(r => r.TargetRef.StartsWith("intrusion-set--", StringComparison.Ordinal)))
            {
                foreach (var indicator in bundle.IndicatorsOf(report))
                {
                    yield return (r.TargetRef, indicator);
                }
            }
        }
    }

    public static bool IsProfileRef(string id) =>
        id.StartsWith("intrusion-set--", StringComparison.Ordinal) || id.StartsWith("malware--", StringComparison.Ordinal)
        || id.StartsWith("tool--", StringComparison.Ordinal);

    /// <summary>Rows for the links whose profile is known (in the bundle and live, or already stored), merged by id.</summary>
    public static Dictionary<string, StixProfileIndicator> Rows(
        IEnumerable<(string ProfileStixId, StixIndicator Indicator)> links, ISet<string> knownProfiles, IndicatorSource source)
    {
        var rows = new Dictionary<string, StixProfileIndicator>(StringComparer.Ordinal);
        foreach (var (stixId, indicator) in links)
        {
            var profileId = StixProfiles.ProfileId(stixId);
            if (!knownProfiles.Contains(profileId))
            {
                continue;
            }
            var first = indicator.ValidFrom ?? indicator.Created ?? indicator.Modified ?? DateTimeOffset.UnixEpoch;
            var last = indicator.Modified ?? first;
            foreach (var artifact in StixArtifacts.Of(indicator))
            {
                var id = GraphIds.Guid("profile-indicator:" + profileId + ":" + artifact.Value);
                if (rows.TryGetValue(id, out var known))
                {
                    known.Row.FirstSeenDateTime = first < known.Row.FirstSeenDateTime ? first : known.Row.FirstSeenDateTime;
                    known.Row.LastSeenDateTime = HostUpserter.Max(known.Row.LastSeenDateTime, last);
                    known.Sources.Add(indicator.Id);
                    continue;
                }
                rows[id] = new StixProfileIndicator(new IntelProfileIndicator
                {
                    ProfileId = profileId,
                    Id = id,
                    Source = source,
                    ArtifactType = artifact.Type,
                    ArtifactId = artifact.ArtifactId,
                    ArtifactKind = artifact.Kind,
                    ArtifactValue = artifact.Value,
                    FirstSeenDateTime = first,
                    LastSeenDateTime = last,
                }, new HashSet<string>(StringComparer.Ordinal) { indicator.Id });
            }
        }
        return rows;
    }
}
