import SLO
import Testing

/// The objective's numbers as Sloth prints them, recovered from the model's exact ratio.
struct SlothObjectiveNumbersTests {
    @Test(arguments: [
        (0.999, "99.9", 0.9990000000000001, 0.0009999999999999432),
        (0.95, "95", 0.95, 0.05),
        (0.9999, "99.99", 0.9998999999999999, 0.00010000000000005117),
        (1.0, "100", 1.0, 0.0),
        (0.99, "99", 0.99, 0.01),
        (0.5, "50", 0.5, 0.5),
        (0.0005, "0.05", 0.0005, 0.9995),
    ])
    func percentRatioAndBudget(_ ratio: Double, _ text: String, _ slothRatio: Double, _ budget: Double) {
        let objective = SlothObjective(ratio: ratio)
        #expect(objective.percentText == text)
        #expect(objective.ratio == slothRatio)
        #expect(objective.errorBudget == budget)
    }
}
