import GRDB
@testable import Storage
import Testing

/// `Database.inWriteTransaction`, the sample store's transaction with cached `BEGIN` and
/// `COMMIT`: a body that throws leaves nothing behind, and the cached statements serve the
/// transactions after it as before.
@Suite struct DatabaseWriteTransactionTests {
    private struct Refused: Error {}

    @Test func commitsWhatTheBodyDidAndRollsBackABodyThatThrows() throws {
        let queue = try DatabaseQueue()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "CREATE TABLE t (x INTEGER)")
            for round in 0..<4 {
                let throwsHere = round % 2 == 1
                do {
                    try db.inWriteTransaction {
                        #expect(db.isInsideTransaction)
                        try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [round])
                        if throwsHere { throw Refused() }
                    }
                    #expect(!throwsHere)
                } catch is Refused {
                    #expect(throwsHere)
                }
                #expect(!db.isInsideTransaction, "round \(round)")
            }
            #expect(try Int.fetchAll(db, sql: "SELECT x FROM t ORDER BY x") == [0, 2])
        }
    }

    @Test func aFailedStatementRollsBackTheWholeTransaction() throws {
        let queue = try DatabaseQueue()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "CREATE TABLE t (x INTEGER PRIMARY KEY)")
            var failed = false
            do {
                try db.inWriteTransaction {
                    try db.execute(sql: "INSERT INTO t VALUES (1)")
                    try db.execute(sql: "INSERT INTO t VALUES (1)")
                }
            } catch is DatabaseError {
                failed = true
            }
            #expect(failed, "the second insert breaks the primary key")
            #expect(!db.isInsideTransaction)
            #expect(try Int.fetchAll(db, sql: "SELECT x FROM t") == [])
            try db.inWriteTransaction { try db.execute(sql: "INSERT INTO t VALUES (2)") }
            #expect(try Int.fetchAll(db, sql: "SELECT x FROM t") == [2])
        }
    }
}
