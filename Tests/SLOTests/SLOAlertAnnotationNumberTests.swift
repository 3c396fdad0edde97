import Foundation
import Testing
@testable import SLO

/// The annotations' numbers are written without a format string; they must read exactly as
/// `String(format: "%.2f")` with the trailing zeros removed.
struct SLOAlertAnnotationNumberTests {
    static func formatted(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "+Inf" : "-Inf") }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    @Test func numbersReadAsWithAFormatString() {
        #expect(SLOAlertAnnotations.number(14.4) == "14.4")
        #expect(SLOAlertAnnotations.number(0.333333) == "0.33")
        #expect(SLOAlertAnnotations.number(-0.305) == Self.formatted(-0.305))
        #expect(SLOAlertAnnotations.number(99.999) == "100")
        #expect(SLOAlertAnnotations.number(-0.07) == "-0.07")
        var state: UInt64 = 3
        var checked = 0
        for exponent in -4...16 {
            for _ in 0..<2_000 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let fraction = Double(state >> 11) / Double(1 << 53)
                let value = (fraction * 2 - 1) * pow(10, Double(exponent))
                #expect(SLOAlertAnnotations.number(value) == Self.formatted(value), "\(value)")
                checked += 1
            }
        }
        for value in [0.005, 0.015, 1.005, 2.675, -2.675, 1e13 + 0.01, 123.45, 0.1 + 0.2, .infinity, -.infinity, .nan, -0.0] {
            #expect(SLOAlertAnnotations.number(value) == Self.formatted(value), "\(value)")
        }
        #expect(checked == 42_000)
    }
}
