import Foundation
import Alerting
import Logging
import PromQL
import Rules
import Storage
import Testing

@Suite struct GroupScheduleTests {
    @Test func slotsAreAlignedToTheIntervalPlusTheGroupOffset() {
        let schedule = GroupSchedule(key: "rules/a.yml;gpu", interval: 60_000)
        #expect((0..<60_000).contains(schedule.offset))
        let slot = schedule.slot(atOrBefore: 1_000_000_000_123)
        #expect(slot <= 1_000_000_000_123 && slot > 1_000_000_000_123 - 60_000)
        #expect((slot - schedule.offset) % 60_000 == 0)
        #expect(schedule.slot(atOrBefore: slot) == slot)
        #expect(schedule.slot(after: slot) == slot + 60_000)
        #expect(schedule.slot(after: slot - 1) == slot)
        // Before the epoch, too.
        let early = schedule.slot(atOrBefore: -1)
        #expect(early <= -1 && early > -60_001 && (early - schedule.offset) % 60_000 == 0)
    }

    @Test func groupsSpreadOverTheInterval() {
        let offsets = Set((0..<50).map { GroupSchedule(key: "f.yml;group\($0)", interval: 60_000).offset })
        #expect(offsets.count > 40)
    }
}

@Suite struct RuleSchedulerTests {
    static let location = SourceLocation(file: "test.yml", line: 1, column: 1)

    static func ruleSet(for holdFor: Duration = .seconds(120), threshold: Double = 0.5, extraGroup: Bool = false) -> RuleSet {
        var groups = [
            RuleGroup(
                name: "serving", interval: .seconds(60),
                rules: [
                    .recording(RecordingRule(record: "job:errors:ratio", expr: "sum by (job) (errors) / sum by (job) (requests)", location: location)),
                    .alerting(AlertingRule(
                        alert: "HighErrorRatio", expr: "job:errors:ratio > \(threshold)", for: holdFor,
                        labels: ["severity": "page"], annotations: ["summary": "{{ $labels.job }} at {{ $value }}"], location: location)),
                ],
                file: "test.yml", location: location),
        ]
        if extraGroup {
            groups.append(RuleGroup(
                name: "other", interval: .seconds(30),
                rules: [.recording(RecordingRule(record: "one", expr: "vector(1)", location: location))],
                file: "test.yml", location: location))
        }
        return RuleSet(groups: groups)
    }

    static func store(errors: Double = 3, requests: Double = 4) async -> MemorySampleReader {
        let store = MemorySampleReader()
        let samples = { (value: Double) in (0...200).map { ChunkSample(t: Int64($0) * 15_000, v: value) } }
        await store.add(["__name__": "errors", "job": "vllm"], samples(errors))
        await store.add(["__name__": "requests", "job": "vllm"], samples(requests))
        return store
    }

    static func scheduler(store: MemorySampleReader, states: MemoryAlertStateStore, offset: Duration = .zero) -> RuleScheduler {
        RuleScheduler(store: store, stateStore: states, settings: .init(queryOffset: offset), logger: Logger(label: "test"))
    }

