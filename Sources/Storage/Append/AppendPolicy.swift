/// Whether a batch with a rejected sample commits the rest.
public enum AppendPolicy: Sendable, Hashable {
    /// All or nothing, as Prometheus' remote-write receiver: when any sample is rejected, nothing
    /// of the batch is committed (`AppendReport.committed` is `false`) and the report names the
    /// rejections, so the HTTP layer can answer 400 with the first one; otherwise everything is
    /// committed. Harmless duplicates are not rejections. The default.
    case atomic
    /// Commit every accepted sample and report the rejected ones (what Prometheus' scrape loop
    /// does, and what replaying the WAL does).
    case acceptValid
}
