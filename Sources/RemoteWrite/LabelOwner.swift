/// Where a label set sits in a request, for error messages (`series 12`, `series 3 exemplar 0`).
enum LabelOwner: CustomStringConvertible {
    case series(Int)
    case exemplar(series: Int, index: Int)
    case metadata(series: Int)

    var description: String {
        switch self {
        case let .series(index): "series \(index)"
        case let .exemplar(series, index): "series \(series) exemplar \(index)"
        case let .metadata(series): "series \(series) metadata"
        }
    }
}
