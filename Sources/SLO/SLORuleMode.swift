/// How the SLI ratio over the whole SLO period (`slo:sli_error:ratio_rate30d`) is computed.
public enum SLORuleMode: String, Sendable, Hashable, CaseIterable {
    /// As Sloth v0.16 writes it: the mean of the period's 5-minute ratios
    /// (`sum_over_time(ratio_rate5m[30d]) / count_over_time(ratio_rate5m[30d])`). Every 5-minute
    /// ratio weighs the same, whatever its traffic, so a quiet night counts as much as a busy day.
    case sloth
    /// Burnrate's own: the SLI itself over the whole period (errors over the period divided by
    /// all events over the period), the exact traffic-weighted ratio. Every other rule is as in
    /// `.sloth`.
    case exactPeriod
}
