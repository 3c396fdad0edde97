/// How one integer stream (timestamps, or integer values) is packed, chosen per chunk with every
/// element in view.
///
/// The stream `x0, x1, ...` (bit patterns of `Int64`s, arithmetic wrapping) becomes elements `e`:
/// order 0 the residuals from a regular grid, `xi - x0 - i * step`; order 1 the deltas
/// `xi - x(i-1)`; order 2 the deltas of deltas (Gorilla's timestamp scheme), the first delta kept
/// in the header. Each element is coded as `e - base` in a truncated binary code over `codeCount`
/// codes (`floor(log2(codeCount))` or one more bits; 0 bits when every element is `base`); when
/// `escapes` is set the last code escapes to an exception, `zigzag(e - base)` as an order-2
/// exponential-Golomb code.
///
/// So a regular series costs 0 bits a sample, occasional jitter about one bit plus a few per
/// jittered sample, random counter increments the logarithm of their spread, and rare outliers
/// (gaps, resets) a few dozen bits each instead of widening every code.
struct PackingPlan: Equatable {
    /// 0 (grid residuals), 1 (deltas) or 2 (deltas of deltas).
    var order: Int
    /// The grid step for order 0, the first delta for order 2, unused for order 1.
    var parameter: UInt64
    /// The frame of reference subtracted from every element.
    var base: UInt64
    /// The number of codes, the escape included: 1...2^62.
    var codeCount: UInt64
    /// Whether the last code escapes to an exception.
    var escapes: Bool
    /// The bits of the plan's header and codes (an upper bound when elements repeat).
    var cost: Int

    /// How many elements at each end of the sorted elements may become exceptions.
    static let maxExceptionsPerEnd = 8
    private static let maxCodeCount: UInt64 = 1 << 62

    /// A plan for streams of fewer than two elements, which store no codes.
    static let empty = PackingPlan(order: 1, parameter: 0, base: 0, codeCount: 1, escapes: false, cost: 0)

    /// The cheapest plan for the stream `xs`, which has 2 or more elements.
    ///
    /// Order 1 is planned first; orders 0 and 2 are planned only when a lower bound on their
    /// cost (from their ninth-smallest and ninth-largest elements, found without sorting) is
    /// below the best cost so far, so a regular stream sorts one order, not three. Ties keep
    /// the lower order tried first, as a plain search of all three would.
    static func best(for xs: [UInt64]) -> PackingPlan {
        let n = xs.count
        var workspace = Workspace(capacity: n - 1)
        workspace.elements.withUnsafeMutableBufferPointer { e in
            for i in 1..<n { e[i - 1] = Int64(bitPattern: xs[i] &- xs[i - 1]) }
        }
        var best = frame(order: 1, parameter: 0, count: n - 1, workspace: &workspace, bound: .max)!
        let step = UInt64(bitPattern: workspace.elements[(n - 1) / 2])
        if n >= 3 {
            workspace.elements.withUnsafeMutableBufferPointer { e in
                let x0 = xs[0]
                for i in 1..<n { e[i - 1] = Int64(bitPattern: xs[i] &- x0 &- UInt64(i) &* step) }
            }
            if let grid = frame(order: 0, parameter: step, count: n - 1, workspace: &workspace, bound: best.cost) {
                best = grid
            }
            workspace.elements.withUnsafeMutableBufferPointer { e in
                for i in 2..<n { e[i - 2] = Int64(bitPattern: (xs[i] &- xs[i - 1]) &- (xs[i - 1] &- xs[i - 2])) }
            }
            if let second = frame(order: 2, parameter: xs[1] &- xs[0], count: n - 2, workspace: &workspace, bound: best.cost) {
                best = second
            }
        }
        return best
    }

    @inline(__always)
    private static func exceptionCost(_ e: Int64, base: Int64) -> Int {
        BitWriter.expGolombCost(ZigZag.encode(e &- base))
    }

    /// The bits of `count` truncated binary codes below `codeCount`, `long` of them long ones.
    @inline(__always)
    private static func codesCost(count: Int, long: Int, codeCount: UInt64) -> Int {
        count * (ZigZag.bitLength(codeCount) - 1) + long
    }

