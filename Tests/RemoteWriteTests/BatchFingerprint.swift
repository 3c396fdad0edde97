import RemoteWrite

/// A batch written out field by field, strings as their UTF-8 bytes and floats as their bit
/// patterns, so two batches compare exactly (`String ==` would equate canonically equivalent
/// text, and `Double ==` fails on NaN and equates 0 and -0).
enum BatchFingerprint {
    static func lines(_ batch: WriteBatch) -> [String] {
        var lines = ["version \(batch.version)"]
        for (index, series) in batch.series.enumerated() {
            lines.append("series \(index) labels \(labels(series.labels))")
            for sample in series.samples {
                lines.append("  sample t=\(sample.timestamp) v=\(bits(sample.value)) start=\(sample.startTimestamp)")
            }
            for histogram in series.histograms {
                lines.append("  histogram \(describe(histogram))")
            }
            for exemplar in series.exemplars {
                lines.append("  exemplar \(labels(exemplar.labels)) v=\(bits(exemplar.value)) t=\(exemplar.timestamp)")
            }
        }
        for metadata in batch.metadata {
            lines.append(
                "metadata \(text(metadata.familyName)) \(metadata.type) help=\(text(metadata.help)) unit=\(text(metadata.unit))"
            )
        }
        return lines
    }

    /// The first line where the two differ, or nil when they are the same.
    static func firstDifference(_ left: WriteBatch, _ right: WriteBatch) -> String? {
        let a = lines(left)
        let b = lines(right)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : "<none>"
            let y = index < b.count ? b[index] : "<none>"
            if x != y { return "line \(index):\n  \(x)\n  \(y)" }
        }
        return nil
    }

    private static func text(_ string: String) -> String {
        "\(string.debugDescription)\(Array(string.utf8))"
    }

    private static func labels(_ labels: [WriteBatch.Label]) -> String {
        labels.map { "\(text($0.name))=\(text($0.value))" }.joined(separator: ",")
    }

    private static func bits(_ value: Double) -> String {
        "0x" + String(value.bitPattern, radix: 16)
    }

    private static func count(_ count: WriteBatch.Histogram.Count) -> String {
        switch count {
        case let .integer(value): "int(\(value))"
        case let .float(value): "float(\(bits(value)))"
        }
    }

    private static func describe(_ h: WriteBatch.Histogram) -> String {
        let spans = { (spans: [WriteBatch.BucketSpan]) in spans.map { "\($0.offset):\($0.length)" }.joined(separator: ",") }
        return "count=\(count(h.count)) sum=\(bits(h.sum)) schema=\(h.schema) zt=\(bits(h.zeroThreshold)) zc=\(count(h.zeroCount))"
            + " neg=[\(spans(h.negativeSpans))] \(h.negativeDeltas) \(h.negativeCounts.map(bits))"
            + " pos=[\(spans(h.positiveSpans))] \(h.positiveDeltas) \(h.positiveCounts.map(bits))"
            + " reset=\(h.resetHint) t=\(h.timestamp) custom=\(h.customValues.map(bits)) start=\(h.startTimestamp)"
    }
}
