import Storage
import Testing

/// The calendar arithmetic shared by PromQL's date functions, the API's RFC 3339 times and the
/// webhook payload's times, against dates checked by hand.
@Suite struct CivilDateTests {
    @Test(arguments: [
        (Int64(0), Int64(1970), Int64(1), Int64(1)),
        (-1, 1969, 12, 31),
        (11_016, 2000, 2, 29),   // a leap day of a year divisible by 400
        (11_017, 2000, 3, 1),
        (20_786, 2026, 11, 29),
        (47_541, 2100, 3, 1),    // 2100 is not a leap year: 28 February is followed by 1 March
        (-719_162, 1, 1, 1),
        (-719_163, 0, 12, 31),
    ])
    func datesFromDays(days: Int64, year: Int64, month: Int64, day: Int64) {
        let date = CivilDate(daysSinceEpoch: days)
        #expect(date.year == year && date.month == month && date.day == day, "\(days): \(date)")
    }

    @Test func monthLengthsAndDaysOfYear() {
        #expect(CivilDate(daysSinceEpoch: 11_016).daysInMonth == 29)
        #expect(CivilDate(daysSinceEpoch: 47_540).daysInMonth == 28)   // 2100-02-28
        #expect(CivilDate(daysSinceEpoch: 47_540).isLeapYear == false)
        #expect(CivilDate(daysSinceEpoch: 11_016).dayOfYear == 60)
        #expect(CivilDate(daysSinceEpoch: 20_786).dayOfYear == 333)
    }

    @Test func negativeTimesFallOnTheDayBefore() {
        #expect(CivilDate.split(seconds: -1) == (-1, 86_399))
        #expect(CivilDate.split(seconds: 86_400) == (1, 0))
        #expect(CivilDate.dateTime(seconds: -1) == "1969-12-31T23:59:59")
        #expect(CivilDate.dateTime(seconds: 1_795_929_839) == "2026-11-29T05:23:59")
    }
}
