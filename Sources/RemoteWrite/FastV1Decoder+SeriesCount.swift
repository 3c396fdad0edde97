extension FastV1Decoder {
    /// The number of series (top-level `TimeSeries` fields) of a 1.0 body, counted by stepping
    /// over the top-level fields by their lengths: the capacity the decoder reserves for them up
    /// front (growing its arrays one doubling at a time copied them about ten times for 500
    /// series). Stops at the first malformed field and returns what it counted: a capacity hint,
    /// not a check (the decoder reports the error).
    static func seriesCount(in body: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        _ = forEachTopLevelField(of: body) { isSeries, _ in
            if isSeries { count += 1 }
        }
        return count
    }

    /// Steps over the top-level fields of a 1.0 body by their lengths, giving for each whether it
    /// is a series (field 1, length-delimited) and the offset in `body` where it ends. Returns
    /// false at the first malformed field (the fields before it were given).
    static func forEachTopLevelField(
        of body: UnsafeBufferPointer<UInt8>, _ visit: (_ isSeries: Bool, _ end: Int) -> Void
    ) -> Bool {
        guard let base = body.baseAddress else { return true }
        var reader = WireReader(body: body, version: .v1)
        do {
            while !reader.isAtEnd {
                let tag = try reader.readTag()
                if tag.wireType == .lengthDelimited {
                    _ = try reader.readMessage()
                } else {
                    try reader.skip(tag)
                }
                visit(tag.wireType == .lengthDelimited && tag.fieldNumber == 1, reader.position - base)
            }
        } catch {
            return false
        }
        return true
    }
}
