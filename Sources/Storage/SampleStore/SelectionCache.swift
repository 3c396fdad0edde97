/// The slots of the series each set of matchers selected (in the order the store gives them:
/// sorted by label set), kept until a series that could change the answer comes or goes: rules
/// ask the same selections at every evaluation, and selecting through the postings costs far
/// more than a lookup.
///
/// A new series forgets only the selections it joins, those whose every matcher its labels
/// satisfy: the series an SLO's rules record as they start, or the alerts that appear now and
/// then (new `ALERTS` series), cost no other rule its selection. To find them, selections are
/// filed under a label they require (the first equality matcher with a value, one other than
/// `__name__` if there is one), so a new series is checked against those filed under one of
/// its labels, and against the few that require none. Retention forgets everything.
///
/// Rules pass the same matchers array (held by their prepared query) at every evaluation, so each
/// selection is also found by the address of the array's storage, which spares hashing its
/// strings; the entry keeps the array alive, so no other array can have that address while it is
/// held, and a hit is confirmed by equality (immediate for the same storage). A selection
/// forgotten is marked so, and the entry by address of that storage is then passed over. At
/// most `limit` entries by address are kept (equal arrays built afresh for each API query each
/// add one); beyond, they start afresh and come back from the next lookups.
struct SelectionCache: Sendable {
    /// One selection kept, shared by the entries that find it (by contents and by the address of
    /// the matchers' storage), so that forgetting it through one is seen through the other.
    /// Changed only by the cache's owner (the store actor), under its isolation.
    private final class Selection: @unchecked Sendable {
        let matchers: [SeriesMatcher]
        let slots: [Int32]
        var forgotten = false

        init(_ matchers: [SeriesMatcher], _ slots: [Int32]) {
            self.matchers = matchers
            self.slots = slots
        }
    }

    /// Every selection kept, by its matchers.
    private var selections: [[SeriesMatcher]: Selection] = [:]
    /// The selections by the label they require (`requiredLabel`)…
    private var byLabel: [Label: Set<[SeriesMatcher]>] = [:]
    /// …and those requiring none, checked against every new series.
    private var open: Set<[SeriesMatcher]> = []
    /// The selections by the address of their matchers' storage.
    private var byStorage: [Int: Selection] = [:]
    /// Lookups answered (by the matchers' storage or contents) and not answered, since created.
    private(set) var answered = 0
    private(set) var missed = 0

    /// At most this many selections are kept; beyond, the cache starts afresh.
    static let limit = 65_536
    /// A new series joining a label with more selections than this forgets them all unchecked.
    static let checkedPerLabel = 1_024

    /// A label every series `matchers` select has: that of the first equality matcher with a
    /// value, preferring one other than `__name__` (fewer selections share it).
    private static func requiredLabel(_ matchers: [SeriesMatcher]) -> Label? {
        let required = matchers.filter { $0.op == .equal && !$0.value.isEmpty }
        return (required.first { $0.name != Label.metricName } ?? required.first).map { Label(name: $0.name, value: $0.value) }
    }

    /// The address of the storage of `matchers`.
    private static func storage(of matchers: [SeriesMatcher]) -> Int {
        matchers.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
    }

    /// The slots `matchers` selected when last asked, if nothing changed the answer since.
    mutating func slots(matching matchers: [SeriesMatcher]) -> [Int32]? {
        let address = Self.storage(of: matchers)
        if let held = byStorage[address], !held.forgotten, held.matchers == matchers {
            answered += 1
            return held.slots
        }
        guard let found = selections[matchers] else {
            missed += 1
            return nil
        }
        answered += 1
        remember(found, at: address)
        return found.slots
    }

    /// Keeps the slots `matchers` selected.
    mutating func keep(_ slots: [Int32], matching matchers: [SeriesMatcher]) {
        if selections.count >= Self.limit { removeAll() }
        let selection = Selection(matchers, slots)
        if let replaced = selections.updateValue(selection, forKey: matchers) {
            replaced.forgotten = true
        } else if let label = Self.requiredLabel(matchers) {
            byLabel[label, default: []].insert(matchers)
        } else {
            open.insert(matchers)
        }
        remember(selection, at: Self.storage(of: matchers))
    }

    /// Keeps a selection by the address of its matchers' storage.
    private mutating func remember(_ selection: Selection, at address: Int) {
        if byStorage.count >= Self.limit && byStorage[address] == nil { byStorage = [:] }
        byStorage[address] = selection
    }

    /// Forgets the selections a new series with `labels` joins.
    mutating func forget(seriesWith labels: Labels) {
        guard !selections.isEmpty else { return }
        var joined: [[SeriesMatcher]] = []
        for label in labels {
            guard let filed = byLabel[label] else { continue }
            if filed.count > Self.checkedPerLabel {
                joined += filed
            } else {
                for matchers in filed where matchers.allSatisfy({ $0.matches(labels) }) { joined.append(matchers) }
            }
        }
        for matchers in open where matchers.allSatisfy({ $0.matches(labels) }) {
            joined.append(matchers)
        }
        for matchers in joined {
            selections.removeValue(forKey: matchers)?.forgotten = true
            if let label = Self.requiredLabel(matchers) {
                byLabel[label]?.remove(matchers)
                if byLabel[label]?.isEmpty == true { byLabel[label] = nil }
            } else {
                open.remove(matchers)
            }
        }
    }

    /// The selections held by the address of their matchers' storage, forgotten or not (for tests).
    var storageEntries: Int { byStorage.count }

    /// Forgets every selection.
    mutating func removeAll() {
        selections = [:]
        byLabel = [:]
        open = []
        byStorage = [:]
    }
}
