public import Logging

/// A `StreamLogHandler` whose logger metadata is formatted when a message is logged, not when
/// the metadata is set.
///
/// swift-log's `StreamLogHandler` formats its metadata into text every time it is set, for the
/// messages to come. Hummingbird sets a request id on a copy of the application's logger for
/// every request, so each request paid for formatting an id that nothing logs at the default
/// level (1.5% of a small remote-write request's CPU). This handler keeps the metadata as it is
/// given and hands it to the wrapped handler with each message, which writes the same line.
public struct DeferredMetadataLogHandler: LogHandler {
    private var base: StreamLogHandler

    /// The logger's metadata, formatted only into the messages logged.
    public var metadata: Logger.Metadata = [:]

    /// Adds metadata to each message, after the logger's and before the message's own.
    public var metadataProvider: Logger.MetadataProvider?

    /// Wraps `base`, which should carry no metadata of its own.
    public init(_ base: StreamLogHandler) {
        var base = base
        metadataProvider = base.metadataProvider
        base.metadataProvider = nil
        self.base = base
    }

    /// The level below which messages are dropped.
    public var logLevel: Logger.Level {
        get { base.logLevel }
        set { base.logLevel = newValue }
    }

    /// One metadata item.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes `event` through the wrapped handler with the logger's metadata, the provider's and
    /// the message's own, later ones winning, as `StreamLogHandler` merges them.
    public func log(event: LogEvent) {
        var event = event
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, provided in provided }
        }
        if let explicit = event.metadata, !explicit.isEmpty {
            merged.merge(explicit) { _, explicit in explicit }
        }
        event.metadata = merged
        base.log(event: event)
    }
}
