extension Incident {
    /// Applies one input and says what to do: the incident lifecycle as a value-type state machine.
    ///
    /// - An alert firing attaches to the incident (or fires again within it); on a resolved
    ///   incident it reopens it and counts a flap (the caller checks `reopen_within`).
    /// - When the last firing alert resolves, the incident resolves at that time.
    /// - Acknowledging needs an open incident; resolving by hand an unresolved one.
    public mutating func on(_ input: IncidentInput) -> IncidentAction {
        switch input {
        case .alertFiring(let alert):
            return fire(alert)
        case .alertResolved(let labels, let at):
            guard let index = alerts.firstIndex(where: { $0.labels == labels }), alerts[index].isFiring else { return .none }
            alerts[index].resolvedAt = at
            timeline.append(IncidentTimelineEntry(time: at, kind: .alertResolved, text: "\(Self.describe(alerts[index])) resolved"))
            guard status != .resolved, !alerts.contains(where: \.isFiring) else { return .save }
            status = .resolved
            resolvedAt = at
            resolvedBy = nil
            timeline.append(IncidentTimelineEntry(time: at, kind: .resolved, text: "every alert resolved"))
            return .announce(.resolved)
        case .acknowledge(let by, let at):
            switch status {
            case .resolved: return .refuse("incident \(id) is resolved")
            case .acknowledged: return .refuse("incident \(id) is already acknowledged by \(acknowledgedBy ?? "someone")")
            case .open: break
            }
            status = .acknowledged
            if acknowledgedAt == nil {
                acknowledgedAt = at
                acknowledgedBy = by
            }
            timeline.append(IncidentTimelineEntry(time: at, kind: .acknowledged, actor: by, text: "acknowledged by \(by)"))
            return .announce(.acknowledged)
        case .resolve(let by, let at):
            guard status != .resolved else { return .refuse("incident \(id) is already resolved") }
            status = .resolved
            resolvedAt = at
            resolvedBy = by
            timeline.append(IncidentTimelineEntry(time: at, kind: .resolved, actor: by, text: "resolved by \(by)"))
            return .announce(.resolved)
        case .note(let author, let text, let at):
            notes.append(IncidentNote(time: at, author: author, text: text))
            timeline.append(IncidentTimelineEntry(time: at, kind: .note, actor: author, text: text))
            return .save
        case .flag(let flag, let by, let at):
            guard flag != self.flag else { return .none }
            self.flag = flag
            let text = flag.map { "flagged \($0.rawValue): left out of the statistics" } ?? "flag cleared: counted in the statistics"
            timeline.append(IncidentTimelineEntry(time: at, kind: .flagged, actor: by, text: text))
            return .save
        }
    }

    private mutating func fire(_ alert: IncidentAlert) -> IncidentAction {
        let wasResolved = status == .resolved
        if let index = alerts.firstIndex(where: { $0.labels == alert.labels }) {
            // The same firing, already attached: nothing new.
            if alerts[index].firedAt == alert.firedAt && alerts[index].isFiring { return .none }
            if alerts[index].firedAt == alert.firedAt && wasResolved { return .none }
            alerts[index].firedAt = alert.firedAt
            alerts[index].resolvedAt = nil
        } else {
            alerts.append(alert)
        }
        if IncidentPolicy.rank(alert.severity) > IncidentPolicy.rank(severity) { severity = alert.severity }
        guard wasResolved else {
            timeline.append(IncidentTimelineEntry(time: alert.firedAt, kind: .alertFiring, text: "\(Self.describe(alert)) fired"))
            return .save
        }
        status = .open
        resolvedAt = nil
        resolvedBy = nil
        recoveredAt = nil
        flapCount += 1
        timeline.append(IncidentTimelineEntry(time: alert.firedAt, kind: .reopened, text: "\(Self.describe(alert)) fired again (flap \(flapCount))"))
        return .announce(.reopened)
    }
}
