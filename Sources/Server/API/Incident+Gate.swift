internal import Incidents
internal import SLO

extension Incident {
    /// Whether the incident is of the SLO state with `groupLabels` (its key's labels other than
    /// `sloth_id` are among them).
    func matches(_ groupLabels: [String: String]) -> Bool {
        keyLabels.allSatisfy { $0.key == "sloth_id" || groupLabels[$0.key] == $0.value }
    }

    /// The incident as the deploy gate reports it.
    var gate: GateIncident {
        GateIncident(id: id, status: status.rawValue, severity: severity)
    }
}
