import Rules
import Testing

@Suite struct DidYouMeanTests {
    @Test(arguments: [
        ("objetive", "objective"),
        ("expresion", "expr"),
        ("pageAlert", "page_alert"),
        ("LABELS", "labels"),
        ("anotations", "annotations"),
    ])
    func suggestsTheClosestKnownKey(typo: String, expected: String) {
        let known = ["objective", "expr", "page_alert", "labels", "annotations", "description"]
        #expect(DidYouMean.suggest(typo, from: known) == expected)
    }

    @Test func suggestsNothingForUnrelatedWords() {
        #expect(DidYouMean.suggest("zzzzzz", from: ["objective", "labels"]) == nil)
    }

    @Test func editDistance() {
        #expect(DidYouMean.editDistance("kitten", "sitting") == 3)
        #expect(DidYouMean.editDistance("", "abc") == 3)
        #expect(DidYouMean.editDistance("same", "same") == 0)
    }
}
