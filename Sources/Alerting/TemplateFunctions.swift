/// The template functions of Prometheus' alert templates that Burnrate supports, with Prometheus'
/// exact formatting.
public enum TemplateFunctions {
    /// `humanize`: SI prefixes (k, M, … or m, u, n, …) and 4 significant digits: `1.235M`, `500m`.
    public static func humanize(_ value: Double) -> String {
        var v = value
        if v == 0 || v.isNaN || v.isInfinite { return GoNumberFormat.general(v, precision: 4) }
        var prefix = ""
        if v.magnitude >= 1 {
            for p in ["k", "M", "G", "T", "P", "E", "Z", "Y"] {
                if v.magnitude < 1000 { break }
                prefix = p
                v /= 1000
            }
        } else {
            for p in ["m", "u", "n", "p", "f", "a", "z", "y"] {
                if v.magnitude >= 1 { break }
                prefix = p
                v *= 1000
            }
        }
        return GoNumberFormat.general(v, precision: 4) + prefix
    }

    /// `humanizePercentage`: the value times 100 with 4 significant digits and `%`: `0.1234%`.
    public static func humanizePercentage(_ value: Double) -> String {
        GoNumberFormat.general(value * 100, precision: 4) + "%"
    }

    /// `humanizeDuration`: seconds as `3d 1h 1m 1s`, `1m 40s`, `3.5s` or `1.234ms`.
    public static func humanizeDuration(_ value: Double) -> String {
        var v = value
        if v.isNaN || v.isInfinite { return GoNumberFormat.general(v, precision: 4) }
        if v == 0 { return GoNumberFormat.general(v, precision: 4) + "s" }
        if v.magnitude >= 1 {
            var sign = ""
            if v < 0 {
                sign = "-"
                v = -v
            }
            // Go converts out-of-range floats to int64 as the minimum value on amd64.
            let duration = v < 9.223372036854775807e18 ? Int64(v) : Int64.min
            let seconds = duration % 60
            let minutes = (duration / 60) % 60
            let hours = (duration / 60 / 60) % 24
            let days = duration / 60 / 60 / 24
            if days != 0 { return "\(sign)\(days)d \(hours)h \(minutes)m \(seconds)s" }
            if hours != 0 { return "\(sign)\(hours)h \(minutes)m \(seconds)s" }
            if minutes != 0 { return "\(sign)\(minutes)m \(seconds)s" }
            return sign + GoNumberFormat.general(v, precision: 4) + "s"
        }
        var prefix = ""
        for p in ["m", "u", "n", "p", "f", "a", "z", "y"] {
            if v.magnitude >= 1 { break }
            prefix = p
            v *= 1000
        }
        return GoNumberFormat.general(v, precision: 4) + prefix + "s"
    }
}
