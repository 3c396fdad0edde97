internal import Foundation

/// A PromQL query as written in a spec, possibly with Sloth's `{{.window}}` placeholder.
public struct QueryTemplate: Sendable, Hashable {
    /// The text as written.
    public var text: String
    /// Where the query starts in its file.
    public var location: SourceLocation

    /// The placeholder Sloth substitutes with a window such as `5m`.
    public static let windowPlaceholder = "{{.window}}"

    /// Creates a template.
    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }

    /// True when the query contains the window placeholder (with or without inner spaces).
    public var hasWindowPlaceholder: Bool {
        Self.placeholderRanges(in: text).isEmpty == false
    }

    /// The query with every `{{.window}}` (also `{{ .window }}`) replaced by `window`, e.g. `5m`.
    public func render(window: String) -> String {
        var result = ""
        var last = text.startIndex
        for range in Self.placeholderRanges(in: text) {
            result += text[last..<range.lowerBound]
            result += window
            last = range.upperBound
        }
        result += text[last...]
        return result
    }

    private static func placeholderRanges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var searchStart = text.startIndex
        while let open = text.range(of: "{{", range: searchStart..<text.endIndex) {
            guard let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) else { break }
            let inner = text[open.upperBound..<close.lowerBound].filter { $0 != " " }
            if inner == ".window" {
                ranges.append(open.lowerBound..<close.upperBound)
            }
            searchStart = close.upperBound
        }
        return ranges
    }
}
