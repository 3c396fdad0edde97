import PromQL
import Testing

@Suite struct SampleFormatTests {
    @Test(arguments: [
        (1.0, "1"), (0.5, "0.5"), (1e-05, "0.00001"), (1234567.0, "1234567"), (1e21, "1000000000000000000000"),
        (-2.5, "-2.5"), (0.1 + 0.2, "0.30000000000000004"), (Double.nan, "NaN"), (Double.infinity, "+Inf"),
        (-Double.infinity, "-Inf"), (0.0, "0"), (123.456, "123.456"),
    ])
    func valuesAsPrometheusWritesThem(value: Double, expected: String) {
        #expect(SampleFormat.value(value) == expected)
    }

    @Test(arguments: [
        (Int64(1_435_781_451_781), "1435781451.781"), (1_000, "1"), (1_500, "1.5"), (1_050, "1.05"), (0, "0"), (-1_500, "-1.5"),
    ])
    func timestampsInSeconds(milliseconds: Int64, expected: String) {
        #expect(SampleFormat.timestamp(milliseconds: milliseconds) == expected)
    }
}
