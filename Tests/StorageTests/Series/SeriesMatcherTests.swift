import Testing
import Storage

@Suite struct SeriesMatcherTests {
    @Test func equalityAndInequality() {
        #expect(SeriesMatcher.equal("job", "api").matches("api"))
        #expect(!SeriesMatcher.equal("job", "api").matches("apis"))
        #expect(SeriesMatcher.notEqual("job", "api").matches("web"))
        #expect(!SeriesMatcher.notEqual("job", "api").matches("api"))
    }

    @Test func regexesAreFullyAnchored() throws {
        let matcher = try SeriesMatcher("code", .regexMatch, "5..")
        #expect(matcher.matches("500"))
        #expect(!matcher.matches("1500"))
        #expect(!matcher.matches("5000"))
        let alternation = try SeriesMatcher("code", .regexMatch, "2..|3..")
        #expect(alternation.matches("302"))
        #expect(!alternation.matches("2000"))
        let negated = try SeriesMatcher("code", .regexNoMatch, "5..")
        #expect(negated.matches("1500"))
        #expect(!negated.matches("503"))
    }

    @Test func literalAlternativesFastPath() throws {
        let matcher = try SeriesMatcher("job", .regexMatch, "api|web")
        #expect(matcher.matches("api") && matcher.matches("web"))
        #expect(!matcher.matches("api|web") && !matcher.matches("ap"))
        let withEmpty = try SeriesMatcher("job", .regexMatch, "api|")
        #expect(withEmpty.matches(""))
    }

    @Test func dotDoesNotMatchNewlineAsInPrometheus242() throws {
        #expect(!(try SeriesMatcher("a", .regexMatch, ".*")).matches("x\ny") == false) // `.*` fast path: any value
        #expect(!(try SeriesMatcher("a", .regexMatch, "x.y")).matches("x\ny"))
        #expect((try SeriesMatcher("a", .regexMatch, "x.y")).matches("x-y"))
    }

    @Test func missingLabelIsTheEmptyString() throws {
        let labels: Labels = ["__name__": "up"]
        #expect(SeriesMatcher.equal("job", "").matches(labels))
        #expect(SeriesMatcher.notEqual("job", "api").matches(labels))
        #expect(try SeriesMatcher("job", .regexMatch, ".*").matches(labels))
        #expect(!(try SeriesMatcher("job", .regexMatch, ".+").matches(labels)))
        #expect(try SeriesMatcher("job", .regexNoMatch, ".+").matches(labels))
    }

    @Test func invalidRegexIsAnInvalidArgument() {
        #expect {
            _ = try SeriesMatcher("a", .regexMatch, "(unclosed")
        } throws: { error in
            (error as? StorageError)?.code == .invalidArgument
        }
    }

    @Test func describesAsPromQL() throws {
        #expect(try SeriesMatcher("code", .regexMatch, "5..").description == #"code=~"5..""#)
        #expect(SeriesMatcher.equal("a", "b") == SeriesMatcher.equal("a", "b"))
        #expect(try SeriesMatcher("a", .regexMatch, "b") != SeriesMatcher.equal("a", "b"))
    }
}