    @Test func groupsRunAtTheirSlotsAndAlertsFireAfterTheirHoldDuration() async throws {
        let store = await Self.store()
        let scheduler = Self.scheduler(store: store, states: MemoryAlertStateStore())
        await scheduler.apply(Self.ruleSet())
        let schedule = GroupSchedule(key: "test.yml;serving", interval: 60_000)
        let first = schedule.slot(after: 100_000)

        // Nothing is due before the first slot.
        #expect(await scheduler.tick(now: 100_000) == first)
        #expect(await scheduler.status()[0].lastEvaluation == nil)

        let versionBefore = await scheduler.alertsVersion
        #expect(await scheduler.tick(now: first) == first + 60_000)
        #expect(await scheduler.alertsVersion > versionBefore, "an alert became pending")
        var status = await scheduler.status()[0]
        #expect(status.lastEvaluation == first)
        #expect(status.rules.map(\.health) == [.ok, .ok])
        #expect(status.rules[1].state == .pending)
        #expect(await scheduler.activeAlerts().first?.annotations["summary"] == "vllm at 0.75")

        let versionPending = await scheduler.alertsVersion
        await scheduler.tick(now: first + 60_000)
        #expect(await scheduler.status()[0].rules[1].state == .pending)
        #expect(await scheduler.alertsVersion == versionPending, "still pending, since the same time")
        await scheduler.tick(now: first + 120_000)
        status = await scheduler.status()[0]
        #expect(status.rules[1].state == .firing)
        #expect(status.rules[1].alerts.first?.activeAt == first)
        // Only the rule that holds alerts, with the same alerts as its status.
        let ruleAlerts = await scheduler.ruleAlerts()
        #expect(ruleAlerts.count == 1)
        #expect(ruleAlerts.first?.rule.name == status.rules[1].rule.name)
        #expect(ruleAlerts.first?.alerts.map(\.labels) == status.rules[1].alerts.map(\.labels))
        #expect(ruleAlerts.first?.alerts.map(\.phase) == [.firing])

        // The recorded series is stored and readable.
        let value = try await Engine().instantQuery(try Parser.parse("job:errors:ratio"), at: first + 120_000, reader: store)
        guard case .vector(let samples) = value else { Issue.record("expected a vector"); return }
        #expect(samples.map(\.v) == [0.75])
    }

