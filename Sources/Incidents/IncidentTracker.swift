public import Alerting
public import Logging
public import Rules
public import Storage

/// Turns alerts into incidents and keeps them: opens an incident when an alert of an `open_on`
/// severity starts firing, attaches further alerts of the same key, resolves it when they have
/// all resolved, reopens it (a flap) when its key fires again within `reopen_within`; takes
/// acknowledgements, manual resolutions, notes and flags; saves every change in its
/// `IncidentStore` and sends opened, reopened, acknowledged and resolved to its event sink.
///
/// Nothing here reads a clock: the caller passes the time of every observation and request, so
/// tests drive it with any times they like.
public actor IncidentTracker {
    private let store: any IncidentStore
    private let policy: IncidentPolicy
    private let sink: (any IncidentEventSink)?
    private let logger: Logger
    private var groupBy: [String: [String]] = [:]
    /// Unresolved incidents by key; loaded from the store on first use.
    private var active: [String: Incident] = [:]
    /// The latest incident of each key looked up since start, resolved or not.
    private var latest: [String: Incident?] = [:]
    private var nextID: Int64 = 0
    private var loaded = false
    /// Incidents whose impact the next `analyze` computes: unresolved, or resolved since.
    private var toAnalyse: Set<Int64> = []

    /// A tracker keeping incidents in `store` under `policy`, sending events to `sink`.
    public init(store: any IncidentStore, policy: IncidentPolicy = IncidentPolicy(), sink: (any IncidentEventSink)? = nil, logger: Logger) {
        self.store = store
        self.policy = policy
        self.sink = sink
        self.logger = logger
    }

    /// Takes the SLOs in force: their `group_by` labels key their incidents.
    public func apply(slos: [SLO]) {
        groupBy = Dictionary(slos.map { ($0.id, $0.groupBy) }, uniquingKeysWith: { first, _ in first })
    }

    /// Applies one evaluation's alerts (every alert the scheduler keeps, resolved ones included)
    /// as of `time` (milliseconds) and returns the events it sent. Attached alerts that are no
    /// longer listed (their rule went away) count as resolved at `time`.
    @discardableResult
    public func observe(alerts: [AlertState], at time: Int64) async throws(IncidentError) -> [IncidentEvent] {
        try await load()
        var events: [IncidentEvent] = []
        var listed: Set<[String: String]> = []
        // Alerts that open incidents first, so that the others of the same key find them.
        let sorted = alerts.map { alert in (alert, Self.dictionary(alert.labels)) }
            .sorted { policy.openOn.contains(IncidentPolicy.severity(of: $0.1)) && !policy.openOn.contains(IncidentPolicy.severity(of: $1.1)) }
        for (alert, labels) in sorted {
            listed.insert(labels)
            guard let firedAt = alert.firedAt else { continue }
            let key = IncidentKey(alert: labels, groupBy: labels["sloth_id"].flatMap { groupBy[$0] } ?? [], keyLabels: policy.keyLabels)
            let canonical = key.canonical
            let severity = IncidentPolicy.severity(of: labels)
            if alert.phase == .firing {
                let attached = IncidentAlert(labels: labels, severity: severity, firedAt: firedAt)
                if var incident = active[canonical] {
                    let action = incident.on(.alertFiring(attached))
                    try await perform(action, on: incident, at: firedAt, events: &events)
                    continue
                }
                guard policy.openOn.contains(severity) else { continue }
                if let stored = try await latestIncident(canonical) {
                    var previous = cached(id: stored.id) ?? stored
                    // The same firing, already counted (resolved by hand while it fired on).
                    if previous.alerts.contains(where: { $0.labels == labels && $0.firedAt == firedAt }) { continue }
                    if let resolvedAt = previous.resolvedAt, firedAt - resolvedAt <= policy.reopenWithin {
                        let action = previous.on(.alertFiring(attached))
                        try await perform(action, on: previous, at: firedAt, events: &events)
                        continue
                    }
                }
                // Another firing of the key may have opened an incident while the store was read.
                if var incident = active[canonical] {
                    let action = incident.on(.alertFiring(attached))
                    try await perform(action, on: incident, at: firedAt, events: &events)
                    continue
                }
                nextID += 1
                let incident = Incident(id: nextID, key: key, alert: attached)
                try await perform(.announce(.opened), on: incident, at: firedAt, events: &events)
                logger.info("incident opened", metadata: ["incident": "\(incident.id)", "key": "\(canonical)"])
            } else if alert.phase == .inactive, let resolvedAt = alert.resolvedAt, var incident = active[canonical],
                      incident.alerts.contains(where: { $0.labels == labels && $0.firedAt == firedAt }) {
                let action = incident.on(.alertResolved(labels: labels, at: resolvedAt))
                try await perform(action, on: incident, at: resolvedAt, events: &events)
            }
        }
        for id in active.values.map(\.id).sorted() {
            for alert in cached(id: id)?.alerts ?? [] where alert.isFiring && !listed.contains(alert.labels) {
                guard var incident = cached(id: id) else { break }
                let action = incident.on(.alertResolved(labels: alert.labels, at: time))
                try await perform(action, on: incident, at: time, events: &events)
            }
        }
        return events
    }

    /// Whether some incident still needs its impact analysed (an open one, or one resolved since
    /// the last analysis): when not, `analyze` would do nothing, and its analyzer need not be built.
    public func needsAnalysis() async -> Bool {
        do {
            try await load()
        } catch {
            return true
        }
        return !toAnalyse.isEmpty
    }

    /// Computes the impact (start, recovery, peak burn rate, budget consumed) of every SLO
    /// incident that is unresolved or resolved since the last call, up to `time`, from the
    /// samples in `reader`. Incidents whose SLO is gone or cannot be evaluated keep what they had.
    public func analyze(at time: Int64, analyzer: ImpactAnalyzer, reader: some SampleReader) async {
        do {
            try await load()
        } catch {
            logger.error("cannot load incidents", metadata: ["error": "\(error.message)"])
            return
        }
        for id in toAnalyse.sorted() {
            var found = cached(id: id)
            if found == nil { found = try? await store.incident(id: id) }
            guard let incident = found else {
                toAnalyse.remove(id)
                continue
            }
            if incident.status == .resolved { toAnalyse.remove(id) }
            guard let slo = incident.slo else { continue }
            var groupLabels = incident.keyLabels
            groupLabels["sloth_id"] = nil
            let impact: IncidentImpact
            do {
                impact = try await analyzer.impact(
                    slo: slo, groupLabels: groupLabels, severity: incident.severity, detectedAt: incident.detectedAt,
                    until: incident.resolvedAt.map { max($0, time) } ?? time, reader: reader)
            } catch {
                logger.warning("cannot compute incident impact", metadata: ["incident": "\(id)", "error": "\(error.message)"])
                continue
            }
            // The incident may have changed while the samples were read (an acknowledgement):
            // apply the impact to its latest state.
            guard var current = cached(id: id) ?? (incident.status == .resolved ? incident : nil) else { continue }
            current.impactStartedAt = impact.startedAt
            current.recoveredAt = impact.recoveredAt
            current.peakBurnRate = impact.peakBurnRate
            current.budgetConsumed = impact.budgetConsumed
            guard current != cached(id: id) else { continue }
            do {
                try await save(current, reanalyse: false)
            } catch {
                logger.error("cannot save incident impact", metadata: ["incident": "\(id)", "error": "\(error.message)"])
            }
        }
    }

    /// Acknowledges incident `id` for `by` at `time`.
    public func acknowledge(id: Int64, by: String, at time: Int64) async throws(IncidentError) -> Incident {
        try await request(id, .acknowledge(by: try Self.person(by), at: time), at: time)
    }

    /// Resolves incident `id` by hand.
    public func resolve(id: Int64, by: String, at time: Int64) async throws(IncidentError) -> Incident {
        try await request(id, .resolve(by: try Self.person(by), at: time), at: time)
    }

    /// Adds a note to incident `id`.
    public func addNote(id: Int64, author: String, text: String, at time: Int64) async throws(IncidentError) -> Incident {
        guard !text.trimmingWhitespace.isEmpty else { throw IncidentError(.badInput, "the note of incident \(id) is empty") }
        return try await request(id, .note(author: try Self.person(author), text: text, at: time), at: time)
    }

    /// Flags incident `id` (maintenance or test: left out of the statistics), or clears its flag.
    public func flag(id: Int64, as flag: IncidentFlag?, by: String, at time: Int64) async throws(IncidentError) -> Incident {
        try await request(id, .flag(flag, by: try Self.person(by), at: time), at: time)
    }

    /// The incident with `id`, if any.
    public func incident(id: Int64) async throws(IncidentError) -> Incident? {
        do {
            return try await store.incident(id: id)
        } catch {
            throw IncidentError(.storage, error.message)
        }
    }

    /// The incidents `filter` matches, newest first.
    public func incidents(_ filter: IncidentFilter = IncidentFilter()) async throws(IncidentError) -> [Incident] {
        do {
            return try await store.incidents(filter)
        } catch {
            throw IncidentError(.storage, error.message)
        }
    }

    /// The unresolved incidents, oldest first.
    public func unresolved() async throws(IncidentError) -> [Incident] {
        try await load()
        return active.values.sorted { $0.id < $1.id }
    }

    private func request(_ id: Int64, _ input: IncidentInput, at time: Int64) async throws(IncidentError) -> Incident {
        try await load()
        var found = cached(id: id)
        if found == nil { found = try await self.incident(id: id) }
        // Changes applied to the newest copy, after any suspension.
        if let newer = cached(id: id) { found = newer }
        guard var incident = found else {
            throw IncidentError(.notFound, "no incident with id \(id)")
        }
        var events: [IncidentEvent] = []
        let action = incident.on(input)
        try await perform(action, on: incident, at: time, events: &events)
        return incident
    }

    /// Performs a lifecycle action: saves, sends, refuses.
    private func perform(_ action: IncidentAction, on incident: Incident, at time: Int64, events: inout [IncidentEvent]) async throws(IncidentError) {
        switch action {
        case .none:
            return
        case .refuse(let reason):
            throw IncidentError(.conflict, reason)
        case .save:
            try await save(incident)
        case .announce(let kind):
            try await save(incident)
            let event = IncidentEvent(kind: kind, time: time, incident: incident)
            events.append(event)
            await sink?.send(event)
        }
    }

    /// Saves `incident` and keeps the caches in step; a resolved incident is analysed once more
    /// unless `reanalyse` is false (the analysis itself saving it).
    private func save(_ incident: Incident, reanalyse: Bool = true) async throws(IncidentError) {
        // The caches first, so that whatever runs while the store writes sees this version.
        latest[incident.key] = incident
        if incident.status == .resolved {
            if active[incident.key]?.id == incident.id { active[incident.key] = nil }
            if reanalyse { toAnalyse.insert(incident.id) }
        } else {
            active[incident.key] = incident
            toAnalyse.insert(incident.id)
        }
        do {
            try await store.save(incident)
        } catch {
            throw IncidentError(.storage, error.message)
        }
    }

    /// The newest copy of incident `id` the caches hold.
    private func cached(id: Int64) -> Incident? {
        active.values.first { $0.id == id } ?? latest.values.lazy.compactMap { $0 }.first { $0.id == id }
    }

    private func latestIncident(_ key: String) async throws(IncidentError) -> Incident? {
        if let known = latest[key] { return known }
        do {
            let found = try await store.incidents(IncidentFilter(key: key, limit: 1)).first
            latest[key] = .some(found)
            return found
        } catch {
            throw IncidentError(.storage, error.message)
        }
    }

    private func load() async throws(IncidentError) {
        guard !loaded else { return }
        do {
            nextID = try await store.largestID()
            for incident in try await store.incidents(IncidentFilter(statuses: [.open, .acknowledged])) {
                active[incident.key] = incident
                latest[incident.key] = incident
                toAnalyse.insert(incident.id)
            }
        } catch {
            throw IncidentError(.storage, error.message)
        }
        loaded = true
    }

    private static func person(_ name: String) throws(IncidentError) -> String {
        let trimmed = name.trimmingWhitespace
        guard !trimmed.isEmpty else { throw IncidentError(.badInput, "say who: the name is empty") }
        return trimmed
    }

    private static func dictionary(_ labels: Labels) -> [String: String] {
        var result: [String: String] = [:]
        for label in labels where label.name != Label.metricName { result[label.name] = label.value }
        return result
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
