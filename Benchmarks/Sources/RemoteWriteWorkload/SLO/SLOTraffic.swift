import Foundation

/// The counters of one SLO, scrape by scrape: diurnal traffic around a per-SLO base rate, a small
/// error share with hour-long error bursts, and counter resets (a process restart resets every
/// series of the endpoint). Keeps the last 5 minutes of values to compute the ratio Sloth's
/// `slo:sli_error:ratio_rate5m` rule records.
public struct SLOTraffic: Sendable {
    /// The workload.
    public let workload: SLOWorkload
    /// The SLO.
    public let slo: Int
    /// The values of the last scrape, one per status code.
    public private(set) var values: [Double]
    /// The next scrape `advance()` produces.
    public private(set) var scrape = 0
    private var window: [[Double]]  // per code, a ring of scrapesPerWindow + 1 values
    private let baseRate: Double
    private let phase: Double
    private let baseErrorShare: Double

    /// Starts before the first scrape.
    public init(workload: SLOWorkload, slo: Int) {
        self.workload = workload
        self.slo = slo
        values = Array(repeating: 0, count: workload.codes.count)
        window = Array(repeating: Array(repeating: 0, count: workload.scrapesPerWindow + 1), count: workload.codes.count)
        baseRate = 2 + 48 * Self.unit(workload.seed, UInt64(slo), 1)
        phase = 2 * Double.pi * Self.unit(workload.seed, UInt64(slo), 2)
        baseErrorShare = 0.0002 + 0.0008 * Self.unit(workload.seed, UInt64(slo), 3)
    }

    /// Produces the values of scrape `scrape` (then `scrape` moves on).
    public mutating func advance() {
        let seconds = Double(workload.timestamp(scrape)) / 1000
        let step = Double(workload.scrapeSeconds)
        let diurnal = 1 + 0.7 * sin(2 * Double.pi * seconds / 86_400 + phase)
        let total = baseRate * diurnal * step
        let hour = UInt64(bitPattern: Int64(seconds / 3600))
        var errorShare = baseErrorShare
        if Self.unit(workload.seed, UInt64(slo), 0x1000 + hour) < 0.02 {  // about one hour in fifty burns
            errorShare = 0.01 + 0.2 * Self.unit(workload.seed, UInt64(slo), 0x2000 + hour)
        }
        let stepKey = UInt64(bitPattern: Int64(seconds))
        // About one restart per SLO every two days.
        let reset = Self.unit(workload.seed, UInt64(slo), 0x3000 ^ (stepKey << 8)) < step / 172_800
        let errorCodes = Double(workload.codes.filter { $0.hasPrefix("5") }.count)
        let otherCodes = Double(workload.codes.count) - errorCodes
        for code in workload.codes.indices {
            let expected = workload.isError(code) ? total * errorShare / errorCodes : total * (1 - errorShare) / otherCodes
            let noise = Self.unit(workload.seed, UInt64(slo) << 8 | UInt64(code), stepKey)
            // Rounded up or down at random in proportion, so that rare errors still add up.
            let exact = expected * (0.8 + 0.4 * noise)
            let whole = exact.rounded(.down)
            let increment = whole + (Self.unit(workload.seed ^ 0xA5A5, UInt64(slo) << 8 | UInt64(code), stepKey) < exact - whole ? 1 : 0)
            values[code] = (reset ? 0 : values[code]) + increment
            window[code][scrape % window[code].count] = values[code]
        }
        scrape += 1
    }

    /// Advances through `count` scrapes without looking at them.
    public mutating func skip(_ count: Int) {
        for _ in 0..<count { advance() }
    }

    /// `sum(rate(errors[5m])) / sum(rate(total[5m]))` at the last scrape, as Prometheus 2.42
    /// evaluates it at that instant (the window holds the samples from 5 minutes back to now,
    /// both ends included), or nil before a full window.
    public func shortWindowRatio() -> Double? {
        let count = workload.scrapesPerWindow + 1
        guard scrape >= count else { return nil }
        var errors = 0.0
        var total = 0.0
        for code in workload.codes.indices {
            var samples: [Double] = []
            samples.reserveCapacity(count)
            for back in stride(from: count - 1, through: 0, by: -1) {
                samples.append(window[code][(scrape - 1 - back) % count])
            }
            let rate = PrometheusRate.rate(samples, scrapeSeconds: Double(workload.scrapeSeconds),
                                           rangeSeconds: Double(SLOWorkload.shortWindowSeconds))
            total += rate
            if workload.isError(code) { errors += rate }
        }
        return errors / total
    }

    /// A uniform value in 0..<1 from three keys (SplitMix64's finaliser over their mix).
    @inline(__always)
    static func unit(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Double {
        var z = a &* 0x9E37_79B9_7F4A_7C15 ^ b &* 0xC2B2_AE3D_27D4_EB4F ^ c &* 0x1656_67B1_9E37_79F9
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) * 0x1p-53
    }
}
