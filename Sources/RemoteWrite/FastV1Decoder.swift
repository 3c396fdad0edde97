/// Decodes a remote-write 1.0 body (`prometheus.WriteRequest`) straight from the wire into a
/// ``WriteBatch``, with the same values and errors as SwiftProtobuf plus ``V1Conversion``.
///
/// Why hand-written despite the generated code: Prometheus sends one sample per `TimeSeries`
/// entry, and on that shape (10,000 entries × 1 sample, 10 labels each) the generated path
/// decoded only ~0.3M samples/s end to end: SwiftProtobuf decode ~16 ms, tearing down its
/// message tree (a `Data` per label name and value) ~10 ms, conversion ~9 ms, for a target of
/// 1M samples/s for the whole ingest path. This walks the buffer once, keeps label bytes as
/// slices of the body, turns each distinct label string into a `String` once per request
/// (``LabelInterner``), reuses scratch buffers and keeps the samples of all series in one array,
/// each series' a slice of it: a sample costs no allocation, and neither does a series seen
/// before (``SeriesKeyTable``) that has no histograms or exemplars.
///
/// Structural errors win over label errors, as when the whole message was parsed first:
/// the first label error is kept while the rest of the body is still checked.
struct FastV1Decoder {
    private var interner: LabelInterner
    private var labels: [WireLabel] = []
    /// The samples of every series read so far, one after the other: each series built gets a
    /// slice of it (an array per series was an allocation per series).
    private var samples: [WriteBatch.Sample] = []
    /// Where the samples of the series being read start in `samples`.
    private var seriesStart = 0
    private var exemplars: [WireExemplar] = []
    private var exemplarLabels: [WireLabel] = []
    private var histograms: [WriteBatch.Histogram] = []
    /// Where the label fields of the series read last start and end on the wire.
    private var labelStart: UnsafePointer<UInt8>?
    private var labelEnd: UnsafePointer<UInt8>?
    /// Whether another field came between two label fields of that series.
    private var labelsInterleaved = false

    /// Label positions past this share no lookup hint; exemplar labels use hints from here.
    private static let exemplarHintBase = 128

    private init(anchor: UnsafePointer<UInt8>) {
        interner = LabelInterner(anchor: anchor, hints: Self.exemplarHintBase + 32)
        labels.reserveCapacity(32)
        samples.reserveCapacity(16)
    }

