/// Neumaier-compensated summation exactly as Prometheus 2.42's `kahanSumInc` does it.
enum KahanSum {
    /// Adds `increment` to `(sum, compensation)`, returning the new pair.
    @inline(__always)
    static func add(_ increment: Double, to sum: Double, _ compensation: Double) -> (Double, Double) {
        let t = sum + increment
        var c = compensation
        if sum.magnitude >= increment.magnitude {
            c += (sum - t) + increment
        } else {
            c += (increment - t) + sum
        }
        return (t, c)
    }
}
