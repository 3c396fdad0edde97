/// One entry of an SLO's `objectives`, validated.
struct OpenSLOObjective: Sendable {
    /// Its position in `objectives`, from 0.
    var index: Int
    /// `displayName`.
    var displayName: String?
    /// `op`, for threshold SLIs.
    var op: (op: ComparisonOperator, location: SourceLocation)?
    /// `value`, for threshold SLIs, with where it is written.
    var value: (value: Double, location: SourceLocation)?
    /// `target`, or `targetPercent` / 100.
    var target: Double?
    /// `timeSliceTarget`.
    var timeSliceTarget: Double?
    /// `timeSliceWindow`.
    var timeSliceWindow: OpenSLODuration?
    /// A composite SLO's own indicator (`indicator` or `indicatorRef` on the objective).
    var indicator: OpenSLOReference<OpenSLOIndicator>?
    /// Where the objective is.
    var location: SourceLocation
    /// Names the objective in messages, e.g. `v1.SLO 'x' spec.objectives[0]`.
    var what = ""
    /// The objective as written, to place later messages on its keys.
    var node: YAMLNode?
}
