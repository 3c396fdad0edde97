import RemoteWriteWorkload

/// The SLO comparison's history as remote-write bodies, in the order `slo-post` sends them: for
/// each batch of series (`batchSeries`, whole SLOs), bodies of `batchScrapes` consecutive scrapes
/// per series, oldest first. Bodies are built one at a time, as they are needed.
struct SLOHistoryBodies: IteratorProtocol {
    /// The counter samples and the recorded ratio samples of the last body.
    private(set) var lastRecorded = 0

    private let workload: SLOWorkload
    private let recordedLabels: [[(name: String, value: String)]]
    private let batchScrapes: Int
    private let slosPerBody: Int
    private let encoder = SeriesBatchEncoder()
    private var firstSLO = 0
    private var start = 0
    private var traffics: [SLOTraffic] = []
    private var entries: [SeriesBatchEncoder.Entry] = []

    /// Bodies of `workload`'s history; with `recordedLabels` (one per SLO), Sloth's recorded ratio
    /// series at every rule interval too.
    init(workload: SLOWorkload, recordedLabels: [[(name: String, value: String)]], batchSeries: Int, batchScrapes: Int) {
        self.workload = workload
        self.recordedLabels = recordedLabels
        self.batchScrapes = max(1, batchScrapes)
        slosPerBody = max(1, batchSeries / workload.seriesPerSLO)
    }

    mutating func next() -> RemoteWriteBody? {
        if start >= workload.scrapes {
            firstSLO += slosPerBody
            start = 0
            traffics = []
        }
        guard firstSLO < workload.slos else { return nil }
        let recorded = !recordedLabels.isEmpty
        let perSLO = workload.seriesPerSLO + (recorded ? 1 : 0)
        if traffics.isEmpty {
            let group = firstSLO..<min(workload.slos, firstSLO + slosPerBody)
            traffics = group.map { SLOTraffic(workload: workload, slo: $0) }
            entries = []
            for slo in group {
                for code in workload.codes.indices { entries.append(.init(labels: workload.labels(slo: slo, code: code))) }
                if recorded { entries.append(.init(labels: recordedLabels[slo])) }
            }
        }
        for index in entries.indices {
            entries[index].timestamps.removeAll(keepingCapacity: true)
            entries[index].values.removeAll(keepingCapacity: true)
        }
        lastRecorded = 0
        for scrape in start..<min(workload.scrapes, start + batchScrapes) {
            let timestamp = workload.timestamp(scrape)
            for position in traffics.indices {
                traffics[position].advance()
                for code in workload.codes.indices {
                    entries[position * perSLO + code].timestamps.append(timestamp)
                    entries[position * perSLO + code].values.append(traffics[position].values[code])
                }
                if recorded, workload.isRuleTick(scrape), let ratio = traffics[position].shortWindowRatio() {
                    entries[position * perSLO + workload.seriesPerSLO].timestamps.append(timestamp)
                    entries[position * perSLO + workload.seriesPerSLO].values.append(ratio)
                    lastRecorded += 1
                }
            }
        }
        start += batchScrapes
        return encoder.body(entries)
    }
}
