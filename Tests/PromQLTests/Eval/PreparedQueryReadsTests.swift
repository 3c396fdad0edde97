@testable import PromQL
import Storage
import Testing

/// Which selectors a prepared query reads only for their latest sample (`SampleReader.selectLatest`)
/// and which as all their samples in the window: a selector also read as a range (not from
/// summaries) needs every sample, even where it is an instant selector too.
@Suite struct PreparedQueryReadsTests {
    /// The prepared reads as `name: latestOnly`, by metric name.
    static func reads(_ query: String) throws -> [String: Bool] {
        let prepared = PreparedQuery(try Parser.parse(query))
        var result: [String: Bool] = [:]
        for read in try #require(prepared.reads) {
            let name = read.selector.metricName ?? "?"
            // One read per distinct selector: the same metric twice must agree.
            #expect(result[name] == nil || result[name] == read.latestOnly, "\(query): \(name)")
            result[name] = read.latestOnly
        }
        return result
    }

    @Test func instantSelectorsReadOnlyTheirLatestSample() throws {
        #expect(try Self.reads("x") == ["x": true])
        #expect(try Self.reads("a{sloth_id=\"s\"} / on(sloth_id) group_left b{sloth_id=\"s\"}") == ["a": true, "b": true])
        #expect(try Self.reads("max(a > 0.5) without (w) and max(b offset 5m > 0.5) without (w)") == ["a": true, "b": true])
        #expect(try Self.reads("1 - x") == ["x": true])
    }

    @Test func rangeSelectorsReadEverySample() throws {
        // `max_over_time` at an instant is read from summaries: no sample read at all.
        #expect(try Self.reads("max_over_time(x[5m])") == [:])
        // `quantile_over_time` is not summarisable: every sample of the window.
        #expect(try Self.reads("quantile_over_time(0.5, x[5m])") == ["x": false])
        // The same selector as a range and as an instant selector: one read of every sample.
        #expect(try Self.reads("quantile_over_time(0.5, x[5m]) + x") == ["x": false])
        #expect(try Self.reads("x + quantile_over_time(0.5, x[5m]) + y") == ["x": false, "y": true])
    }
}
