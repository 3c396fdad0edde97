/// Prometheus 2.42's `rate()` of a counter (`extrapolatedRate` in its `promql/functions.go`,
/// described here from its documented behaviour): the increase with counter resets corrected,
/// extrapolated towards the range's ends, divided by the range.
public enum PrometheusRate {
    /// The rate over `samples`, equally spaced by `scrapeSeconds`, the last one at the evaluation
    /// time and the first one `rangeSeconds` before it or later.
    public static func rate(_ samples: [Double], scrapeSeconds: Double, rangeSeconds: Double) -> Double {
        guard samples.count >= 2 else { return .nan }
        var increase = samples[samples.count - 1] - samples[0]
        for index in 1..<samples.count where samples[index] < samples[index - 1] {
            increase += samples[index - 1]
        }
        let sampled = scrapeSeconds * Double(samples.count - 1)
        var toStart = rangeSeconds - sampled  // the first sample's distance from the range's start
        let toEnd = 0.0  // the last sample is at the evaluation time
        let average = sampled / Double(samples.count - 1)
        if increase > 0 && samples[0] >= 0 {
            let toZero = sampled * (samples[0] / increase)
            if toZero < toStart { toStart = toZero }
        }
        let threshold = average * 1.1
        var interval = sampled
        interval += toStart < threshold ? toStart : average / 2
        interval += toEnd < threshold ? toEnd : average / 2
        return increase * (interval / sampled) / rangeSeconds
    }
}