    @Test func theOutputOfEveryTickIsCommittedBeforeTheTickReturns() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("burnrate-scheduler-\(UUID().uuidString).sqlite").path
        let logger = Logger(label: "test")
        let store = try await SampleStore.open(database: try BurnrateDatabase.open(path: path, logger: logger), logger: logger)
        var batch = AppendBatch()
        batch.append(["__name__": "errors", "job": "vllm"], (0...200).map { ChunkSample(t: Int64($0) * 15_000, v: 3) })
        batch.append(["__name__": "requests", "job": "vllm"], (0...200).map { ChunkSample(t: Int64($0) * 15_000, v: 4) })
        _ = try await store.append(batch)
        let scheduler = RuleScheduler(store: store, stateStore: MemoryAlertStateStore(), logger: logger)
        await scheduler.apply(Self.ruleSet())
        let first = GroupSchedule(key: "test.yml;serving", interval: 60_000).slot(after: 0)
        await scheduler.tick(now: 0)
        for step in 0..<4 {
            let slot = first + Int64(step) * 60_000
            await scheduler.tick(now: slot)
            // What a process opening the database now (after a SIGKILL) reads: every tick's output.
            let reopened = try await SampleStore.open(database: try BurnrateDatabase.open(path: path, logger: logger), logger: logger)
            let recorded = try await reopened.select(matchers: [.metricName("job:errors:ratio")], start: .min, end: .max)
            #expect(recorded.first?.samples.map(\.t) == (0...step).map { first + Int64($0) * 60_000 }, "tick \(step)")
            let alerts = try await reopened.select(matchers: [.metricName("ALERTS")], start: .min, end: .max)
            // One sample per tick: pending, then firing (the pending series ends with a stale marker).
            #expect(alerts.reduce(0) { $0 + $1.samples.filter { !$0.isStaleMarker }.count } == step + 1, "tick \(step)")
        }
    }

    @Test func aLateTickEvaluatesOnceAtTheLatestSlot() async {
        let store = await Self.store()
        let scheduler = Self.scheduler(store: store, states: MemoryAlertStateStore())
        await scheduler.apply(Self.ruleSet())
        let schedule = GroupSchedule(key: "test.yml;serving", interval: 60_000)
        let first = schedule.slot(after: 0)
        await scheduler.tick(now: 0)
        #expect(await scheduler.tick(now: first + 185_000) == first + 240_000)
        #expect(await scheduler.status()[0].lastEvaluation == first + 180_000)
        #expect(await scheduler.missedEvaluations()["test.yml;serving"] == 3)
    }

    @Test func manyGroupsEachRunAtEverySlotOfTheirOwnAndNoOther() async throws {
        // 40 groups of three intervals spread over their intervals; the caller wakes up when told.
        let intervals: [Int64] = [10_000, 15_000, 60_000]
        let groups = (0..<40).map { index in
            RuleGroup(
                name: "g\(index)", interval: .milliseconds(intervals[index % 3]),
                rules: [.recording(RecordingRule(record: "g\(index)_evaluated", expr: "vector(1)", location: Self.location))],
                file: "many.yml", location: Self.location)
        }
        let store = MemorySampleReader()
        let scheduler = Self.scheduler(store: store, states: MemoryAlertStateStore())
        await scheduler.apply(RuleSet(groups: groups))
        let start: Int64 = 1_000_000
        let end = start + 180_000
        var now = await scheduler.tick(now: start)
        var wakeUps = 0
        var seen: [String: [Int64]] = [:]
        while now <= end {
            let next = await scheduler.tick(now: now)
            #expect(next > now)
            for status in await scheduler.status() where status.lastEvaluation == now {
                seen[status.group.name, default: []].append(now)
            }
            wakeUps += 1
            now = next
        }
        for (index, group) in groups.enumerated() {
            let schedule = GroupSchedule(key: "many.yml;\(group.name)", interval: intervals[index % 3])
            var expected: [Int64] = []
            var slot = schedule.slot(after: start)
            while slot <= end {
                expected.append(slot)
                slot += schedule.interval
            }
            #expect(seen[group.name] ?? [] == expected, "\(group.name)")
        }
        // Each wake-up found at least one group due: none was wasted.
        #expect(wakeUps == Set(seen.values.joined()).count)
    }

    @Test func theQueryOffsetEvaluatesInThePast() async throws {
        // The errors appear only from t = 1,000,000 on: evaluating 10 minutes behind still sees none.
        let store = MemorySampleReader()
        await store.add(["__name__": "errors", "job": "vllm"], (0...100).map { ChunkSample(t: 1_000_000 + Int64($0) * 15_000, v: 3) })
        await store.add(["__name__": "requests", "job": "vllm"], (0...100).map { ChunkSample(t: 1_000_000 + Int64($0) * 15_000, v: 4) })
        let schedule = GroupSchedule(key: "test.yml;serving", interval: 60_000)
        let slot = schedule.slot(after: 1_000_000)

        let delayed = Self.scheduler(store: store, states: MemoryAlertStateStore(), offset: .seconds(600))
        await delayed.apply(Self.ruleSet(for: .zero))
        await delayed.tick(now: 0)
        await delayed.tick(now: slot)
        #expect(await delayed.activeAlerts().isEmpty)

        let prompt = Self.scheduler(store: store, states: MemoryAlertStateStore())
        await prompt.apply(Self.ruleSet(for: .zero))
        await prompt.tick(now: 0)
        await prompt.tick(now: slot)
        #expect(await prompt.activeAlerts().map(\.phase) == [.firing])
    }

    @Test func alertStateSurvivesARestart() async throws {
        let store = await Self.store()
        let states = MemoryAlertStateStore()
        let schedule = GroupSchedule(key: "test.yml;serving", interval: 60_000)
        let first = schedule.slot(after: 0)
        let before = Self.scheduler(store: store, states: states)
        await before.apply(Self.ruleSet())
        await before.tick(now: 0)
        for step in 0...2 { await before.tick(now: first + Int64(step) * 60_000) }
        #expect(await before.activeAlerts().map(\.phase) == [.firing])
        let saved = await states.load()["test.yml;serving"]
        #expect(saved?.map(\.phase) == [.firing])
        #expect(saved?.first?.activeAt == first)

        // A new process: the alert is firing before its first evaluation, and stays firing
        // (not pending again) with its original activeAt afterwards.
        let after = Self.scheduler(store: store, states: states)
        await after.apply(Self.ruleSet())
        #expect(await after.activeAlerts().map(\.phase) == [.firing])
        await after.tick(now: first + 10 * 60_000)
        await after.tick(now: first + 11 * 60_000)
        let alert = try #require(await after.activeAlerts().first)
        #expect(alert.phase == .firing)
        #expect(alert.activeAt == first)
        #expect(alert.firedAt == first + 120_000)
    }

    @Test func unchangedStateIsNotSavedAgain() async {
        let store = await Self.store()
        let states = MemoryAlertStateStore()
        let scheduler = Self.scheduler(store: store, states: states)
        await scheduler.apply(Self.ruleSet(for: .zero))
        let first = GroupSchedule(key: "test.yml;serving", interval: 60_000).slot(after: 0)
        await scheduler.tick(now: 0)
        await scheduler.tick(now: first)
        let afterFirst = await states.saves
        #expect(afterFirst == 1)
        await scheduler.tick(now: first + 60_000)
        await scheduler.tick(now: first + 120_000)
        #expect(await states.saves == afterFirst)
    }

    @Test func aNewValueAloneIsNotSavedButATransitionIs() async throws {
        // The error ratio grows at every scrape: the firing alert's value changes at every evaluation.
        let store = MemorySampleReader()
        await store.add(["__name__": "errors", "job": "vllm"], (0...200).map { ChunkSample(t: Int64($0) * 15_000, v: 2.5 + Double($0) / 100) })
        await store.add(["__name__": "requests", "job": "vllm"], (0...200).map { ChunkSample(t: Int64($0) * 15_000, v: 4) })
        let states = MemoryAlertStateStore()
        let scheduler = Self.scheduler(store: store, states: states)
        await scheduler.apply(Self.ruleSet(for: .zero))
        let first = GroupSchedule(key: "test.yml;serving", interval: 60_000).slot(after: 0)
        await scheduler.tick(now: 0)
        await scheduler.tick(now: first)
        #expect(await states.saves == 1)
        let saved = try #require(await states.load()["test.yml;serving"]?.first)
        await scheduler.tick(now: first + 60_000)
        await scheduler.tick(now: first + 120_000)
        let now = try #require(await scheduler.activeAlerts().first)
        #expect(now.value != saved.value)
        #expect(await states.saves == 1)
        #expect(await states.load()["test.yml;serving"]?.first?.value == saved.value)
        // Resolved (the threshold is out of reach): a transition, saved.
        await scheduler.apply(Self.ruleSet(for: .zero, threshold: 10))
        await scheduler.tick(now: first + 180_000)
        #expect(await states.saves == 2)
        #expect(await states.load()["test.yml;serving"]?.first?.phase == .inactive)
    }

    @Test func theAlertStateOfTheGroupsOfATickIsSavedAtOnce() async {
        let groups = ["a", "b", "c"].map { name in
            RuleGroup(
                name: name, interval: .seconds(60),
                rules: [.alerting(AlertingRule(alert: "Always\(name)", expr: "vector(1)", location: Self.location))],
                file: "test.yml", location: Self.location)
        }
        let states = MemoryAlertStateStore()
        let scheduler = Self.scheduler(store: await Self.store(), states: states)
        await scheduler.apply(RuleSet(groups: groups))
        await scheduler.tick(now: 0)
        // Every group's first slot has passed: all three are due in this wake-up.
        await scheduler.tick(now: 60_000)
        #expect(await states.saveCalls == 1)
        #expect(await states.saves == 3)
        #expect(await states.load().keys.sorted() == ["test.yml;a", "test.yml;b", "test.yml;c"])
        // Removing two groups forgets theirs in one save too.
        await scheduler.apply(RuleSet(groups: [groups[0]]))
        #expect(await states.saveCalls == 2)
        #expect(await states.load().keys.sorted() == ["test.yml;a"])
    }

    @Test func aReloadKeepsAlertsOfMatchingRulesAndForgetsRemovedGroups() async throws {
        let store = await Self.store()
        let states = MemoryAlertStateStore()
        let scheduler = Self.scheduler(store: store, states: states)
        await scheduler.apply(Self.ruleSet(for: .seconds(600), extraGroup: true))
        let first = GroupSchedule(key: "test.yml;serving", interval: 60_000).slot(after: 0)
        await scheduler.tick(now: 0)
        await scheduler.tick(now: first)
        #expect(await scheduler.activeAlerts().map(\.phase) == [.pending])

        // `for` shortened to 1m: the pending alert keeps its activeAt and fires at the next slot.
        await scheduler.apply(Self.ruleSet(for: .seconds(60)))
        #expect(await scheduler.status().count == 1)
        await scheduler.tick(now: first + 60_000)
        let alert = try #require(await scheduler.activeAlerts().first)
        #expect(alert.phase == .firing)
        #expect(alert.activeAt == first)
        #expect(await states.load().keys.sorted() == ["test.yml;serving"])

        // A changed threshold that no longer matches resolves it at the next evaluation.
        await scheduler.apply(Self.ruleSet(for: .seconds(60), threshold: 0.9))
        await scheduler.tick(now: first + 120_000)
        #expect(await scheduler.activeAlerts().isEmpty)
        #expect(await scheduler.status()[0].rules[1].alerts.map(\.phase) == [.inactive])
    }

    @Test func failingRulesReportTheirError() async {
        let store = await Self.store()
        let scheduler = Self.scheduler(store: store, states: MemoryAlertStateStore())
        let group = RuleGroup(
            name: "bad", interval: .seconds(60),
            rules: [.recording(RecordingRule(record: "dup", expr: "{__name__=~\"errors|requests\"}", location: Self.location))],
            file: "test.yml", location: Self.location)
        await scheduler.apply(RuleSet(groups: [group]))
        let first = GroupSchedule(key: "test.yml;bad", interval: 60_000).slot(after: 0)
        await scheduler.tick(now: 0)
        await scheduler.tick(now: first)
        let rule = await scheduler.status()[0].rules[0]
        #expect(rule.health == .err)
        #expect(rule.lastError?.contains("same labelset") == true)
    }
}

