internal import Storage

/// 2.42's `linearRegression` for `deriv` and `predict_linear`: least squares with Kahan sums.
enum Regression {
    /// The slope (per second) and the intercept at `interceptTime`.
    static func linear(_ points: [Point], interceptTime: Int64) -> (slope: Double, intercept: Double) {
        var n = 0.0
        var sumX = KahanSum()
        var sumY = KahanSum()
        var sumXY = KahanSum()
        var sumX2 = KahanSum()
        let initialY = points[0].v
        var constantY = true
        for (index, point) in points.enumerated() {
            if constantY && index > 0 && point.v != initialY { constantY = false }
            n += 1
            let x = Double(point.t - interceptTime) / 1e3
            sumX.add(x)
            sumY.add(point.v)
            sumXY.add(x * point.v)
            sumX2.add(x * x)
        }
        if constantY {
            if initialY.isInfinite { return (.nan, .nan) }
            return (0, initialY)
        }
        let (x, y, xy, x2) = (sumX.value, sumY.value, sumXY.value, sumX2.value)
        let covXY = xy - x * y / n
        let varX = x2 - x * x / n
        let slope = covXY / varX
        let intercept = y / n - slope * x / n
        return (slope, intercept)
    }
}
