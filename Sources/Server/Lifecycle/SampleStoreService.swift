public import ServiceLifecycle
public import Storage
public import Logging

/// Keeps the sample store for the life of the service group and, on graceful shutdown (after the
/// HTTP server has stopped, as services stop in reverse order), cuts every head into chunks so the
/// database alone holds every sample in its compact form and the next start replays nothing.
public struct SampleStoreService: Service {
    private let store: SampleStore
    private let logger: Logger

    /// Creates the service.
    public init(store: SampleStore, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// Waits for graceful shutdown, then persists the heads.
    public func run() async throws {
        try? await gracefulShutdown()
        do {
            try await store.persistHeads()
            logger.info("sample heads persisted")
        } catch {
            logger.error("could not persist sample heads; they will be replayed from the WAL at the next start", metadata: ["error": "\(error.message)"])
        }
    }
}
