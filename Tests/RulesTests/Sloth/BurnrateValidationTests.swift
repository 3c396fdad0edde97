@testable import Rules
import Testing

/// One test per class of problem in Burnrate's additions, each at its exact position.
struct BurnrateValidationTests {
    @Test(arguments: ["30 days", "1.5d", "-7d", "7"])
    func invalidPeriodDuration(period: String) {
        let result = SlothTestSupport.load(BurnrateFormatTests.spec(extra: "period: \(period)"))
        expectSlothError(result, at: "spec.yml:6:13", #"field "period": "\#(period)" is not a duration"#)
    }

    @Test func zeroPeriod() {
        let result = SlothTestSupport.load(BurnrateFormatTests.spec(extra: "period: 0"))
        expectSlothError(result, at: "spec.yml:6:13", #"field "period" must be longer than 0"#)
    }

    @Test func unknownTimeZone() {
        let result = SlothTestSupport.load(BurnrateFormatTests.spec(extra: "period: {calendar: month, time_zone: Europe/Berln}"))
        expectSlothError(result, at: "spec.yml:6:42", #"SLO "availability" period: unknown time zone "Europe/Berln": use an IANA name such as Europe/Berlin or UTC (did you mean "Europe/Berlin"?)"#)
        #expect(result.ruleSet.slos.first?.period == .default)
    }

    @Test func unknownCalendarUnit() {
        let result = SlothTestSupport.load(BurnrateFormatTests.spec(extra: "period: {calendar: months}"))
        expectSlothError(result, at: "spec.yml:6:24", #"unknown calendar unit "months": expected one of day, week, month, quarter, year (did you mean "month"?)"#)
    }

    @Test(arguments: ["0", "-0.5"])
    func latencyThresholdMustBePositive(threshold: String) {
        let result = SlothTestSupport.load("""
        version: "burnrate/v1"
        service: "inference"
        slos:
          - name: "ttft"
            objective: 99
            sli:
              latency:
                metric: vllm:time_to_first_token_seconds
                threshold: \(threshold)
            alerting:
              name: SlowFirstToken
        """)
        expectSlothError(result, at: "spec.yml:9:20", "sli.latency: threshold must be a number of seconds greater than 0, got \(threshold)")
    }

    @Test func latencyMetricIsTheHistogramBaseName() {
        let result = SlothTestSupport.load("""
        version: "burnrate/v1"
        service: "inference"
        slos:
          - name: "ttft"
            objective: 99
            sli:
              latency:
                metric: vllm:time_to_first_token_seconds_bucket
                threshold: 0.5
            alerting:
              name: SlowFirstToken
        """)
        expectSlothError(result, at: "spec.yml:8:17", #"metric must be the histogram's base name, without _bucket: "vllm:time_to_first_token_seconds""#)
    }

    @Test func windowProblems() {
        let result = SlothTestSupport.load("""
        version: "burnrate/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              raw:
                error_ratio_query: sum(rate(errors_total[{{.window}}]))
            alerting:
              name: HighErrorRate
              windows:
                - {severity: page, short: 1h, long: 1h, factor: 14.4}
                - {severity: page, short: 5m, long: 1h, factor: 0}
                - {severity: ticket, short: 5m, long: 1h, factor: -1}
                - {severity: ticket, short: 5m, long: 1h, factor: 2, budget_percent: 5}
                - {severity: ticket, short: 5m, long: 1h}
                - {severity: ticket, short: 5m, long: 1h, budget_percent: 150}
                - {severity: warn, short: 5m, long: 1h, factor: 1}
                - {severity: ticket, short: 5m, long: 40d, factor: 1}
        """)
        expectSlothError(result, at: "spec.yml:12:35", "alerting.windows[0]: short window 1h must be shorter than the long window 1h")
        expectSlothError(result, at: "spec.yml:13:57", "alerting.windows[1]: factor must be greater than 0, got 0")
        expectSlothError(result, at: "spec.yml:14:59", "alerting.windows[2]: factor must be greater than 0, got -1")
        expectSlothError(result, at: "spec.yml:15:78", "alerting.windows[3]: give either factor or budget_percent, not both")
        expectSlothError(result, at: "spec.yml:16:11", "alerting.windows[4]: give factor (a burn rate such as 14.4) or budget_percent")
        expectSlothError(result, at: "spec.yml:17:67", "alerting.windows[5]: budget_percent must be greater than 0 and at most 100, got 150")
        expectSlothError(result, at: "spec.yml:18:22", #"alerting.windows[6]: unknown severity "warn": expected page or ticket"#)
        expectSlothError(result, at: "spec.yml:19:47", "alerting.windows[7]: long window 40d is longer than the SLO period (30d)")
        #expect(result.errors.count == 8, "\(SlothTestSupport.listing(result))")
    }

    @Test func enabledAlertNeedsAWindow() {
        let result = SlothTestSupport.load("""
        version: "burnrate/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              raw:
                error_ratio_query: sum(rate(errors_total[{{.window}}]))
            alerting:
              name: HighErrorRate
              windows:
                - {severity: page, short: 5m, long: 1h, factor: 14.4}
        """)
        expectSlothError(result, at: "spec.yml:12:9", "windows has no ticket window while the ticket alert is enabled")
    }

    @Test func minEventsNeedsAnEventCount() {
        let result = SlothTestSupport.load("""
        version: "burnrate/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            min_events: 50
            sli:
              raw:
                error_ratio_query: sum(rate(errors_total[{{.window}}]))
            alerting:
              name: HighErrorRate
        """)
        expectSlothError(result, at: "spec.yml:6:17", "min_events needs an SLI that counts events (events or latency); a raw SLI has no event count")
    }

    @Test func groupByLabelNames() {
        let result = SlothTestSupport.load(BurnrateFormatTests.spec(extra: "group_by: [model_name, model-name, model_name]"))
        expectSlothError(result, at: "spec.yml:6:28", #"invalid label name "model-name" in group_by"#)
        expectSlothError(result, at: "spec.yml:6:40", #"label "model_name" appears twice in group_by"#)
    }

    @Test func budgetingProblems() {
        let plain = SlothTestSupport.load(BurnrateFormatTests.spec(extra: "budgeting_method: timeslices"))
        expectSlothError(plain, at: "spec.yml:6:23", "budgeting_method: timeslices needs a window")
        let unknown = SlothTestSupport.load(BurnrateFormatTests.spec(extra: "budgeting_method: ocurrences"))
        expectSlothError(unknown, at: "spec.yml:6:23", #"unknown budgeting method "ocurrences": expected occurrences, timeslices, ratio_timeslices (did you mean "occurrences"?)"#)
        let target = SlothTestSupport.load(BurnrateFormatTests.spec(extra: "budgeting_method: {method: timeslices, target: 0, window: 31d}"))
        expectSlothError(target, at: "spec.yml:6:52", "target must be greater than 0 and at most 100")
        expectSlothError(target, at: "spec.yml:6:63", "window 31d must be shorter than the SLO period (30d)")
    }

    @Test func unknownFieldSuggestsBurnrateFields() {
        let result = SlothTestSupport.load(BurnrateFormatTests.spec(extra: "group-by: [model_name]"))
        expectSlothError(result, at: "spec.yml:6:5", #"unknown field "group-by" (did you mean "group_by"?)"#)
    }

    @Test func noDataNeedsADuration() {
        let result = SlothTestSupport.load("""
        version: "burnrate/v1"
        service: "svc"
        slos:
          - name: "availability"
            objective: 99.9
            sli:
              gauge:
                good_query: up{job="api"}
            alerting:
              name: ApiDown
              no_data: {for: ten minutes}
        """)
        expectSlothError(result, at: "spec.yml:11:22", #"field "for": "ten minutes" is not a duration"#)
    }
}
