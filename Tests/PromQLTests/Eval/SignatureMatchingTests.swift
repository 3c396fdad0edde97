@testable import PromQL
import Storage
import TestSupport
import Testing

/// Binary operations match samples by signature; with few samples on a side they compare label
/// sets in place (`Evaluator.sameSignature`) instead of making and hashing signatures. Both ways
/// must agree on every pair, for `on`, `ignoring` and no clause, and the operations must give
/// what hashing gives.
@Suite struct SignatureMatchingTests {
    static func labels(_ random: inout SplitMix64) -> Labels {
        var pairs: [String: String] = [:]
        for name in ["__name__", "a", "b", "c", "sloth_window", "z"] where random.next() % 3 != 0 {
            pairs[name] = ["x", "y", ""].randomElement(using: &random)!
        }
        return Labels(pairs.filter { !$0.value.isEmpty })
    }

    @Test func comparingInPlaceAgreesWithMakingSignatures() {
        var random = SplitMix64(seed: 7)
        let matchings = [
            VectorMatching(on: false, labels: []), VectorMatching(on: true, labels: []), VectorMatching(on: true, labels: ["a", "c"]),
            VectorMatching(on: false, labels: ["sloth_window"]), VectorMatching(on: false, labels: ["a", "b", "z"]),
            VectorMatching(on: true, labels: ["__name__", "b"]),
        ]
        var same = 0
        for _ in 0..<4_000 {
            let (a, b) = (Self.labels(&random), Self.labels(&random))
            for matching in matchings {
                let names = Evaluator.SignatureNames(matching)
                let expected = Evaluator.signature(a, names) == Evaluator.signature(b, names)
                #expect(Evaluator.sameSignature(a, b, names) == expected, "\(a) \(b) \(matching)")
                if expected { same += 1 }
            }
        }
        // Both answers occur often.
        #expect(same > 2_000 && same < 20_000)
    }

    /// Set operations with one to six samples a side, against hashing the signatures.
    @Test func setOperationsGiveWhatHashingGives() {
        var random = SplitMix64(seed: 8)
        for _ in 0..<2_000 {
            let lhs = (0..<(1 + random.next() % 6)).map { Sample(labels: Self.labels(&random), t: 0, v: Double($0)) }
            let rhs = (0..<(1 + random.next() % 6)).map { Sample(labels: Self.labels(&random), t: 0, v: Double($0) + 10) }
            let matching = [VectorMatching(on: false, labels: []), VectorMatching(on: true, labels: ["a"]),
                            VectorMatching(on: false, labels: ["sloth_window"])].randomElement(using: &random)!
            let names = Evaluator.SignatureNames(matching)
            let right = Set(rhs.map { Evaluator.signature($0.labels, names) })
            let left = Set(lhs.map { Evaluator.signature($0.labels, names) })
            #expect(Evaluator.setOperation(.and, lhs, rhs, matching) == lhs.filter { right.contains(Evaluator.signature($0.labels, names)) })
            #expect(Evaluator.setOperation(.unless, lhs, rhs, matching) == lhs.filter { !right.contains(Evaluator.signature($0.labels, names)) })
            #expect(Evaluator.setOperation(.or, lhs, rhs, matching) == lhs + rhs.filter { !left.contains(Evaluator.signature($0.labels, names)) })
        }
    }
}
