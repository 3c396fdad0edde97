extension Function {
    /// Every function of Prometheus 2.42, by name.
    public static let all: [String: Function] = {
        let v = ValueType.instantVector
        let m = ValueType.rangeVector
        let s = ValueType.scalar
        let str = ValueType.string
        var functions: [Function] = [
            Function("absent_over_time", [m]),
            Function("clamp", [v, s, s]),
            Function("clamp_max", [v, s]),
            Function("clamp_min", [v, s]),
            Function("histogram_fraction", [s, s, v]),
            Function("histogram_quantile", [s, v]),
            Function("holt_winters", [m, s, s]),
            Function("label_join", [v, str, str, str], variadic: -1),
            Function("label_replace", [v, str, str, str, str]),
            Function("pi", [], returns: s),
            Function("predict_linear", [m, s]),
            Function("quantile_over_time", [s, m]),
            Function("round", [v, s], variadic: 1),
            Function("scalar", [v], returns: s),
            Function("time", [], returns: s),
            Function("vector", [s]),
        ]
        let instantToInstant = [
            "abs", "absent", "acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "cos", "cosh",
            "deg", "exp", "floor", "histogram_count", "histogram_sum", "ln", "log10", "log2", "rad",
            "sgn", "sin", "sinh", "sort", "sort_desc", "sqrt", "tan", "tanh", "timestamp",
        ]
        let rangeToInstant = [
            "avg_over_time", "changes", "count_over_time", "delta", "deriv", "idelta", "increase",
            "irate", "last_over_time", "max_over_time", "min_over_time", "present_over_time", "rate",
            "resets", "stddev_over_time", "stdvar_over_time", "sum_over_time",
        ]
        let optionalTime = ["day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year"]
        functions += instantToInstant.map { Function($0, [v]) }
        functions += rangeToInstant.map { Function($0, [m]) }
        functions += optionalTime.map { Function($0, [v], variadic: 1) }
        return Dictionary(uniqueKeysWithValues: functions.map { ($0.name, $0) })
    }()
}
