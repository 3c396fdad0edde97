import TestSupport

/// Synthetic counters for the metrics Sloth's example SLOs read, following burn profiles: every
/// run of a profile draws new traffic, and its bad events are the run's burn rate times the error
/// budget (±20%). Two instances; `instance="b"` restarts at the profile's reset step. Series the
/// SLOs must not read (another job, `WATCH` requests, another bucket) carry bad events too.
enum SyntheticCounters {
    /// `http_request_duration_seconds_count{job, instance, code}`, as `in-base.yaml` and
    /// `getting-started.yml` read it: codes 200 and 404 are good, 429, 500 and 503 bad.
    static func httpRequests(_ profile: BurnProfile, budget: Double, random: inout SplitMix64) -> [CounterSeries] {
        let metric = "http_request_duration_seconds_count"
        var result: [CounterSeries] = []
        for instance in ["a", "b"] {
            result += requests(metric, labels: #"job="myservice", instance="\#(instance)""#, profile, budget: budget,
                               restarts: instance == "b", random: &random)
        }
        // Another job, failing half its requests: the SLOs' selectors must leave it out.
        var other = [CounterSeries(series: #"\#(metric){job="other", code="200"}"#), CounterSeries(series: #"\#(metric){job="other", code="500"}"#)]
        for run in profile.runs {
            let total = Int.random(in: 100...200, using: &random)
            other[0].rise(by: total / 2, steps: run.steps)
            other[1].rise(by: total - total / 2, steps: run.steps)
        }
        return result + other
    }

    /// `apiserver_request_total{instance, code}` following `availability`, and
    /// `apiserver_request_duration_seconds_count` and `_bucket{le="0.4"}` / `{le="1"}` per `verb`
    /// following `latency` (a slow request is over 0.4s; `WATCH` requests are all slow), as
    /// `kubernetes-apiserver.yml` reads them.
    static func apiserver(
        availability: BurnProfile, availabilityBudget: Double, latency: BurnProfile, latencyBudget: Double, random: inout SplitMix64
    ) -> [CounterSeries] {
        var result: [CounterSeries] = []
        for instance in ["a", "b"] {
            result += requests("apiserver_request_total", labels: #"instance="\#(instance)""#, availability, budget: availabilityBudget,
                               restarts: instance == "b", random: &random)
        }
        let metric = "apiserver_request_duration_seconds"
        for instance in ["a", "b"] {
            for verb in ["GET", "LIST", "WATCH"] {
                let labels = #"instance="\#(instance)", verb="\#(verb)""#
                var count = CounterSeries(series: "\(metric)_count{\(labels)}", start: 10)
                var fast = CounterSeries(series: #"\#(metric)_bucket{\#(labels), le="0.4"}"#, start: verb == "WATCH" ? 0 : 8)
                var second = CounterSeries(series: #"\#(metric)_bucket{\#(labels), le="1"}"#, start: verb == "WATCH" ? 0 : 9)
                for run in latency.runs {
                    if instance == "b", run.start == latency.resetStep {
                        count.reset()
                        fast.reset()
                        second.reset()
                    }
                    let total = verb == "WATCH" ? Int.random(in: 50...100, using: &random) : Int.random(in: 500...1500, using: &random)
                    let slow = verb == "WATCH" ? total : bad(total, run.burn, latencyBudget, random: &random)
                    count.rise(by: total, steps: run.steps)
                    fast.rise(by: total - slow, steps: run.steps)
                    second.rise(by: verb == "WATCH" ? 0 : total - slow / 3, steps: run.steps)
                }
                result += [count, fast, second]
            }
        }
        return result
    }

    /// One counter per code for one instance: 200 and 404 good, 429, 500 and 503 bad.
    private static func requests(
        _ metric: String, labels: String, _ profile: BurnProfile, budget: Double, restarts: Bool, random: inout SplitMix64
    ) -> [CounterSeries] {
        let codes = ["200", "404", "429", "500", "503"]
        var counters = codes.map { CounterSeries(series: #"\#(metric){\#(labels), code="\#($0)"}"#, start: Int.random(in: 0...1000, using: &random)) }
        for run in profile.runs {
            if restarts, run.start == profile.resetStep {
                for index in counters.indices { counters[index].reset() }
            }
            let total = Int.random(in: 1500...3000, using: &random)
            let errors = bad(total, run.burn, budget, random: &random)
            let tooMany = Int.random(in: 0...errors, using: &random)
            let unavailable = Int.random(in: 0...(errors - tooMany), using: &random)
            let notFound = Int.random(in: 0...10, using: &random)
            let increments = [total - errors - notFound, notFound, tooMany, errors - tooMany - unavailable, unavailable]
            for index in counters.indices { counters[index].rise(by: increments[index], steps: run.steps) }
        }
        return counters
    }

    /// Bad events among `total` at `burn` times `budget`, ±20%, at most `total`.
    private static func bad(_ total: Int, _ burn: Double, _ budget: Double, random: inout SplitMix64) -> Int {
        min(total, Int((Double(total) * burn * budget * Double.random(in: 0.8...1.2, using: &random)).rounded()))
    }
}