    /// Decodes a whole decompressed body; series whose label bytes are in `knownSeries` come back
    /// by their token, without labels.
    static func batch(from body: UnsafeBufferPointer<UInt8>, knownSeries: SeriesKeyTable? = nil) throws(RemoteWriteError) -> WriteBatch {
        var reader = WireReader(body: body, version: .v1)
        var decoder = FastV1Decoder(anchor: reader.emptySlice.start)
        var series: [WriteBatch.Series] = []
        var metadata: [WriteBatch.MetricMetadata] = []
        // Per series built: where its samples are in the decoder's `samples`.
        var ranges: [Range<Int>] = []
        // Sized for the body's series up front (at least a sample each).
        let expected = seriesCount(in: body)
        series.reserveCapacity(expected)
        ranges.reserveCapacity(expected)
        decoder.samples.reserveCapacity(expected)
        var firstLabelError: RemoteWriteError?
        var index = 0
        // The token of the known series read last: the next one is likely the next token.
        var lastToken: Int32 = -2
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited):
                var entry = try reader.readMessage()
                decoder.seriesStart = decoder.samples.count
                if let knownSeries, firstLabelError == nil {
                    // A series sent before: its label fields are skipped, not parsed. Anything
                    // else (a new series, or an entry the quick read finds fault with) is read
                    // again from its start in full, which reports errors exactly.
                    var quick = entry
                    if let token = try? decoder.readKnownSeries(&quick, in: knownSeries, guess: lastToken &+ 1) {
                        lastToken = token
                        do {
                            series.append(try decoder.buildKnownSeries(token: token, index))
                            ranges.append(decoder.seriesStart..<decoder.samples.count)
                        } catch {
                            firstLabelError = error
                        }
                        index += 1
                        continue
                    }
                }
                try decoder.readSeries(&entry)
                if firstLabelError == nil {
                    do {
                        if let knownSeries {
                            let key = decoder.labelKey
                            if let key, let token = knownSeries.token(of: key) {
                                series.append(try decoder.buildKnownSeries(token: token, index))
                            } else {
                                var built = try decoder.buildSeries(index)
                                built.key = key.map { Array($0.buffer) }
                                series.append(built)
                            }
                        } else {
                            series.append(try decoder.buildSeries(index))
                        }
                        ranges.append(decoder.seriesStart..<decoder.samples.count)
                    } catch {
                        firstLabelError = error
                    }
                }
                index += 1
            case (3, .lengthDelimited):
                var entry = try reader.readMessage()
                metadata.append(try readMetadata(&entry))
            default:
                try reader.skip(tag)
            }
        }
        if let firstLabelError { throw firstLabelError }
        for position in series.indices { series[position].samples = decoder.samples[ranges[position]] }
        return WriteBatch(version: .v1, series: series, metadata: metadata)
    }

    // MARK: - Reading

    /// Reads a `TimeSeries` into the scratch buffers.
    private mutating func readSeries(_ reader: inout WireReader) throws(RemoteWriteError) {
        labels.removeAll(keepingCapacity: true)
        clearSeriesScratch()
        labelStart = nil
        labelEnd = nil
        labelsInterleaved = false
        var otherFieldSinceLabels = false
        while !reader.isAtEnd {
            let fieldStart = reader.position
            let tag = try reader.readTag()
            let isLabel = tag.fieldNumber == 1 && tag.wireType == .lengthDelimited
            if isLabel {
                if labelStart == nil {
                    labelStart = fieldStart
                } else if otherFieldSinceLabels {
                    labelsInterleaved = true
                }
            } else if labelStart != nil {
                otherFieldSinceLabels = true
            }
            guard tag.wireType == .lengthDelimited else {
                try reader.skip(tag)
                continue
            }
            switch tag.fieldNumber {
            case 1:
                var message = try reader.readMessage()
                labels.append(try Self.readLabel(&message))
                labelEnd = reader.position
            default:
                try readSeriesField(tag, &reader)
            }
        }
    }

    /// Reads a length-delimited field of a `TimeSeries` other than a label into the scratch
    /// buffers (samples, exemplars, histograms), skipping unknown fields.
    @inline(__always)
    private mutating func readSeriesField(_ tag: WireTag, _ reader: inout WireReader) throws(RemoteWriteError) {
        switch tag.fieldNumber {
        case 2:
            var message = try reader.readMessage()
            samples.append(try Self.readSample(&message))
        case 3:
            var message = try reader.readMessage()
            try readExemplar(&message)
        case 4:
            var message = try reader.readMessage()
            histograms.append(try WireHistogram.read(&message, hasStartTimestamp: false))
        default:
            try reader.skip(tag)
        }
    }

    /// Reads a `TimeSeries` whose label fields may be those of a key of `table`: the label
    /// fields are only stepped over (length prefixes) and their bytes looked up as one key
    /// (`guess` first, see ``SeriesKeyTable/token(of:guess:)``); the rest is read into the
    /// scratch buffers as `readSeries` reads it. Returns the key's token, or `nil` when the labels
    /// are not a key (or not contiguous); the caller then reads the entry again with
    /// `readSeries`, as it also does when this throws.
    private mutating func readKnownSeries(
        _ reader: inout WireReader, in table: SeriesKeyTable, guess: Int32
    ) throws(RemoteWriteError) -> Int32? {
        clearSeriesScratch()
        var start: UnsafePointer<UInt8>?
        var end: UnsafePointer<UInt8>?
        var otherFieldSinceLabels = false
        while !reader.isAtEnd {
            let fieldStart = reader.position
            let tag = try reader.readTag()
            guard tag.wireType == .lengthDelimited else {
                if start != nil { otherFieldSinceLabels = true }
                try reader.skip(tag)
                continue
            }
            switch tag.fieldNumber {
            case 1:
                if start == nil {
                    start = fieldStart
                } else if otherFieldSinceLabels {
                    return nil
                }
                _ = try reader.readBytes()
                end = reader.position
                continue
            default:
                try readSeriesField(tag, &reader)
            }
            if start != nil { otherFieldSinceLabels = true }
        }
        guard let start, let end else { return nil }
        return table.token(of: ByteSlice(start: start, count: end - start), guess: guess)
    }

    /// Empties the scratch buffers of one series (its samples, exemplars and histograms), each
    /// only when it holds something: `removeAll(keepingCapacity:)` on an empty array that never
    /// had storage (the shared empty one, not uniquely referenced) makes a new empty buffer, and
    /// these three calls on empty arrays, with the `removeSubrange` of no samples, were 2% of
    /// the CPU of a request of 500 known series.
    @inline(__always)
    private mutating func clearSeriesScratch() {
        if samples.count > seriesStart { samples.removeSubrange(seriesStart...) }
        if !exemplars.isEmpty { exemplars.removeAll(keepingCapacity: true) }
        if !exemplarLabels.isEmpty { exemplarLabels.removeAll(keepingCapacity: true) }
        if !histograms.isEmpty { histograms.removeAll(keepingCapacity: true) }
    }

    /// Reads a `Label` (name: bytes = 1, value: bytes = 2).
    @inline(__always)
    private static func readLabel(_ reader: inout WireReader) throws(RemoteWriteError) -> WireLabel {
        var label = WireLabel(name: reader.emptySlice, value: reader.emptySlice)
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited): label.name = try reader.readBytes()
            case (2, .lengthDelimited): label.value = try reader.readBytes()
            default: try reader.skip(tag)
            }
        }
        return label
    }

    /// Reads a `Sample` (value: double = 1, timestamp: int64 = 2).
    @inline(__always)
    private static func readSample(_ reader: inout WireReader) throws(RemoteWriteError) -> WriteBatch.Sample {
        var sample = WriteBatch.Sample(timestamp: 0, value: 0)
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .fixed64): sample.value = try reader.readDouble()
            case (2, .varint): sample.timestamp = Int64(bitPattern: try reader.readVarint())
            default: try reader.skip(tag)
            }
        }
        return sample
    }

    /// Reads an `Exemplar` (labels = 1, value: double = 2, timestamp: int64 = 3).
    private mutating func readExemplar(_ reader: inout WireReader) throws(RemoteWriteError) {
        var exemplar = WireExemplar(labels: exemplarLabels.count..<exemplarLabels.count, value: 0, timestamp: 0)
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .lengthDelimited):
                var message = try reader.readMessage()
                exemplarLabels.append(try Self.readLabel(&message))
            case (2, .fixed64): exemplar.value = try reader.readDouble()
            case (3, .varint): exemplar.timestamp = Int64(bitPattern: try reader.readVarint())
            default: try reader.skip(tag)
            }
        }
        exemplar.labels = exemplar.labels.lowerBound..<exemplarLabels.count
        exemplars.append(exemplar)
    }

    /// Reads a `MetricMetadata` (type = 1, metric_family_name = 2, help = 4, unit = 5); its
    /// text is advisory, so invalid UTF-8 is repaired rather than refused.
    private static func readMetadata(_ reader: inout WireReader) throws(RemoteWriteError) -> WriteBatch.MetricMetadata {
        var type = WriteBatch.MetricType.unknown
        var family = reader.emptySlice
        var help = reader.emptySlice
        var unit = reader.emptySlice
        while !reader.isAtEnd {
            let tag = try reader.readTag()
            switch (tag.fieldNumber, tag.wireType) {
            case (1, .varint): type = WriteBatch.MetricType(wireValue: try reader.readVarint())
            case (2, .lengthDelimited): family = try reader.readBytes()
            case (4, .lengthDelimited): help = try reader.readBytes()
            case (5, .lengthDelimited): unit = try reader.readBytes()
            default: try reader.skip(tag)
            }
        }
        return WriteBatch.MetricMetadata(
            familyName: String(decoding: family.buffer, as: UTF8.self),
            type: type,
            help: String(decoding: help.buffer, as: UTF8.self),
            unit: String(decoding: unit.buffer, as: UTF8.self)
        )
    }

    // MARK: - Building

    /// The wire bytes of the label fields of the series read last, when they are contiguous:
    /// the key of a ``SeriesKeyTable``.
    private var labelKey: ByteSlice? {
        guard let labelStart, let labelEnd, !labelsInterleaved else { return nil }
        return ByteSlice(start: labelStart, count: labelEnd - labelStart)
    }

    /// Builds the series read last whose label bytes are known by `token`: its labels were
    /// validated when the key was added, so only its samples, histograms and exemplars are built.
    private mutating func buildKnownSeries(token: Int32, _ index: Int) throws(RemoteWriteError) -> WriteBatch.Series {
        var series = WriteBatch.Series(
            labels: [],
            samples: [],
            histograms: Array(exactCopyOf: histograms),
            exemplars: try buildExemplars(index)
        )
        series.knownSeries = token
        return series
    }

    /// Validates the series read last and builds it.
    private mutating func buildSeries(_ index: Int) throws(RemoteWriteError) -> WriteBatch.Series {
        let seriesLabels = try buildLabels(labels[...], owner: .series(index), requireMetricName: true, hintBase: 0)
        return WriteBatch.Series(
            labels: seriesLabels,
            samples: [],
            histograms: Array(exactCopyOf: histograms),
            exemplars: try buildExemplars(index)
        )
    }

    /// Validates and builds the exemplars of the series read last.
    private mutating func buildExemplars(_ index: Int) throws(RemoteWriteError) -> [WriteBatch.Exemplar] {
        var built: [WriteBatch.Exemplar] = []
        if !exemplars.isEmpty {
            built.reserveCapacity(exemplars.count)
            for (exemplarIndex, exemplar) in exemplars.enumerated() {
                let exemplarLabels = try buildLabels(
                    self.exemplarLabels[exemplar.labels],
                    owner: .exemplar(series: index, index: exemplarIndex),
                    requireMetricName: false,
                    hintBase: Self.exemplarHintBase
                )
                built.append(WriteBatch.Exemplar(labels: exemplarLabels, value: exemplar.value, timestamp: exemplar.timestamp))
            }
        }
        return built
    }

    /// Validates, sorts and resolves a label set with the rules of ``LabelRules``.
    private mutating func buildLabels(
        _ raw: ArraySlice<WireLabel>,
        owner: LabelOwner,
        requireMetricName: Bool,
        hintBase: Int
    ) throws(RemoteWriteError) -> [WriteBatch.Label] {
        // Names that pass validation are ASCII, where byte order is `String` order.
        var sorted = true
        var position = raw.startIndex + 1
        while position < raw.endIndex {
            if !raw[position - 1].name.isBytewiseLess(than: raw[position].name) {
                sorted = false
                break
            }
            position += 1
        }
        var result: [WriteBatch.Label] = []
        result.reserveCapacity(raw.count)
        var metricNameIsEmpty: Bool?
        for (index, label) in raw.enumerated() {
            let nameIndex = interner.intern(label.name, hint: hintBase + 2 * index)
            let nameEntry = interner.entries[nameIndex]
            guard nameEntry.isValidName, let name = nameEntry.string else {
                throw LabelRules.nameError(label.name.buffer, owner: owner, index: index)
            }
            let valueIndex = interner.intern(label.value, hint: hintBase + 2 * index + 1)
            let valueEntry = interner.entries[valueIndex]
            guard let value = valueEntry.string else { throw LabelRules.valueError(name: name, owner: owner) }
            if sorted {
                if label.name.isMetricNameLabel { metricNameIsEmpty = label.value.count == 0 }
                if label.value.count == 0 { continue }
            }
            result.append(WriteBatch.Label(name: name, value: value))
        }
        if sorted {
            try LabelRules.finishSorted(metricNameIsEmpty: metricNameIsEmpty, owner: owner, requireMetricName: requireMetricName)
        } else {
            try LabelRules.finish(&result, owner: owner, requireMetricName: requireMetricName)
        }
        return result
    }
}
