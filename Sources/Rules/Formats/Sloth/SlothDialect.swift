/// The variant of the Sloth-shaped spec being read: its key spelling and whether Burnrate's
/// `burnrate/v1` additions are allowed. One reader (`SlothSpecReader`) serves all of them.
struct SlothDialect: Sendable {
    /// The format recorded on the SLOs read.
    var format: SourceFormat
    /// How the document is named in messages.
    var name: String
    /// `error_query` or `errorQuery`.
    var errorQuery: String
    /// `total_query` or `totalQuery`.
    var totalQuery: String
    /// `error_ratio_query` or `errorRatioQuery`.
    var errorRatioQuery: String
    /// `page_alert` or `pageAlert`.
    var pageAlert: String
    /// `ticket_alert` or `ticketAlert`.
    var ticketAlert: String
    /// `slo_plugins` or `sloPlugins`.
    var sloPlugins: String
    /// True for `burnrate/v1`: `period`, `budgeting_method`, `latency`, `gauge`, `group_by`,
    /// `min_events`, `alerting.no_data` and `alerting.windows` are read.
    var burnrateExtensions: Bool

    /// Sloth `version: prometheus/v1` (snake_case keys).
    static let prometheusV1 = SlothDialect(
        format: .sloth, name: "Sloth prometheus/v1",
        errorQuery: "error_query", totalQuery: "total_query", errorRatioQuery: "error_ratio_query",
        pageAlert: "page_alert", ticketAlert: "ticket_alert", sloPlugins: "slo_plugins",
        burnrateExtensions: false
    )

    /// Sloth's Kubernetes `PrometheusServiceLevel` spec (camelCase keys).
    static let kubernetes = SlothDialect(
        format: .slothKubernetes, name: "Sloth PrometheusServiceLevel",
        errorQuery: "errorQuery", totalQuery: "totalQuery", errorRatioQuery: "errorRatioQuery",
        pageAlert: "pageAlert", ticketAlert: "ticketAlert", sloPlugins: "sloPlugins",
        burnrateExtensions: false
    )

    /// Burnrate's `version: burnrate/v1`: prometheus/v1 plus Burnrate's fields.
    static let burnrateV1 = SlothDialect(
        format: .burnrate, name: "burnrate/v1",
        errorQuery: "error_query", totalQuery: "total_query", errorRatioQuery: "error_ratio_query",
        pageAlert: "page_alert", ticketAlert: "ticket_alert", sloPlugins: "slo_plugins",
        burnrateExtensions: true
    )
}
