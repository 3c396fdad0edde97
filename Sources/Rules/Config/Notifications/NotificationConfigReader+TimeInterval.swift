internal import Foundation

extension NotificationConfigReader {
    static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// A named entry of `time_intervals` or `mute_time_intervals`.
    mutating func timeIntervalConfig(_ node: YAMLNode, section: String) -> TimeIntervalConfig? {
        guard var reader = MappingReader(node, what: "\(section) entry", diagnostics: &diagnostics) else { return nil }
        let name = reader.string("name", required: true, diagnostics: &diagnostics)
        if let name, !intervalNames.insert(name).inserted, let nameNode = node["name"] {
            diagnostics.error(nameNode.location, "\(reader.what): time interval name \"\(name)\" is not unique")
        }
        var intervals: [TimeIntervalSpec] = []
        if let items = reader.sequence("time_intervals", diagnostics: &diagnostics) {
            intervals = items.compactMap { timeInterval($0) }
        }
        reader.finish(diagnostics: &diagnostics)
        guard let name else { return nil }
        return TimeIntervalConfig(name: name, intervals: intervals)
    }

    mutating func timeInterval(_ node: YAMLNode) -> TimeIntervalSpec? {
        guard var reader = MappingReader(node, what: "time interval", diagnostics: &diagnostics) else { return nil }
        var interval = TimeIntervalSpec()
        if let items = reader.sequence("times", diagnostics: &diagnostics) {
            for item in items {
                guard var range = MappingReader(item, what: "time interval times", diagnostics: &diagnostics) else { continue }
                let start = clock(&range, "start_time")
                let end = clock(&range, "end_time")
                range.finish(diagnostics: &diagnostics)
                guard let start, let end else {
                    if range.has("start_time") != range.has("end_time") || !range.has("start_time") {
                        diagnostics.error(item.location, "time interval: times need both start_time and end_time")
                    }
                    continue
                }
                if start >= end {
                    diagnostics.error(item.location, "time interval: start_time must be before end_time")
                    continue
                }
                interval.times.append(TimeIntervalSpec.TimeRange(startMinute: start, endMinute: end))
            }
        }
        interval.weekdays = ranges(&reader, "weekdays", names: Self.weekdayNames, firstNameValue: 0, bounds: 0...6, allowNegative: false)
        interval.daysOfMonth = ranges(&reader, "days_of_month", names: [], firstNameValue: 0, bounds: -31...31, allowNegative: true)
        interval.months = ranges(&reader, "months", names: Self.monthNames, firstNameValue: 1, bounds: 1...12, allowNegative: false)
        interval.years = ranges(&reader, "years", names: [], firstNameValue: 0, bounds: 1...9999, allowNegative: false)
        if let location = reader.string("location", diagnostics: &diagnostics) {
            if location == "Local" || location == "UTC" || TimeZone(identifier: location) != nil {
                interval.location = location == "UTC" ? nil : location
            } else if let locationNode = node["location"] {
                diagnostics.error(locationNode.location, "time interval: unknown time zone \"\(location)\"")
            }
        }
        reader.finish(diagnostics: &diagnostics)
        return interval
    }

    /// `HH:MM`, 00:00 to 24:00, as minutes of the day.
    private mutating func clock(_ reader: inout MappingReader, _ key: String) -> Int? {
        guard let node = reader.value(key) else { return nil }
        let text = node.scalar ?? ""
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...24).contains(hours), (0...59).contains(minutes), hours * 60 + minutes <= 24 * 60
        else {
            diagnostics.error(node.location, "time interval: invalid \(key) \"\(text)\" (expected HH:MM between 00:00 and 24:00)")
            return nil
        }
        return hours * 60 + minutes
    }

    /// `a:b` or `a` entries, numbers or names.
    private mutating func ranges(
        _ reader: inout MappingReader, _ key: String, names: [String], firstNameValue: Int, bounds: ClosedRange<Int>, allowNegative: Bool
    ) -> [TimeIntervalSpec.Range] {
        var result: [TimeIntervalSpec.Range] = []
        for (text, item) in strings(&reader, key) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            func value(_ part: Substring) -> Int? {
                let word = part.trimmingCharacters(in: .whitespaces).lowercased()
                if let index = names.firstIndex(of: word) { return index + firstNameValue }
                guard let number = Int(word), bounds.contains(number) else { return nil }
                if key == "weekdays" { return nil }
                if key == "days_of_month", number == 0 { return nil }
                return number
            }
            guard (1...2).contains(parts.count), let start = value(parts[0]), let end = value(parts[parts.count - 1]) else {
                diagnostics.error(item.location, "time interval: invalid \(key) entry \"\(text)\"")
                continue
            }
            if allowNegative, start < 0, end > 0 {
                diagnostics.error(item.location, "time interval: invalid \(key) range \"\(text)\": the end must be negative when the start is")
                continue
            }
            if (start > 0 || !allowNegative || end < 0) && start > end && !(allowNegative && start > 0 && end < 0) {
                diagnostics.error(item.location, "time interval: invalid \(key) range \"\(text)\": the start is after the end")
                continue
            }
            result.append(TimeIntervalSpec.Range(start, end))
        }
        return result
    }
}
