import Testing
import PromQL

@Suite struct LabelMatcherTests {
    @Test func equalityMatchersCompareBytes() {
        #expect(LabelMatcher.equal("a", "x").matches("x"))
        #expect(!LabelMatcher.equal("a", "x").matches("xy"))
        #expect(LabelMatcher.notEqual("a", "x").matches(""))
        // Precomposed and decomposed é are different label values.
        #expect(!LabelMatcher.equal("a", "\u{E9}").matches("e\u{301}"))
    }

    @Test func regexesAreFullyAnchored() throws {
        let matcher = try LabelMatcher(name: "code", type: .regexMatch, value: "5..")
        #expect(matcher.matches("500"))
        #expect(!matcher.matches("5000"))
        #expect(!matcher.matches("x500"))
        let alternatives = try LabelMatcher(name: "code", type: .regexMatch, value: "5..|429")
        #expect(alternatives.matches("429") && alternatives.matches("503") && !alternatives.matches("4290"))
        let negative = try LabelMatcher(name: "code", type: .regexNoMatch, value: "(5..|429)")
        #expect(negative.matches("200") && !negative.matches("503"))
        let caseless = try LabelMatcher(name: "a", type: .regexMatch, value: "(?i)get")
        #expect(caseless.matches("GET"))
    }

    @Test func regexesFollowRE2() throws {
        #expect(try !LabelMatcher(name: "a", type: .regexMatch, value: "\\d").matches("٣"))
        #expect(try LabelMatcher(name: "a", type: .regexMatch, value: ".").matches("é"))
        #expect(try !LabelMatcher(name: "a", type: .regexMatch, value: ".").matches("\n"))
        #expect(try LabelMatcher(name: "a", type: .regexMatch, value: ".*").matches(""))
        for pattern in ["(?=x)", "a**", "\\1", "(a", "a)", "*", "[z-a]", "a{2,1}"] {
            #expect(throws: ParseError.self, "\(pattern)") { try LabelMatcher(name: "a", type: .regexMatch, value: pattern) }
        }
    }

    @Test func printsLikePrometheus() throws {
        #expect(try LabelMatcher(name: "a", type: .regexNoMatch, value: "x\"y\n").description == #"a!~"x\"y\n""#)
    }
}
