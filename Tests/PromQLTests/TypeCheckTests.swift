import Testing
import PromQL

/// Value types and the function catalog.
@Suite struct TypeCheckTests {
    @Test(arguments: [
        ("1", ValueType.scalar), ("\"s\"", .string), ("x", .instantVector), ("x[5m]", .rangeVector),
        ("x[5m:]", .rangeVector), ("rate(x[5m])", .instantVector), ("time()", .scalar), ("scalar(x)", .scalar),
        ("pi()", .scalar), ("1 + 2", .scalar), ("x + 1", .instantVector), ("-x", .instantVector), ("(1)", .scalar),
        ("sum(x)", .instantVector), ("vector(1)", .instantVector), ("-(1)", .scalar),
    ])
    func valueTypes(text: String, type: ValueType) throws {
        #expect(try Parser.parse(text).valueType == type)
    }

    @Test func catalogMatchesPrometheus242() {
        #expect(Function.all.count == 70)
        let expected: [String: (Int, Int?)] = [
            "clamp": (3, 3), "round": (1, 2), "label_join": (3, nil), "label_replace": (5, 5), "year": (0, 1),
            "time": (0, 0), "histogram_fraction": (3, 3), "holt_winters": (3, 3), "vector": (1, 1),
        ]
        for (name, (minimum, maximum)) in expected {
            #expect(Function.named(name)?.minimumArguments == minimum, "\(name)")
            #expect(Function.named(name)?.maximumArguments == maximum, "\(name)")
        }
        #expect(Function.named("mad_over_time") == nil)
        #expect(Function.named("Rate") == nil)
    }

    /// Builds a valid call for every function from its declared types, and checks each wrong type is refused.
    @Test(arguments: Function.all.keys.sorted())
    func everyFunctionChecksItsArguments(name: String) throws {
        let function = try #require(Function.named(name))
        func sample(_ type: ValueType) -> String {
            switch type {
            case .scalar: "1"
            case .string: "\"s\""
            case .instantVector: "x"
            case .rangeVector: "x[5m]"
            }
        }
        let valid = "\(name)(\(function.argumentTypes.map(sample).joined(separator: ", ")))"
        #expect(try Parser.parse(valid).valueType == function.returnType, "\(valid)")
        for (index, type) in function.argumentTypes.enumerated() {
            let wrong: ValueType = type == .scalar ? .string : .scalar
            var arguments = function.argumentTypes.map(sample)
            arguments[index] = sample(wrong)
            let text = "\(name)(\(arguments.joined(separator: ", ")))"
            #expect(throws: ParseError.self, "\(text)") { try Parser.parse(text) }
        }
    }
}
