import Storage

/// Deterministic generators for the data shapes the chunk tests and size bounds use.
enum SampleShapes {
    static let start: Int64 = 1_700_000_000_000

    /// A 15 s counter with integer increments in 0...300 and exact timestamps.
    static func regularCounter(count: Int = 120, seed: UInt64) -> [ChunkSample] {
        var rng = SplitMix64(seed: seed)
        var value = Double(Int.random(in: 0...1_000_000, using: &rng))
        return (0..<count).map { i in
            if i > 0 { value += Double(Int.random(in: 0...300, using: &rng)) }
            return ChunkSample(t: start + Int64(i) * 15_000, v: value)
        }
    }

    /// The regular counter with a few ms of jitter on `jitterShare` of its timestamps.
    static func jitteredCounter(count: Int = 120, jitterShare: Double, seed: UInt64) -> [ChunkSample] {
        var rng = SplitMix64(seed: seed ^ 0x5555)
        return regularCounter(count: count, seed: seed).map { sample in
            var sample = sample
            if Double.random(in: 0..<1, using: &rng) < jitterShare { sample.t += Int64.random(in: -5...5, using: &rng) }
            return sample
        }
    }

    /// A float gauge: a random walk of non-integer values every 15 s.
    static func floatGauge(count: Int = 120, seed: UInt64) -> [ChunkSample] {
        var rng = SplitMix64(seed: seed)
        var value = 50.0
        return (0..<count).map { i in
            value += Double.random(in: -1...1, using: &rng)
            return ChunkSample(t: start + Int64(i) * 15_000, v: value)
        }
    }

    /// A constant series every 15 s.
    static func constant(count: Int = 120, value: Double = 1) -> [ChunkSample] {
        (0..<count).map { ChunkSample(t: start + Int64($0) * 15_000, v: value) }
    }

    /// Random timestamps with gaps and random values drawn from many kinds, specials included.
    static func anything(count: Int, rng: inout SplitMix64) -> [ChunkSample] {
        var t = Int64.random(in: -1_000_000_000_000...2_000_000_000_000, using: &rng)
        let step = Int64.random(in: 1...60_000, using: &rng)
        let kind = Int.random(in: 0..<4, using: &rng)
        var integer = Int64.random(in: -1_000...1_000, using: &rng)
        return (0..<count).map { _ in
            switch Int.random(in: 0..<20, using: &rng) {
            case 0: t += Int64.random(in: 1...10_000_000, using: &rng)
            case 1: t += 1
            default: t += step + Int64.random(in: -min(step - 1, 5)...5, using: &rng)
            }
            let v: Double
            switch kind {
            case 0:
                integer += Int64.random(in: -3...500, using: &rng)
                v = Double(integer)
            case 1: v = Double.random(in: -1e6...1e6, using: &rng)
            case 2: v = specials.randomElement(using: &rng)!
            default:
                v = Bool.random(using: &rng) ? Double(bitPattern: rng.next()) : Double(Int64.random(in: -5...5, using: &rng))
            }
            return ChunkSample(t: t, v: v)
        }
    }

    /// Values whose bits must survive: NaNs with payloads, signed zeros, infinities, extremes.
    static let specials: [Double] = [
        ChunkSample.staleMarker, .nan, -.nan, Double(bitPattern: 0x7ff8_0000_0000_0001), Double(bitPattern: 0xfff0_0000_dead_beef),
        0.0, -0.0, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        .leastNonzeroMagnitude, -.leastNormalMagnitude, 0x1p63, -0x1p63, 0x1p53, 9_223_372_036_854_774_784, 1, -1, 42.5,
    ]

    static func encode(_ samples: [ChunkSample]) throws -> EncodedChunk {
        var encoder = ChunkEncoder(expectedCount: samples.count)
        for sample in samples { try encoder.append(sample) }
        return encoder.finish()
    }
}