@Suite struct SQLiteAlertStateStoreTests {
    @Test func roundTripsEveryField() async throws {
        let store = SQLiteAlertStateStore(database: try BurnrateDatabase.inMemory())
        let firing = PersistedAlert(
            rule: "HighErrorRatio", ruleIndex: 1, labels: ["alertname": "HighErrorRatio", "job": "vllm"], phase: .firing,
            activeAt: 1_000, firedAt: 61_000, keepFiringSince: 90_000, value: 0.75, annotations: ["summary": "vllm at 75%"])
        let resolved = PersistedAlert(
            rule: "HighErrorRatio", ruleIndex: 1, labels: ["alertname": "HighErrorRatio", "job": "triton"], phase: .inactive,
            activeAt: -5_000, firedAt: nil, resolvedAt: 2_000, value: .nan, annotations: [:])
        try await store.save(groupKey: "a.yml;serving", alerts: [firing, resolved])
        try await store.save(groupKey: "a.yml;other", alerts: [firing])
        var loaded = try await store.load()
        #expect(loaded["a.yml;serving"]?.count == 2)
        let back = try #require(loaded["a.yml;serving"]?.first { $0.labels["job"] == "triton" })
        #expect(back.value.isNaN)
        #expect(back.resolvedAt == 2_000 && back.firedAt == nil && back.activeAt == -5_000 && back.phase == .inactive)
        #expect(loaded["a.yml;serving"]?.first { $0.labels["job"] == "vllm" } == firing)

        // A save replaces the group's rows; an empty save removes the group.
        try await store.save(groupKey: "a.yml;serving", alerts: [resolved])
        try await store.save(groupKey: "a.yml;other", alerts: [])
        loaded = try await store.load()
        #expect(loaded.keys.sorted() == ["a.yml;serving"])
        #expect(loaded["a.yml;serving"]?.count == 1)

        // Several groups in one save: each replaced, emptied or added.
        try await store.save(["a.yml;serving": [], "a.yml;other": [firing, resolved], "b.yml;new": [resolved]])
        loaded = try await store.load()
        #expect(loaded.keys.sorted() == ["a.yml;other", "b.yml;new"])
        #expect(loaded["a.yml;other"]?.count == 2)
        #expect(loaded["b.yml;new"]?.map(\.labels) == [resolved.labels])
    }
}
