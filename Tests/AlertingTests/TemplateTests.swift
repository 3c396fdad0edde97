import Alerting
import Testing

@Suite struct TemplateTests {
    func render(_ text: String, value: Double, labels: [String: String] = ["job": "api"]) -> String {
        AlertTemplate.render(text, TemplateData(labels: labels, value: value, externalLabels: ["region": "eu"]))
    }

    @Test func variablesAndFields() {
        #expect(render("{{ $labels.job }} {{ $externalLabels.region }} {{ .Labels.job }} {{ $labels.missing }}.", value: 1) == "api eu api .")
    }

    // Each expectation was printed by promtool 2.42.
    @Test(arguments: [
        (0.0, "0", "0", "0%", "0s"),
        (0.001234, "0.001234", "1.234m", "0.1234%", "1.234ms"),
        (1234567.5, "1.2345675e+06", "1.235M", "1.235e+08%", "14d 6h 56m 7s"),
        (0.0000123, "1.23e-05", "12.3u", "0.00123%", "12.3us"),
        (-3.5, "-3.5", "-3.5", "-350%", "-3.5s"),
        (262861.5, "262861.5", "262.9k", "2.629e+07%", "3d 1h 1m 1s"),
        (999999.0, "999999", "1000k", "1e+08%", "11d 13h 46m 39s"),
        (1e21, "1e+21", "1Z", "1e+23%", "-106751991167300d -15h -30m -8s"),
        (60.0, "60", "60", "6000%", "1m 0s"),
        (Double.nan, "NaN", "NaN", "NaN%", "NaN"),
        (Double.infinity, "+Inf", "+Inf", "+Inf%", "+Inf"),
    ])
    func valueAndHumanize(value: Double, plain: String, humanized: String, percentage: String, duration: String) {
        #expect(render("{{ $value }}", value: value) == plain)
        #expect(render("{{ $value | humanize }}", value: value) == humanized)
        #expect(render("{{ humanizePercentage $value }}", value: value) == percentage)
        #expect(render("{{ $value | humanizeDuration }}", value: value) == duration)
    }

    @Test func printf() {
        #expect(render(#"{{ printf "%.2f" $value }}"#, value: 4) == "4.00")
        #expect(render(#"{{ printf "%.2f" $value }}"#, value: 0) == "0.00")
        #expect(render(#"{{ printf "%v|%s|%d" $value $labels.job 3 }}"#, value: 1234567.5) == "1.2345675e+06|api|3")
    }

    @Test func errorsAreRenderedAsPrometheusDoes() {
        #expect(render("{{ nosuch $value }}", value: 1).hasPrefix("<error expanding template: "))
    }

    @Test func trimMarkers() {
        #expect(render("a  {{- $labels.job -}}  b", value: 1) == "aapib")
    }
}
