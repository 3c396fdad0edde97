extension FastV1Decoder {
    /// Cuts a 1.0 body into at most `parts` runs of whole top-level fields with about the same
    /// number of series each and at least `minimumBytesPerPart` bytes of body on average, for
    /// decoding the runs concurrently: byte ranges that cover the body from its start to its
    /// end. `nil` when the body is too small to be worth it or its top level is malformed (the
    /// sequential decoder then reports the error exactly).
    static func runs(of body: UnsafeBufferPointer<UInt8>, parts: Int, minimumBytesPerPart: Int) -> [Range<Int>]? {
        guard parts > 1, body.count >= 2 * max(1, minimumBytesPerPart) else { return nil }
        // The end offset of every top-level field, and how many of them are series.
        var ends: [Int] = []
        ends.reserveCapacity(body.count / 64)
        var seriesFields = 0
        let wellFormed = forEachTopLevelField(of: body) { isSeries, end in
            if isSeries { seriesFields += 1 }
            ends.append(end)
        }
        guard wellFormed else { return nil }
        let count = min(parts, seriesFields, body.count / max(1, minimumBytesPerPart))
        guard count > 1 else { return nil }
        var runs: [Range<Int>] = []
        var start = 0
        for part in 1..<count {
            // Cut after the field that ends the part's share of the fields.
            let end = ends[ends.count * part / count - 1]
            if end > start {
                runs.append(start..<end)
                start = end
            }
        }
        runs.append(start..<body.count)
        return runs
    }
}
