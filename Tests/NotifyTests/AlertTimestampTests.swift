import Notify
import Testing

/// Alert times: printed as Go prints them, and far-future milliseconds saturating rather than
/// overflowing nanoseconds.
@Suite struct AlertTimestampTests {
    @Test func printsAsGoRFC3339Nano() {
        #expect(AlertTimestamp(nanoseconds: 1_795_929_839_120_000_000).description == "2026-11-29T05:23:59.12Z")
        #expect(AlertTimestamp(nanoseconds: 1_795_929_839_000_000_001).description == "2026-11-29T05:23:59.000000001Z")
        #expect(AlertTimestamp(nanoseconds: 0).description == "1970-01-01T00:00:00Z")
        #expect(AlertTimestamp(nanoseconds: -1).description == "1969-12-31T23:59:59.999999999Z")
    }

    @Test func millisecondsBeyondTheYear2262Saturate() {
        #expect(AlertTimestamp.milliseconds(1_795_929_839_120).nanoseconds == 1_795_929_839_120_000_000)
        #expect(AlertTimestamp.milliseconds(.max / 2).nanoseconds == .max)
        #expect(AlertTimestamp.milliseconds(.min / 2).nanoseconds == .min)
        #expect(AlertTimestamp.milliseconds(-1).milliseconds == -1)
    }
}
