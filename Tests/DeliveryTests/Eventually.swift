import Testing

/// Waits, yielding and never sleeping, until `condition` holds; records an issue after
/// `attempts` tries.
func eventually(
    _ what: String, attempts: Int = 200_000, sourceLocation: SourceLocation = #_sourceLocation, _ condition: () async -> Bool
) async {
    for _ in 0..<attempts {
        if await condition() { return }
        await Task.yield()
    }
    Issue.record("timed out waiting until \(what)", sourceLocation: sourceLocation)
}
