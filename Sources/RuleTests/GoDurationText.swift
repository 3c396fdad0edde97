/// Go's `time.Duration.String()` for whole milliseconds: `0s`, `500ms`, `1m0s`, `1h2m3.5s`.
enum GoDurationText {
    static func format(milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        let sign = milliseconds < 0 ? "-" : ""
        let ms = milliseconds.magnitude
        if ms < 1000 { return "\(sign)\(ms)ms" }
        let hours = ms / 3_600_000
        let minutes = (ms / 60_000) % 60
        let seconds = (ms / 1000) % 60
        let fraction = ms % 1000
        var secondsText = "\(seconds)"
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 3 - digits.count) + digits
            while digits.last == "0" { digits.removeLast() }
            secondsText += "." + digits
        }
        var text = sign
        if hours > 0 { text += "\(hours)h" }
        if hours > 0 || minutes > 0 { text += "\(minutes)m" }
        return text + secondsText + "s"
    }
}
