/// What an append did: whether it committed, and how many samples fell in each class.
///
/// Every sample of the batch is counted in exactly one class: accepted, duplicate, or one of the
/// rejection reasons. With `AppendPolicy.atomic` and a rejection, nothing is committed:
/// `committed` is `false`, `accepted` counts the samples that would have been accepted, and
/// `stored` is 0.
public struct AppendReport: Sendable, Hashable, CustomStringConvertible {
    /// Whether the batch's transaction committed (always `true` without rejections).
    public var committed = true
    /// The samples that were new and valid.
    public var accepted = 0
    /// The samples already stored with the same timestamp and value bits (a retry): harmless.
    public var duplicates = 0
    /// The refused samples per reason.
    public var rejectedByReason: [AppendRejection.Reason: Int] = [:]
    /// The first refusals, in batch order (at most `SampleStoreConfiguration.reportedRejections`).
    public var rejections: [AppendRejection] = []
    /// The series created by the batch (0 when nothing was committed).
    public var newSeries = 0
    /// Per entry of the batch, in order: the reference of its series once committed (`nil` for
    /// an entry without samples or labels, and for every entry when nothing was committed).
    /// Pass it back in later batches to skip the label lookup.
    public var seriesRefs: [SeriesRef?] = []
    /// Entries that came with a reference and no labels whose series is gone (deleted by
    /// retention): when there are any, nothing is committed and the caller resubmits the batch
    /// with labels.
    public var staleRefs = 0

    /// Creates an empty report.
    public init() {}

    /// The samples written: `accepted` when committed, else 0.
    public var stored: Int { committed ? accepted : 0 }

    /// The refused samples over all reasons.
    public var rejected: Int { rejectedByReason.values.reduce(0, +) }

    /// The refused samples for one reason.
    public func rejected(_ reason: AppendRejection.Reason) -> Int { rejectedByReason[reason] ?? 0 }

    /// The first refusal, what the HTTP layer puts in a 400 answer.
    public var firstRejection: AppendRejection? { rejections.first }

    /// A one-line summary for logs.
    public var description: String {
        var parts = ["committed=\(committed)", "accepted=\(accepted)", "duplicates=\(duplicates)"]
        for reason in AppendRejection.Reason.allCases where rejected(reason) > 0 {
            parts.append("\(reason)=\(rejected(reason))")
        }
        if let firstRejection { parts.append("first=\(firstRejection)") }
        return parts.joined(separator: " ")
    }

    mutating func reject(_ reason: AppendRejection.Reason, _ labels: Labels, _ sample: ChunkSample, limit: Int) {
        rejectedByReason[reason, default: 0] += 1
        if rejections.count < limit { rejections.append(AppendRejection(reason: reason, labels: labels, sample: sample)) }
    }
}
