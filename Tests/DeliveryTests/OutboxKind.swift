import Delivery
import Testing
import Storage

/// The two outboxes, so that one test checks both have the same semantics.
enum OutboxKind: String, CaseIterable, CustomTestStringConvertible {
    case memory
    case sqlite

    func make() throws -> any OutboxQueue {
        switch self {
        case .memory: MemoryOutbox()
        case .sqlite: SQLiteOutbox(database: try BurnrateDatabase.inMemory())
        }
    }

    var testDescription: String { rawValue }
}
