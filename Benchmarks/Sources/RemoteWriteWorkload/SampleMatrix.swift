import Foundation

/// The values of every series of a catalog at every scrape, generated in scrape order, with the
/// timestamps of each target: regular 15-second scrapes, each target at its own offset in the
/// interval, as Prometheus spreads its scrapes.
///
/// Counters only grow (integer request counts, CPU seconds in 10 ms ticks), histogram buckets
/// stay cumulative in `le`, traffic follows a daily curve. A flat array: series × scrapes.
public struct SampleMatrix: Sendable {
    /// The number of series.
    public let seriesCount: Int
    /// The number of scrapes per series.
    public let scrapeCount: Int
    /// The timestamp of scrape 0 of target 0, in milliseconds.
    public let startMilliseconds: Int64
    /// The time between scrapes, in milliseconds.
    public let intervalMilliseconds: Int64
    /// `values[series * scrapeCount + scrape]`.
    private var values: [Double]
    /// Each target's offset within the interval, in milliseconds.
    private var offsets: [Int64]
    /// Each series' target.
    private let targets: [Int]

    /// Generates `scrapeCount` scrapes of every series of `catalog`.
    public init(catalog: SeriesCatalog, scrapeCount: Int, startMilliseconds: Int64, intervalMilliseconds: Int64 = 15_000) {
        self.seriesCount = catalog.series.count
        self.scrapeCount = scrapeCount
        self.startMilliseconds = startMilliseconds
        self.intervalMilliseconds = intervalMilliseconds
        self.targets = catalog.series.map(\.target)
        values = [Double](repeating: 0, count: seriesCount * scrapeCount)
        var random = SplitMix64(seed: catalog.seed &+ 0x5EED)
        offsets = (0..<catalog.targetCount).map { _ in Int64(random.next() % UInt64(max(intervalMilliseconds, 1))) }
        let phases = (0..<catalog.targetCount).map { _ in random.uniform(0...(2 * Double.pi)) }
        let seconds = Double(intervalMilliseconds) / 1000

        for family in catalog.families {
            let phase = phases[family.target]
            func daily(_ scrape: Int) -> Double {
                let t = Double(startMilliseconds + Int64(scrape) * intervalMilliseconds) / 1000
                return 1 + 0.35 * sin(2 * Double.pi * t / 86_400 + phase)
            }
            func poisson(_ mean: Double) -> Double {
                max(0, (mean + mean.squareRoot() * random.gaussian()).rounded())
            }
            switch family.model {
            case .constantOne:
                for scrape in 0..<scrapeCount { set(family.series[0], scrape, 1) }
            case .requests(let rate):
                var total = (random.uniform(0...1) * rate * 86_400).rounded()
                for scrape in 0..<scrapeCount {
                    total += poisson(rate * seconds * daily(scrape))
                    set(family.series[0], scrape, total)
                }
            case .cpuSeconds(let load):
                var ticks = (random.uniform(0...1) * 360_000).rounded()
                for scrape in 0..<scrapeCount {
                    ticks += max(0, (load * seconds * 100 * (1 + 0.2 * random.gaussian())).rounded())
                    set(family.series[0], scrape, ticks / 100)
                }
            case .memory(let start):
                var bytes = start
                for scrape in 0..<scrapeCount {
                    bytes = max(67_108_864.0, bytes + 4096 * (random.gaussian() * 300).rounded())
                    set(family.series[0], scrape, bytes)
                }
            case .histogram(let bounds, let rate, let median, let sigma):
                // What the process observed before the first scrape.
                let before = (random.uniform(0...1) * rate * 3_600).rounded()
                var buckets = bounds.map { bound in
                    bound.isInfinite ? before : (before * Self.logNormalCDF(bound, median: median, sigma: sigma)).rounded()
                }
                var sum = before * median * exp(sigma * sigma / 2)
                for scrape in 0..<scrapeCount {
                    let observed = poisson(rate * seconds * daily(scrape))
                    // This scrape's median drifts a little, so bucket shares move as real ones do.
                    let scrapeMedian = median * exp(0.1 * random.gaussian())
                    var previous = 0.0
                    for (index, bound) in bounds.enumerated() {
                        let share = bound.isInfinite ? 1 : Self.logNormalCDF(bound, median: scrapeMedian, sigma: sigma)
                        let count = max(previous, (observed * share).rounded())
                        previous = count
                        // Earlier buckets' totals are at most later ones': observed counts are cumulative.
                        buckets[index] += count
                    }
                    for index in buckets.indices.dropFirst() where buckets[index] < buckets[index - 1] {
                        buckets[index] = buckets[index - 1]
                    }
                    sum += observed * scrapeMedian * exp(sigma * sigma / 2)
                    for (index, bucket) in buckets.enumerated() { set(family.series[index], scrape, bucket) }
                    set(family.series[bounds.count], scrape, sum)
                    set(family.series[bounds.count + 1], scrape, buckets[bounds.count - 1])
                }
            }
        }
    }

    @inline(__always)
    private mutating func set(_ series: Int?, _ scrape: Int, _ value: Double) {
        guard let series else { return }
        values[series * scrapeCount + scrape] = value
    }

    /// The value of `series` at `scrape`.
    @inline(__always)
    public func value(series: Int, scrape: Int) -> Double {
        values[series * scrapeCount + scrape]
    }

    /// The timestamp of `series` at `scrape`, in milliseconds.
    @inline(__always)
    public func timestamp(series: Int, scrape: Int) -> Int64 {
        startMilliseconds + Int64(scrape) * intervalMilliseconds + offsets[targets[series]]
    }

    private static func logNormalCDF(_ x: Double, median: Double, sigma: Double) -> Double {
        0.5 * (1 + erf((log(x) - log(median)) / (sigma * 2.0.squareRoot())))
    }
}
