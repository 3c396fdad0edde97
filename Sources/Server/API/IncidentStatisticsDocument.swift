internal import Incidents

/// `GET /api/v1/incidents/stats`: the window, the grouping, what each figure means, and the
/// figures per group (durations in seconds, null without data).
struct IncidentStatisticsDocument: Encodable, Sendable {
    struct Summary: Encodable, Sendable {
        let count: Int
        let mean: Double?
        let median: Double?
        let p90: Double?

        init(_ summary: DurationSummary) {
            count = summary.count
            mean = summary.mean
            median = summary.median
            p90 = summary.p90
        }

        private enum Keys: String, CodingKey { case count, mean, median, p90 }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(count, forKey: .count)
            try container.encode(mean, forKey: .mean)
            try container.encode(median, forKey: .median)
            try container.encode(p90, forKey: .p90)
        }
    }

    struct Group: Encodable, Sendable {
        let group: [String: String]
        let count: Int
        let excluded: Int
        let timeToDetect: Summary
        let timeToAcknowledge: Summary
        let timeToRecover: Summary
        let timeToResolve: Summary

        init(_ statistics: IncidentStatistics) {
            group = statistics.group
            count = statistics.count
            excluded = statistics.excluded
            timeToDetect = Summary(statistics.timeToDetect)
            timeToAcknowledge = Summary(statistics.timeToAcknowledge)
            timeToRecover = Summary(statistics.timeToRecover)
            timeToResolve = Summary(statistics.timeToResolve)
        }
    }

    let since: String
    let until: String
    let by: String
    let definitions: [String: String]
    let groups: [Group]

    /// What each figure measures, as `burnrate incidents stats` prints it.
    static let definitions = [
        "timeToDetect": "first alert firing − impact start (the SLI's 5m burn rate first above 1)",
        "timeToAcknowledge": "first acknowledgement − first alert firing",
        "timeToRecover": "recovery (5m burn rate at or under 1 from then on) − impact start",
        "timeToResolve": "resolution (last alert resolved, or by hand) − first alert firing",
    ]
}
