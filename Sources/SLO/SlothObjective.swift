/// An objective's numbers as Sloth computes them from the percentage written in the spec:
/// the ratio `percent / 100` (99.9 gives 0.9990000000000001) and the error budget
/// `(100 - percent) / 100` (0.0009999999999999432), so generated rules match Sloth's digit for digit.
public struct SlothObjective: Sendable, Hashable {
    /// The percentage as Sloth prints it in `sloth_objective`: `99.9`, `95`.
    public var percentText: String
    /// The percentage.
    public var percent: Double

    /// The objective of a model ratio. The model keeps the decimal as written (0.999), so the
    /// percentage is recovered by moving the decimal point of its shortest spelling two places.
    public init(ratio: Double) {
        let text = SlothObjective.shiftedTwoPlaces(ratio.description) ?? SlothNumber.format(ratio * 100)
        percentText = text
        percent = Double(text) ?? ratio * 100
    }

    /// Sloth's objective ratio, `percent / 100`.
    public var ratio: Double { percent / 100 }

    /// Sloth's error budget ratio, `(100 - percent) / 100`.
    public var errorBudget: Double { (100 - percent) / 100 }

    /// `0.999` → `99.9`, `0.95` → `95`, `1.0` → `100`; nil for exponent spellings.
    static func shiftedTwoPlaces(_ text: String) -> String? {
        guard !text.contains("e"), !text.hasPrefix("-") else { return nil }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        while fraction.count < 2 { fraction += "0" }
        var whole = String(parts[0]) + fraction.prefix(2)
        let rest = fraction.dropFirst(2)
        while whole.count > 1 && whole.hasPrefix("0") { whole.removeFirst() }
        return rest.isEmpty ? whole : whole + "." + rest
    }
}
