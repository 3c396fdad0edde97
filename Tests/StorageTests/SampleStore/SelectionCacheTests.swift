@testable import Storage
import Testing

/// Selections are remembered until a series that could change them is added or removed.
@Suite struct SelectionCacheTests {
    static let named = [SeriesMatcher.metricName("requests_total"), .equal("job", "api")]
    static let unnamed = [SeriesMatcher.equal("job", "api")]

    @Test func aNewSeriesForgetsOnlyTheSelectionsItJoins() throws {
        var cache = SelectionCache()
        let other = [SeriesMatcher.equal("job", "web")]
        let open = [try SeriesMatcher("job", .regexMatch, "a.*")]
        cache.keep([1, 2], matching: Self.named)
        cache.keep([1, 2, 3], matching: Self.unnamed)
        cache.keep([4], matching: other)
        cache.keep([1, 2, 3], matching: open)
        #expect(cache.slots(matching: Self.named) == [1, 2])
        #expect(cache.slots(matching: Self.unnamed) == [1, 2, 3])
        // A series of another metric and job: every selection stands.
        cache.forget(seriesWith: ["__name__": "ALERTS", "job": "db"])
        #expect(cache.slots(matching: Self.named) == [1, 2])
        #expect(cache.slots(matching: Self.unnamed) == [1, 2, 3])
        #expect(cache.slots(matching: other) == [4])
        #expect(cache.slots(matching: open) == [1, 2, 3])
        // Another metric of job "api": the unnamed selections it matches may have changed.
        cache.forget(seriesWith: ["__name__": "ALERTS", "job": "api"])
        #expect(cache.slots(matching: Self.named) == [1, 2])
        #expect(cache.slots(matching: Self.unnamed) == nil)
        #expect(cache.slots(matching: open) == nil)
        #expect(cache.slots(matching: other) == [4])
        // A series of the metric but of another job: the named selection stands too.
        cache.forget(seriesWith: ["__name__": "requests_total", "job": "db"])
        #expect(cache.slots(matching: Self.named) == [1, 2])
        cache.forget(seriesWith: ["__name__": "requests_total", "job": "api", "code": "500"])
        #expect(cache.slots(matching: Self.named) == nil)
        #expect(cache.slots(matching: other) == [4])
        // Kept again, and forgotten again by a series without a name.
        cache.keep([5], matching: Self.unnamed)
        #expect(cache.slots(matching: Self.unnamed) == [5])
        cache.forget(seriesWith: ["job": "api"])
        #expect(cache.slots(matching: Self.unnamed) == nil)
        #expect(cache.slots(matching: other) == [4])
    }

    @Test func aSelectionIsFoundByItsArrayAndByAnEqualOne() {
        var cache = SelectionCache()
        let held = [SeriesMatcher.metricName("requests_total"), .equal("job", "api")]
        cache.keep([4, 7], matching: held)
        // The same array (found by its storage), and an equal array built afresh (by hashing).
        #expect(cache.slots(matching: held) == [4, 7])
        let equal = [SeriesMatcher.metricName("requests_total")] + [.equal("job", "api")]
        #expect(cache.slots(matching: equal) == [4, 7])
        #expect(cache.slots(matching: [.metricName("requests_total"), .equal("job", "web")]) == nil)
        // Forgotten whichever way it was found.
        cache.forget(seriesWith: ["__name__": "requests_total", "job": "api"])
        #expect(cache.slots(matching: held) == nil)
        #expect(cache.slots(matching: equal) == nil)
        // Equal arrays built afresh at every lookup (as for API queries) are each remembered by
        // their storage, up to the limit; the selection stands.
        cache.keep([9], matching: [.metricName("x"), .equal("job", "api")])
        var found = 0
        var alive: [[SeriesMatcher]] = []
        for _ in 0..<(SelectionCache.limit + 10) {
            // Kept alive here, so each has storage of its own.
            alive.append([SeriesMatcher.metricName("x")] + [.equal("job", "api")])
            if cache.slots(matching: alive[alive.count - 1]) == [9] { found += 1 }
        }
        #expect(found == SelectionCache.limit + 10)
        #expect(cache.storageEntries <= SelectionCache.limit)
        // Many arrays: each found for its own contents only.
        for value in 0..<200 {
            let matchers = [SeriesMatcher.metricName("m"), .equal("i", String(value))]
            #expect(cache.slots(matching: matchers) == nil, "\(value)")
            cache.keep([Int32(value)], matching: matchers)
            #expect(cache.slots(matching: matchers) == [Int32(value)])
        }
    }

    @Test func aSelectionFiledUnderAMetricOnlyIsForgottenByTheSeriesItMatches() throws {
        var cache = SelectionCache()
        let byName = [SeriesMatcher.metricName("latency"), try SeriesMatcher("le", .regexMatch, "0.5|1")]
        cache.keep([3], matching: byName)
        cache.forget(seriesWith: ["__name__": "latency", "le": "2"])
        #expect(cache.slots(matching: byName) == [3])
        cache.forget(seriesWith: ["__name__": "latency", "le": "1"])
        #expect(cache.slots(matching: byName) == nil)
        // More selections under one label than are checked: a new series there forgets them all.
        let many = (0...SelectionCache.checkedPerLabel).map { [SeriesMatcher.equal("job", "api"), .equal("i", String($0))] }
        for (index, matchers) in many.enumerated() { cache.keep([Int32(index)], matching: matchers) }
        cache.forget(seriesWith: ["job": "db"])
        #expect(cache.slots(matching: many[0]) == [0])
        cache.forget(seriesWith: ["job": "api", "i": "none"])
        #expect(many.allSatisfy { cache.slots(matching: $0) == nil })
    }

    @Test func theStoreSelectsNewSeriesOfEveryKind() async throws {
        let store = try await StoreFixture().open()
        let sample = [ChunkSample(t: 1_000, v: 1)]
        try await store.append(["__name__": "requests_total", "job": "api", "code": "200"], sample)
        try await store.append(["__name__": "latency", "job": "api"], sample)
        let select = { (matchers: [SeriesMatcher]) in
            try await store.select(matchers: matchers, start: 0, end: 10_000).map { $0.labels["__name__"] ?? "" }
        }
        #expect(try await select(Self.named) == ["requests_total"])
        #expect(try await select(Self.unnamed) == ["latency", "requests_total"])
        // Selected again after new series of each metric, and of another one.
        try await store.append(["__name__": "requests_total", "job": "api", "code": "500"], sample)
        try await store.append(["__name__": "queue", "job": "api"], sample)
        #expect(try await select(Self.named) == ["requests_total", "requests_total"])
        #expect(try await select(Self.unnamed) == ["latency", "queue", "requests_total", "requests_total"])
        // Retention removes series.
        try await store.append(["__name__": "requests_total", "job": "api", "code": "200"], [ChunkSample(t: 20_000, v: 2)])
        _ = try await store.deleteBefore(15_000)
        #expect(try await store.select(matchers: Self.named, start: .min, end: .max).count == 1)
    }
}
