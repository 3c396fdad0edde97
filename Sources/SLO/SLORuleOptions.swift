/// Settings of an `SLORuleGenerator` that do not come from the SLO itself: the options Sloth takes
/// on its command line.
public struct SLORuleOptions: Sendable, Hashable {
    /// How the period-window ratio is computed.
    public var mode: SLORuleMode
    /// Labels added to every recording rule (Sloth's `--extra-labels`); not to the alerts, as in
    /// Sloth. They override the SLO's own labels of the same name; the `sloth_*` labels override both.
    public var extraLabels: [String: String]
    /// The value of `sloth_version` on `sloth_slo_info` (Sloth puts its own version there).
    public var version: String
    /// False drops every alert group, as Sloth's `--disable-alerts` does.
    public var alertsEnabled: Bool

    /// Creates options; the defaults are Sloth's defaults, with Burnrate as the version.
    public init(
        mode: SLORuleMode = .sloth, extraLabels: [String: String] = [:], version: String = "burnrate",
        alertsEnabled: Bool = true
    ) {
        self.mode = mode
        self.extraLabels = extraLabels
        self.version = version
        self.alertsEnabled = alertsEnabled
    }
}
