/// The multi-window burn-rate conditions for one SLO period: Sloth's `AlertWindows` catalog.
///
/// Each window spends a share of the period's error budget (`errorBudgetPercent`) within its long
/// window; the burn-rate factor follows from that share, the period and the long window. Sloth
/// embeds catalogs for 30 and 28 days (`google30d`, `google28d`) and reads others from
/// `kind: AlertWindows` files.
public struct AlertWindowCatalog: Sendable, Hashable {
    /// The SLO period the catalog is for, e.g. 30 days.
    public var period: Duration
    /// The fast-burn page condition (Google: 2% of the budget in 1h, checked over 5m).
    public var pageQuick: AlertWindow
    /// The slower page condition (Google: 5% in 6h, checked over 30m).
    public var pageSlow: AlertWindow
    /// The fast ticket condition (Google: 10% in 1d, checked over 2h).
    public var ticketQuick: AlertWindow
    /// The slow ticket condition (Google: 10% in 3d, checked over 6h).
    public var ticketSlow: AlertWindow
    /// Where the catalog was read from; nil for a built-in one.
    public var location: SourceLocation?

    /// Creates a catalog from its four windows.
    public init(
        period: Duration, pageQuick: AlertWindow, pageSlow: AlertWindow,
        ticketQuick: AlertWindow, ticketSlow: AlertWindow, location: SourceLocation? = nil
    ) {
        self.period = period
        self.pageQuick = pageQuick
        self.pageSlow = pageSlow
        self.ticketQuick = ticketQuick
        self.ticketSlow = ticketSlow
        self.location = location
    }

    /// The four windows: page quick, page slow, ticket quick, ticket slow.
    public var windows: [AlertWindow] { [pageQuick, pageSlow, ticketQuick, ticketSlow] }

    /// True when both catalogs hold the same period and windows, wherever they were read.
    public func hasSameWindows(as other: AlertWindowCatalog) -> Bool {
        period == other.period && windows == other.windows
    }

    /// The window that spends `budgetPercent` of the period's error budget within `long`.
    public static func window(
        severity: AlertSeverity, budgetPercent: Double, short: Duration, long: Duration, period: Duration
    ) -> AlertWindow {
        AlertWindow(severity: severity, short: short, long: long,
                    factor: factor(budgetPercent: budgetPercent, period: period, long: long))
    }

    /// The burn-rate factor that spends `budgetPercent` of the budget of `period` within `long`,
    /// computed in Sloth's order (`percent × periodHours / 100 / longHours`) so results match its
    /// generated rules bit for bit: 2% of 30 days in 1h is 14.4.
    public static func factor(budgetPercent: Double, period: Duration, long: Duration) -> Double {
        budgetPercent * hours(period) / 100 / hours(long)
    }

    /// A duration in hours, as Go's `time.Duration.Hours()` gives it.
    public static func hours(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return (Double(seconds) + Double(attoseconds) / 1e18) / 3600
    }

    /// The Google SRE workbook windows for a period: 2%/5m/1h, 5%/30m/6h, 10%/2h/1d, 10%/6h/3d.
    public static func google(period: Duration) -> AlertWindowCatalog {
        let hour = Duration.seconds(3600)
        return AlertWindowCatalog(
            period: period,
            pageQuick: window(severity: .page, budgetPercent: 2, short: .seconds(300), long: hour, period: period),
            pageSlow: window(severity: .page, budgetPercent: 5, short: .seconds(1800), long: hour * 6, period: period),
            ticketQuick: window(severity: .ticket, budgetPercent: 10, short: hour * 2, long: hour * 24, period: period),
            ticketSlow: window(severity: .ticket, budgetPercent: 10, short: hour * 6, long: hour * 72, period: period)
        )
    }

    /// Sloth's built-in catalog for 30 days: factors 14.4, 6, 3 and 1.
    public static let google30d = google(period: .seconds(30 * 24 * 3600))

    /// Sloth's built-in catalog for 28 days: factors 13.44, 5.6, 2.8 and 0.9333….
    public static let google28d = google(period: .seconds(28 * 24 * 3600))

    /// The catalogs Sloth embeds, used when no `AlertWindows` file gives the period.
    public static let builtIn: [AlertWindowCatalog] = [google30d, google28d]

    /// The built-in catalog for `period`, if Sloth embeds one.
    public static func builtIn(for period: Duration) -> AlertWindowCatalog? {
        builtIn.first { $0.period == period }
    }
}
