@testable import Rules
import Testing

/// Objectives keep their decimal intent when turned into ratios.
struct SlothObjectiveTests {
    @Test(arguments: [("99.9", 0.999), ("95", 0.95), ("99.99", 0.9999), ("100", 1.0), ("5", 0.05), ("0.5", 0.005), ("99.95", 0.9995)])
    func percentTextBecomesTheNearestRatio(text: String, ratio: Double) {
        #expect(SlothObjective.ratio(ofPercentText: text) == ratio)
    }

    @Test func exponentsFallBackToDivision() {
        #expect(SlothObjective.ratio(ofPercentText: "9.99e1") == nil)
    }
}
