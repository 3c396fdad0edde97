/// The slots of the series each set of matchers selected (in the order the store gives them:
/// sorted by label set), kept until a series that could change the answer comes or goes: rules
/// ask the same selections at every evaluation, and selecting through the postings costs far
/// more than a lookup.
///
/// Selections that name their metric (`__name__="x"`) are kept per metric and forgotten only
/// when a series of that metric is added, so the alerts that appear now and then (new `ALERTS`
/// series) do not cost every other rule its selections; the others are forgotten whenever any
/// series is added. Retention forgets everything.
///
/// Rules pass the same matchers array (held by their prepared query) at every evaluation, so each
/// selection is also found by the address of the array's storage, which spares hashing its
/// strings; the entry keeps the array alive, so no other array can have that address while it is
/// held, and a hit is confirmed by equality (immediate for the same storage). Those entries are
/// dropped whenever any selection is forgotten, or when there are `limit` of them (equal arrays
/// built afresh for each API query each add one), and come back from the next lookups.
struct SelectionCache: Sendable {
    private var byMetric: [String: [[SeriesMatcher]: [Int32]]] = [:]
    private var unnamed: [[SeriesMatcher]: [Int32]] = [:]
    private var byStorage: [Int: (matchers: [SeriesMatcher], slots: [Int32])] = [:]
    private var count = 0

    /// At most this many selections are kept; beyond, the cache starts afresh.
    static let limit = 65_536

    /// The metric a selection is limited to, if it names one by equality.
    private static func metric(of matchers: [SeriesMatcher]) -> String? {
        matchers.first { $0.name == Label.metricName && $0.op == .equal }?.value
    }

    /// The address of the storage of `matchers`.
    private static func storage(of matchers: [SeriesMatcher]) -> Int {
        matchers.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
    }

    /// The slots `matchers` selected when last asked, if nothing changed the answer since.
    mutating func slots(matching matchers: [SeriesMatcher]) -> [Int32]? {
        let address = Self.storage(of: matchers)
        if let held = byStorage[address], held.matchers == matchers { return held.slots }
        let found: [Int32]?
        if let metric = Self.metric(of: matchers) {
            found = byMetric[metric]?[matchers]
        } else {
            found = unnamed[matchers]
        }
        if let found { remember(found, matching: matchers, at: address) }
        return found
    }

    /// Keeps the slots `matchers` selected.
    mutating func keep(_ slots: [Int32], matching matchers: [SeriesMatcher]) {
        if count >= Self.limit { removeAll() }
        count += 1
        if let metric = Self.metric(of: matchers) {
            byMetric[metric, default: [:]][matchers] = slots
        } else {
            unnamed[matchers] = slots
        }
        remember(slots, matching: matchers, at: Self.storage(of: matchers))
    }

    /// Keeps a selection by the address of its matchers' storage.
    private mutating func remember(_ slots: [Int32], matching matchers: [SeriesMatcher], at address: Int) {
        if byStorage.count >= Self.limit { byStorage = [:] }
        byStorage[address] = (matchers, slots)
    }

    /// Forgets what a new series of metric `name` (or without a name) may change.
    mutating func forget(seriesNamed name: String?) {
        if let name, let removed = byMetric.removeValue(forKey: name) { count -= removed.count }
        count -= unnamed.count
        unnamed = [:]
        if !byStorage.isEmpty { byStorage = [:] }
    }

    /// The selections held by the address of their matchers' storage (for tests).
    var storageEntries: Int { byStorage.count }

    /// Forgets every selection.
    mutating func removeAll() {
        byMetric = [:]
        unnamed = [:]
        byStorage = [:]
        count = 0
    }
}
