import Foundation

/// Incidents as the CLI prints them.
enum IncidentReport {
    /// A duration in seconds: `45s`, `12m`, then as `ReportFormat.duration` (`2.5h`, `3.1d`).
    static func duration(_ seconds: Any?) -> String {
        guard let seconds = seconds as? Double else { return "-" }
        if seconds < 60 { return "\(Int(seconds))s" }
        if seconds < 3600 { return "\(Int(seconds / 60))m" }
        return ReportFormat.duration(seconds)
    }

    /// One row per incident.
    static func table(_ incidents: [[String: Any]]) -> String {
        var rows = [["ID", "STATUS", "SEVERITY", "INCIDENT", "DETECTED", "TTD", "TTR", "BUDGET", "FLAPS", "FLAG"]]
        for incident in incidents {
            let durations = incident["durations"] as? [String: Any] ?? [:]
            rows.append([
                "\(incident["id"] as? Int ?? 0)", incident["status"] as? String ?? "", incident["severity"] as? String ?? "",
                incident["title"] as? String ?? "", incident["detectedAt"] as? String ?? "-",
                IncidentReport.duration(durations["timeToDetect"]), IncidentReport.duration(durations["timeToResolve"]),
                ReportFormat.percent(incident["budgetConsumed"]), "\(incident["flapCount"] as? Int ?? 0)",
                incident["flag"] as? String ?? "-",
            ])
        }
        return ReportFormat.table(rows)
    }

    /// One incident in full: its fields, alerts, timeline and notes.
    static func detail(_ incident: [String: Any]) -> String {
        let durations = incident["durations"] as? [String: Any] ?? [:]
        var lines = ["incident \(incident["id"] as? Int ?? 0): \(incident["title"] as? String ?? "")"]
        let fields: [(String, String)] = [
            ("status", incident["status"] as? String ?? ""), ("severity", incident["severity"] as? String ?? ""),
            ("service", incident["service"] as? String ?? "-"), ("impact started", incident["impactStartedAt"] as? String ?? "-"),
            ("detected", incident["detectedAt"] as? String ?? "-"),
            ("acknowledged", (incident["acknowledgedAt"] as? String).map { "\($0) by \(incident["acknowledgedBy"] as? String ?? "")" } ?? "-"),
            ("recovered", incident["recoveredAt"] as? String ?? "-"),
            ("resolved", (incident["resolvedAt"] as? String).map { at in (incident["resolvedBy"] as? String).map { "\(at) by \($0)" } ?? at } ?? "-"),
            ("budget consumed", ReportFormat.percent(incident["budgetConsumed"])), ("peak burn rate", ReportFormat.number(incident["peakBurnRate"])),
            ("flaps", "\(incident["flapCount"] as? Int ?? 0)"), ("flag", incident["flag"] as? String ?? "-"),
            ("time to detect", IncidentReport.duration(durations["timeToDetect"])),
            ("time to acknowledge", IncidentReport.duration(durations["timeToAcknowledge"])),
            ("time to recover", IncidentReport.duration(durations["timeToRecover"])),
            ("time to resolve", IncidentReport.duration(durations["timeToResolve"])),
        ]
        lines.append(ReportFormat.table(fields.map { ["  " + $0.0 + ":", $0.1] }))
        lines.append("alerts:")
        for alert in incident["alerts"] as? [[String: Any]] ?? [] {
            lines.append("  \(alert["state"] as? String ?? "")  \(ReportFormat.labels(alert["labels"]))  since \(alert["firedAt"] as? String ?? "")")
        }
        lines.append("timeline:")
        for entry in incident["timeline"] as? [[String: Any]] ?? [] {
            lines.append("  \(entry["time"] as? String ?? "")  \(entry["kind"] as? String ?? "")  \(entry["text"] as? String ?? "")")
        }
        return lines.joined(separator: "\n")
    }
}
