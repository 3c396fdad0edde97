internal import Rules

/// An SLO as `GET /api/v1/rules` lists it: its definition, whatever format it came from.
struct SLODocument: Encodable, Sendable {
    let id: String
    let name: String
    let service: String
    let description: String
    let objective: Double
    let labels: [String: String]
    let sli: SLIDocument
    let period: PeriodDocument
    let budgetingMethod: String
    let groupBy: [String]
    let minEvents: Double?
    let alerting: AlertingDocument
    let file: String
    let format: String

    struct SLIDocument: Encodable, Sendable {
        let kind: String
        let queries: [String: String]
    }

    struct PeriodDocument: Encodable, Sendable {
        let kind: String
        let duration: Double?
        let calendar: String?
        let timeZone: String?
    }

    struct AlertingDocument: Encodable, Sendable {
        let name: String?
        let page: Bool
        let ticket: Bool
        let noDataAfter: Double?
    }

    init(_ slo: SLO) {
        id = slo.id
        name = slo.name
        service = slo.service
        description = slo.description
        objective = slo.objective
        labels = slo.labels
        groupBy = slo.groupBy
        minEvents = slo.minEvents
        file = slo.location.file
        format = slo.format.rawValue
        switch slo.indicator {
        case .events(let errors, let total):
            sli = SLIDocument(kind: "events", queries: ["errors": errors.text, "total": total.text])
        case .goodTotal(let good, let total):
            sli = SLIDocument(kind: "good_total", queries: ["good": good.text, "total": total.text])
        case .raw(let ratio):
            sli = SLIDocument(kind: "raw", queries: ["error_ratio": ratio.text])
        case .latency(let latency):
            sli = SLIDocument(kind: "latency", queries: [
                "metric": latency.metric, "matchers": latency.matchers, "threshold": "\(latency.threshold)",
            ])
        case .gauge(let good):
            sli = SLIDocument(kind: "gauge", queries: ["good": good.text])
        case .threshold(let query, let op, let value):
            sli = SLIDocument(kind: "threshold", queries: ["query": query.text, "op": op.rawValue, "value": "\(value)"])
        case .plugin(let id, _):
            sli = SLIDocument(kind: "plugin", queries: ["id": id])
        }
        switch slo.period {
        case .rolling(let duration):
            period = PeriodDocument(kind: "rolling", duration: duration.seconds, calendar: nil, timeZone: nil)
        case .calendar(let unit, let timeZone):
            period = PeriodDocument(kind: "calendar", duration: nil, calendar: unit.rawValue, timeZone: timeZone)
        }
        switch slo.budgeting {
        case .occurrences: budgetingMethod = "occurrences"
        case .timeslices: budgetingMethod = "timeslices"
        case .ratioTimeslices: budgetingMethod = "ratio_timeslices"
        }
        alerting = AlertingDocument(
            name: slo.alerting.name, page: slo.alerting.page != nil, ticket: slo.alerting.ticket != nil,
            noDataAfter: slo.alerting.noDataAfter?.seconds)
    }
}
