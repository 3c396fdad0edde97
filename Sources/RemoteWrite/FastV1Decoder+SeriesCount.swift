extension FastV1Decoder {
    /// The number of series (top-level `TimeSeries` fields) of a 1.0 body, counted by stepping
    /// over the top-level fields by their lengths: the capacity the decoder reserves for them up
    /// front (growing its arrays one doubling at a time copied them about ten times for 500
    /// series). Stops at the first malformed field and returns what it counted: a capacity hint,
    /// not a check (the decoder reports the error).
    static func seriesCount(in body: UnsafeBufferPointer<UInt8>) -> Int {
        var reader = WireReader(body: body, version: .v1)
        var count = 0
        do {
            while !reader.isAtEnd {
                let tag = try reader.readTag()
                if tag.wireType == .lengthDelimited {
                    _ = try reader.readMessage()
                    if tag.fieldNumber == 1 { count += 1 }
                } else {
                    try reader.skip(tag)
                }
            }
        } catch {
            return count
        }
        return count
    }
}
