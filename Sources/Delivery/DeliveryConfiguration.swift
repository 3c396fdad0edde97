/// How the deliverer sends: concurrency, retries, identification.
public struct DeliveryConfiguration: Sendable, Hashable {
    /// The `User-Agent` of Burnrate's requests when none is given.
    public static let defaultUserAgent = "Burnrate/0.1.0-dev"

    /// How many requests may be in flight at once (over all endpoints); at most one per group.
    public var maxConcurrency: Int
    /// When failed attempts are retried and when given up on.
    public var retryPolicy: RetryPolicy
    /// The `User-Agent` header, `Burnrate/<version>`.
    public var userAgent: String
    /// How many due messages the deliverer takes from the outbox at once.
    public var batchSize: Int

    /// Creates a configuration; by default 16 requests at once.
    public init(
        maxConcurrency: Int = 16, retryPolicy: RetryPolicy = RetryPolicy(), userAgent: String = Self.defaultUserAgent,
        batchSize: Int = 256
    ) {
        self.maxConcurrency = max(maxConcurrency, 1)
        self.retryPolicy = retryPolicy
        self.userAgent = userAgent
        self.batchSize = max(batchSize, 1)
    }
}
