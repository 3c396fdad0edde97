import Snappy

extension RemoteWriteEncoder {
    /// Snappy block compression, as remote-write requires (Burnrate's own codec: the same format
    /// Prometheus' Go port writes, though the exact bytes may differ).
    func compress(_ message: [UInt8]) -> [UInt8] {
        Snappy.compress(message)
    }
}
