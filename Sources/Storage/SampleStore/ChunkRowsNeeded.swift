/// Thrown by a read done from memory alone when it needs chunk rows the store does not hold in
/// memory: the caller reads the series again with a database connection.
struct ChunkRowsNeeded: Error {}
