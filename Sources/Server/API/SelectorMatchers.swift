internal import PromQL
internal import Storage

/// Turns a PromQL series selector (`match[]`, or a query that is a plain selector) into storage matchers.
enum SelectorMatchers {
    /// The matchers of a selector such as `up{job="api"}`; a `match[]` must be a vector selector.
    static func parse(_ text: String) throws(APIError) -> [SeriesMatcher] {
        let expr: Expr
        do {
            expr = try Parser.parse(text)
        } catch {
            throw APIError.badData("invalid parameter \"match[]\": \(error)")
        }
        guard case .vectorSelector(let selector) = expr.unwrappingParens else {
            throw APIError.badData("invalid parameter \"match[]\": \(text) is not a series selector")
        }
        return try convert(selector)
    }

    /// Storage matchers for a parsed vector selector.
    static func convert(_ selector: VectorSelector) throws(APIError) -> [SeriesMatcher] {
        var result: [SeriesMatcher] = []
        for matcher in selector.allMatchers {
            let op: SeriesMatcher.Operator = switch matcher.type {
            case .equal: .equal
            case .notEqual: .notEqual
            case .regexMatch: .regexMatch
            case .regexNoMatch: .regexNoMatch
            }
            do {
                result.append(try SeriesMatcher(matcher.name, op, matcher.value))
            } catch {
                throw APIError.badData("invalid matcher \(matcher): \(error.message)")
            }
        }
        return result
    }
}

extension Expr {
    /// The expression without the parentheses around it.
    var unwrappingParens: Expr {
        if case .paren(let inner) = self { return inner.unwrappingParens }
        return self
    }
}
