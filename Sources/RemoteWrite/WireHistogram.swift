/// Reads a native histogram (`prometheus.Histogram` or `io.prometheus.write.v2.Histogram`,
/// which share field numbers; 2.0 adds `start_timestamp` = 17) straight from the wire.
enum WireHistogram {
    /// Reads one histogram message; its `startTimestamp` is the value sent (0 when absent),
    /// and always 0 for 1.0, which has no such field.
    static func read(_ reader: inout WireReader, hasStartTimestamp: Bool) throws(RemoteWriteError) -> WriteBatch.Histogram {
        var count: WriteBatch.Histogram.Count?
        var zeroCount: WriteBatch.Histogram.Count?
        var sum = 0.0
        var schema: Int32 = 0
        var zeroThreshold = 0.0
        var negativeSpans: [WriteBatch.BucketSpan] = []
        var negativeDeltas: [Int64] = []
        var negativeCounts: [Double] = []
        var positiveSpans: [WriteBatch.BucketSpan] = []
        var positiveDeltas: [Int64] = []
        var positiveCounts: [Double] = []
        var resetHint = WriteBatch.Histogram.ResetHint.unknown
        var timestamp: Int64 = 0
        var customValues: [Double] = []
        var startTimestamp: Int64 = 0
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            var handled = true
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): count = .integer(try reader.readVarint())
            case (2, .fixed64): count = .float(try reader.readDouble())
            case (3, .fixed64): sum = try reader.readDouble()
            case (4, .varint): schema = WireReader.zigZag32(try reader.readVarint())
            case (5, .fixed64): zeroThreshold = try reader.readDouble()
            case (6, .varint): zeroCount = .integer(try reader.readVarint())
            case (7, .fixed64): zeroCount = .float(try reader.readDouble())
            case (8, .lengthDelimited): negativeSpans.append(try span(&reader))
            case (9, _): handled = try reader.appendSInt64s(tag, to: &negativeDeltas)
            case (10, _): handled = try reader.appendDoubles(tag, to: &negativeCounts)
            case (11, .lengthDelimited): positiveSpans.append(try span(&reader))
            case (12, _): handled = try reader.appendSInt64s(tag, to: &positiveDeltas)
            case (13, _): handled = try reader.appendDoubles(tag, to: &positiveCounts)
            case (14, .varint): resetHint = self.resetHint(try reader.readVarint())
            case (15, .varint): timestamp = Int64(bitPattern: try reader.readVarint())
            case (16, _): handled = try reader.appendDoubles(tag, to: &customValues)
            case (17, .varint) where hasStartTimestamp: startTimestamp = Int64(bitPattern: try reader.readVarint())
            default: handled = false
            }
            if !handled { try reader.skip(tag) }
        }
        let resolvedCount = count ?? .integer(0)
        return WriteBatch.Histogram(
            count: resolvedCount,
            sum: sum,
            schema: schema,
            zeroThreshold: zeroThreshold,
            zeroCount: zeroCount ?? (resolvedCount.isFloat ? .float(0) : .integer(0)),
            negativeSpans: negativeSpans,
            negativeDeltas: negativeDeltas,
            negativeCounts: negativeCounts,
            positiveSpans: positiveSpans,
            positiveDeltas: positiveDeltas,
            positiveCounts: positiveCounts,
            resetHint: resetHint,
            timestamp: timestamp,
            customValues: customValues,
            startTimestamp: startTimestamp
        )
    }

    /// Reads a `BucketSpan` message (offset: sint32 = 1, length: uint32 = 2).
    private static func span(_ reader: inout WireReader) throws(RemoteWriteError) -> WriteBatch.BucketSpan {
        var message = try reader.readMessage()
        var span = WriteBatch.BucketSpan(offset: 0, length: 0)
        while !message.isAtEnd {
            let tag = try message.readTag()
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): span.offset = WireReader.zigZag32(try message.readVarint())
            case (2, .varint): span.length = UInt32(truncatingIfNeeded: try message.readVarint())
            default: try message.skip(tag)
            }
        }
        return span
    }

    /// The reset hint for an enum number (the same numbers in 1.0 and 2.0).
    private static func resetHint(_ raw: UInt64) -> WriteBatch.Histogram.ResetHint {
        switch WireReader.enumValue(raw) {
        case 1: .yes
        case 2: .no
        case 3: .gauge
        default: .unknown
        }
    }
}
