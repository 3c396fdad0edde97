/// Prometheus' `kahanSumInc`: Neumaier-compensated summation, as 2.42 uses in
/// `sum_over_time`, `avg_over_time`, `stddev_over_time` and `deriv`.
struct KahanSum {
    /// The running sum.
    var sum = 0.0
    /// The running compensation.
    var compensation = 0.0

    /// Adds `increment`.
    @inline(__always)
    mutating func add(_ increment: Double) {
        let t = sum + increment
        if sum.magnitude >= increment.magnitude {
            compensation += (sum - t) + increment
        } else {
            compensation += (increment - t) + sum
        }
        sum = t
    }

    /// The compensated total.
    var value: Double { sum + compensation }
}
