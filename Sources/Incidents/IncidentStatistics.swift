/// Reliability figures over a set of incidents: how many, and for each of the four durations
/// (docs/incidents.md defines them) the mean, median and p90.
///
/// - time to detect: detection − impact start
/// - time to acknowledge: first acknowledgement − detection
/// - time to recover: recovery − impact start
/// - time to resolve: resolution − detection
///
/// Incidents flagged `maintenance` or `test` are left out (and counted in `excluded`); a duration
/// is summarised over the incidents that have both of its times.
public struct IncidentStatistics: Sendable, Hashable, Codable {
    /// The group's labels (`slo` or `service`; empty for every incident together).
    public var group: [String: String]
    /// The incidents counted.
    public var count: Int
    /// The flagged incidents left out.
    public var excluded: Int
    /// Detection − impact start.
    public var timeToDetect: DurationSummary
    /// First acknowledgement − detection.
    public var timeToAcknowledge: DurationSummary
    /// Recovery − impact start.
    public var timeToRecover: DurationSummary
    /// Resolution − detection.
    public var timeToResolve: DurationSummary

    /// The statistics of `incidents` in one group.
    public init(group: [String: String], incidents: [Incident]) {
        let counted = incidents.filter { $0.flag == nil }
        func seconds(_ from: KeyPath<Incident, Int64?>, _ to: KeyPath<Incident, Int64?>) -> DurationSummary {
            DurationSummary(counted.compactMap { incident in
                guard let start = incident[keyPath: from], let end = incident[keyPath: to] else { return nil }
                return Double(end - start) / 1000
            })
        }
        self.group = group
        self.count = counted.count
        self.excluded = incidents.count - counted.count
        self.timeToDetect = seconds(\.impactStartedAt, \.detected)
        self.timeToAcknowledge = seconds(\.detected, \.acknowledgedAt)
        self.timeToRecover = seconds(\.impactStartedAt, \.recoveredAt)
        self.timeToResolve = seconds(\.detected, \.resolvedAt)
    }

    /// The statistics of `incidents` grouped by `grouping`, sorted by group.
    public static func compute(_ incidents: [Incident], by grouping: IncidentGrouping) -> [IncidentStatistics] {
        switch grouping {
        case .all:
            return [IncidentStatistics(group: [:], incidents: incidents)]
        case .slo, .service:
            let name = grouping.rawValue
            let groups = Dictionary(grouping: incidents) { incident in
                (grouping == .slo ? incident.slo : incident.service) ?? ""
            }
            return groups.keys.sorted().map { value in
                IncidentStatistics(group: value.isEmpty ? [:] : [name: value], incidents: groups[value] ?? [])
            }
        }
    }
}

extension Incident {
    /// `detectedAt` as an optional, for key paths beside the optional times.
    var detected: Int64? { detectedAt }
}