    /// The plan of least cost for one order's elements (the first `m` of the workspace), or
    /// `nil` when none costs less than `bound`; sorts the elements in place when it plans them.
    private static func frame(order: Int, parameter: UInt64, count m: Int, workspace: inout Workspace, bound: Int) -> PackingPlan? {
        let headerCost = 2 + 1 + (order == 1 ? 0 : BitWriter.lengthPrefixedCost(ZigZag.encode(Int64(bitPattern: parameter))))
        let k = min(maxExceptionsPerEnd, m - 1)
        let sorted = workspace.sortUnlessCostly(count: m, ends: k + 1) { spread in
            // Every frame keeps s[k]...s[m-1-k] as direct codes, so it has at least `spread + 1`
            // codes; its base and code count take at least 7 bits each.
            if spread < maxCodeCount - 1 {
                return headerCost + 14 + m * (ZigZag.bitLength(spread + 1) - 1) >= bound
            }
            return headerCost + 15 + m >= bound
        }
        guard sorted else { return nil }
        defer { workspace.clearRanks() }
        return workspace.withRanks(count: m) { s, countBelow in
            plan(order: order, parameter: parameter, headerCost: headerCost, sorted: s, countBelow: countBelow, k: k, bound: bound)
        }
    }

    /// The search of `frame` over the sorted elements `s`: every choice of up to `k` exceptions
    /// at each end. `countBelow(t, top)` is the number of elements `s[0...top]` below `t`.
    private static func plan(
        order: Int, parameter: UInt64, headerCost: Int, sorted s: UnsafeBufferPointer<Int64>,
        countBelow: (Int64, Int) -> Int, k: Int, bound: Int
    ) -> PackingPlan? {
        let m = s.count
        var best = PackingPlan(order: order, parameter: parameter, base: 0, codeCount: 1, escapes: false, cost: bound)
        var found = false
        var anyFits = false
        var highCost = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &highCost) { raw in
            let highCost = raw.bindMemory(to: Int.self)
            for low in 0...k {
                let base = s[low]
                var lowCost = 0
                for i in 0..<low { lowCost += exceptionCost(s[i], base: base) }
                for i in 0..<k { highCost[i + 1] = highCost[i] + exceptionCost(s[m - 1 - i], base: base) }
                let fixed = headerCost + BitWriter.lengthPrefixedCost(ZigZag.encode(base)) + lowCost
                for high in 0...k where low + high < m {
                    let top = m - 1 - high
                    let range = UInt64(bitPattern: s[top] &- base)
                    let escapes = low + high > 0
                    guard range < maxCodeCount - 1 else { continue }
                    anyFits = true
                    let codeCount = range + 1 + (escapes ? 1 : 0)
                    let withoutLong = fixed + BitWriter.lengthPrefixedCost(codeCount - 1)
                        + codesCost(count: m, long: 0, codeCount: codeCount) + highCost[high]
                    // Long codes only add: a frame that cannot beat the best without them is skipped.
                    guard withoutLong < best.cost else { continue }
                    let short = (1 &<< UInt64(ZigZag.bitLength(codeCount))) &- codeCount
                    // Direct elements s[low...top] with code >= short take the long code: those from
                    // s[top] down to the first at or above base + short (> s[low], as short >= 1).
                    let firstLong = UInt64(bitPattern: s[top] &- base) < short
                        ? top + 1 : countBelow(base &+ Int64(bitPattern: short), top)
                    let escapeIsLong = escapes && codeCount - 1 >= short
                    let long = (top + 1 - firstLong) + (escapeIsLong ? low + high : 0)
                    let cost = withoutLong + long
                    if cost < best.cost {
                        found = true
                        best = PackingPlan(
                            order: order, parameter: parameter, base: UInt64(bitPattern: base), codeCount: codeCount,
                            escapes: escapes, cost: cost
                        )
                    }
                }
            }
        }
        if !anyFits {
            // Every frame spans more than 2^62: code the median directly and escape the rest.
            let base = s[m / 2]
            var cost = headerCost + BitWriter.lengthPrefixedCost(ZigZag.encode(base)) + BitWriter.lengthPrefixedCost(1) + m
            for e in s where e != base { cost += exceptionCost(e, base: base) }
            guard cost < bound else { return nil }
            return PackingPlan(order: order, parameter: parameter, base: UInt64(bitPattern: base), codeCount: 2, escapes: true, cost: cost)
        }
        return found ? best : nil
    }

    /// Writes the plan's parameters.
    func writeHeader(into writer: inout BitWriter) {
        writer.write(UInt64(order), bits: 2)
        if order != 1 { writer.writeLengthPrefixed(ZigZag.encode(Int64(bitPattern: parameter))) }
        writer.writeLengthPrefixed(ZigZag.encode(Int64(bitPattern: base)))
        writer.writeLengthPrefixed(codeCount - 1)
        writer.writeBit(escapes)
    }

    /// Reads parameters written by `writeHeader`; `cost` is not stored and reads as 0.
    static func readHeader(from reader: inout BitReader) throws(ChunkError) -> PackingPlan {
        let order = Int(try reader.read(bits: 2))
        guard order <= 2 else { throw ChunkError(.corrupt, "packing order \(order)") }
        let parameter = order == 1 ? 0 : UInt64(bitPattern: ZigZag.decode(try reader.readLengthPrefixed()))
        let base = UInt64(bitPattern: ZigZag.decode(try reader.readLengthPrefixed()))
        let codeCount = try reader.readLengthPrefixed() &+ 1
        guard codeCount >= 1, codeCount <= maxCodeCount else {
            throw ChunkError(.corrupt, "code count \(codeCount) outside 1...2^62")
        }
        let escapes = try reader.readBit()
        if escapes && codeCount < 2 { throw ChunkError(.corrupt, "an escape needs at least two codes") }
        return PackingPlan(order: order, parameter: parameter, base: base, codeCount: codeCount, escapes: escapes, cost: 0)
    }

    /// The element that codes sample `i` (≥ 1) of `xs`, or `nil` where the header holds it.
    @inline(__always)
    func element(_ xs: [UInt64], _ i: Int) -> UInt64? {
        switch order {
        case 0: return xs[i] &- xs[0] &- UInt64(i) &* parameter
        case 1: return xs[i] &- xs[i - 1]
        default: return i >= 2 ? (xs[i] &- xs[i - 1]) &- (xs[i - 1] &- xs[i - 2]) : nil
        }
    }

    /// Writes element `e`.
    @inline(__always)
    func write(_ e: UInt64, into writer: inout BitWriter) {
        let code = e &- base
        if escapes && code >= codeCount - 1 {
            writer.writeTruncated(codeCount - 1, count: codeCount)
            writer.writeExpGolomb(ZigZag.encode(Int64(bitPattern: code)))
        } else {
            writer.writeTruncated(code, count: codeCount)
        }
    }

    /// Reads one element.
    @inline(__always)
    func read(from reader: inout BitReader) throws(ChunkError) -> UInt64 {
        let code = try reader.readTruncated(count: codeCount)
        if escapes && code == codeCount - 1 {
            return base &+ UInt64(bitPattern: ZigZag.decode(try reader.readExpGolomb()))
        }
        return base &+ code
    }

    /// Decodes sample `i` (≥ 1) of the stream from the previous sample, the running delta and
    /// the first sample.
    @inline(__always)
    func next(
        _ i: Int, previous: UInt64, delta: inout UInt64, first: UInt64, from reader: inout BitReader
    ) throws(ChunkError) -> UInt64 {
        switch order {
        case 0:
            let value = first &+ UInt64(i) &* parameter &+ (try read(from: &reader))
            delta = value &- previous
            return value
        case 1:
            delta = try read(from: &reader)
        default:
            if i == 1 { delta = parameter } else { delta &+= try read(from: &reader) }
        }
        return previous &+ delta
    }
}
