internal import Foundation

extension BurnrateFields {
    /// Reads `period`: a rolling duration (`30d`, `4w`) or a calendar period
    /// (`{calendar: month, time_zone: Europe/Berlin}`, time zone UTC by default). Nil when absent.
    static func period(from reader: inout MappingReader, diagnostics: inout Diagnostics) -> SLOPeriod? {
        guard let node = reader.node["period"], !node.isNull else {
            _ = reader.value("period")
            return nil
        }
        if node.scalar != nil {
            return reader.promDuration("period", diagnostics: &diagnostics).map { .rolling($0.duration) }
        }
        guard var calendar = reader.mapping("period", what: "\(reader.what) period", diagnostics: &diagnostics) else { return nil }
        defer { calendar.finish(diagnostics: &diagnostics) }
        var unit: CalendarUnit?
        if let text = calendar.string("calendar", required: true, diagnostics: &diagnostics), let unitNode = node["calendar"] {
            unit = CalendarUnit(rawValue: text)
            if unit == nil {
                let units = ["day", "week", "month", "quarter", "year"]
                var message = "\(calendar.what): unknown calendar unit \"\(text)\": expected one of \(units.joined(separator: ", "))"
                if let suggestion = DidYouMean.suggest(text, from: units) { message += " (did you mean \"\(suggestion)\"?)" }
                diagnostics.error(unitNode.location, message)
            }
        }
        var timeZone = "UTC"
        if let text = calendar.string("time_zone", diagnostics: &diagnostics), let zoneNode = node["time_zone"] {
            if TimeZone(identifier: text) == nil {
                var message = "\(calendar.what): unknown time zone \"\(text)\": use an IANA name such as Europe/Berlin or UTC"
                if let suggestion = DidYouMean.suggest(text, from: TimeZone.knownTimeZoneIdentifiers) {
                    message += " (did you mean \"\(suggestion)\"?)"
                }
                diagnostics.error(zoneNode.location, message)
                return nil
            }
            timeZone = text
        }
        return unit.map { .calendar($0, timeZone: timeZone) }
    }
}
