/// One selection of `SampleReader.accumulate(_:)`: a selector's matchers and windows of several
/// lengths ending at the same time.
public struct WindowSelection: Sendable, Hashable {
    /// The series' matchers.
    public var matchers: [SeriesMatcher]
    /// The time the windows end at, milliseconds.
    public var end: Int64
    /// The windows' lengths, milliseconds.
    public var ranges: [Int64]

    /// Creates a selection.
    public init(matchers: [SeriesMatcher], end: Int64, ranges: [Int64]) {
        self.matchers = matchers
        self.end = end
        self.ranges = ranges
    }
}
