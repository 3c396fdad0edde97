import Foundation
import Rules
import Testing

/// The notification sections of `burnrate.yml`: what is read, and every class of error with its
/// position.
@Suite struct NotificationConfigTests {
    static func problems(_ yaml: String) -> [String] {
        ConfigLoader.parse(yaml, file: "c.yml").diagnostics.map(\.description)
    }

    static let receivers = """
        receivers:
        - name: team-a
          webhook_configs: [{url: 'http://a/'}]
        - name: team-b
          webhook_configs: [{url: 'http://b/'}]

        """

    @Test func readsAnAlertmanagerConfiguration() throws {
        let (config, diagnostics) = ConfigLoader.parse("""
            route:
              receiver: team-a
              group_by: [alertname, cluster]
              group_wait: 10s
              routes:
              - matchers: ['severity=~"critical|page"', 'team = db', '{env!="dev",region!~"eu-.*"}']
                receiver: team-b
                continue: true
                group_interval: 1m
                repeat_interval: 2h
                mute_time_intervals: [nights]
              - match: {service: api}
                match_re: {instance: 'host-.*'}
                receiver: team-b
                group_by: ['...']
                active_time_intervals: [nights]
            receivers:
            - name: team-a
              webhook_configs:
              - url: 'https://hooks.example/a'
                send_resolved: false
                max_alerts: 5
                signing_secret_file: secret.txt
                http_config:
                  bearer_token_file: token.txt
                  tls_config: {ca_file: ca.pem, insecure_skip_verify: true}
            - name: team-b
              webhook_configs:
              - url: 'http://hooks.example/b'
                http_config:
                  basic_auth: {username: u, password_file: pw}
            inhibit_rules:
            - source_matchers: ['severity="critical"']
              target_matchers: ['severity="warning"']
              equal: [cluster]
            - source_match: {severity: page}
              target_match_re: {severity: 'info|warning'}
            time_intervals:
            - name: nights
              time_intervals:
              - times: [{start_time: '20:00', end_time: '24:00'}]
                weekdays: ['monday:friday', saturday]
                days_of_month: ['1:5', '-3:-1']
                months: ['january:march', '12']
                years: ['2024:2030']
                location: Europe/Berlin
            """, file: "c.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let notifications = config.notifications
        let route = try #require(notifications.route)
        #expect(route.receiver == "team-a")
        #expect(route.groupBy == ["alertname", "cluster"])
        #expect(route.groupWait == .seconds(10))
        #expect(route.groupInterval == nil)
        #expect(route.routes.count == 2)
        let first = route.routes[0]
        #expect(first.matchers.map(\.description) == ["env!=\"dev\"", "region!~\"eu-.*\"", "severity=~\"critical|page\"", "team=\"db\""])
        #expect(first.continue)
        #expect(first.groupInterval == .seconds(60))
        #expect(first.repeatInterval == .seconds(7200))
        #expect(first.muteTimeIntervals == ["nights"])
        let second = route.routes[1]
        #expect(second.matchers.map(\.description) == ["instance=~\"host-.*\"", "service=\"api\""])
        #expect(second.groupByAll)
        #expect(second.activeTimeIntervals == ["nights"])
        let webhook = try #require(notifications.receiver(named: "team-a")?.webhookConfigs.first)
        #expect(webhook.url == "https://hooks.example/a")
        #expect(!webhook.sendResolved)
        #expect(webhook.maxAlerts == 5)
        #expect(webhook.signingSecretFile == "secret.txt")
        #expect(webhook.httpConfig.authorization == HTTPClientConfig.Authorization(credentialsFile: "token.txt"))
        #expect(webhook.httpConfig.tls == HTTPClientConfig.TLS(caFile: "ca.pem", insecureSkipVerify: true))
        #expect(notifications.receiver(named: "team-b")?.webhookConfigs.first?.sendResolved == true)
        #expect(notifications.receiver(named: "team-b")?.webhookConfigs.first?.httpConfig.basicAuth == HTTPClientConfig.BasicAuth(username: "u", passwordFile: "pw"))
        #expect(notifications.inhibitRules.count == 2)
        #expect(notifications.inhibitRules[0].equal == ["cluster"])
        #expect(notifications.inhibitRules[1].targetMatchers.map(\.description) == ["severity=~\"info|warning\""])
        let interval = try #require(notifications.timeInterval(named: "nights")?.intervals.first)
        #expect(interval.times == [.init(startMinute: 1200, endMinute: 1440)])
        #expect(interval.weekdays == [.init(1, 5), .init(6, 6)])
        #expect(interval.daysOfMonth == [.init(1, 5), .init(-3, -1)])
        #expect(interval.months == [.init(1, 3), .init(12, 12)])
        #expect(interval.years == [.init(2024, 2030)])
        #expect(interval.location == "Europe/Berlin")
    }

    @Test func filePathsAreRelativeToTheConfigFile() {
        let config = NotificationConfig(route: RouteConfig(receiver: "r"), receivers: [ReceiverConfig(name: "r", webhookConfigs: [
            WebhookConfig(url: "http://x/", httpConfig: HTTPClientConfig(basicAuth: .init(username: "u", passwordFile: "pw")), signingSecretFile: "/abs/secret"),
        ])])
        let resolved = config.resolvingFiles(relativeTo: "/etc/burnrate")
        #expect(resolved.receivers[0].webhookConfigs[0].httpConfig.basicAuth?.passwordFile == "/etc/burnrate/pw")
        #expect(resolved.receivers[0].webhookConfigs[0].signingSecretFile == "/abs/secret")
    }

    @Test func routeErrors() {
        #expect(Self.problems(Self.receivers + """
            route:
              group_by: [alertname, alertname, '1bad']
              matchers: ['a="b"']
              mute_time_intervals: [x]
            """) == [
                "c.yml:7:3: route: the root route must specify a default receiver",
                "c.yml:7:25: route: duplicated label \"alertname\" in group_by",
                "c.yml:7:36: route: invalid label name \"1bad\" in group_by",
                "c.yml:8:3: route: the root route must not have any matchers",
                "c.yml:9:25: route: the root route must not have any mute_time_intervals",
                "c.yml:9:25: route: undefined time interval \"x\" used in route",
            ])
        #expect(Self.problems(Self.receivers + """
            route:
              receiver: team-c
              group_interval: 0s
              repeat_interval: soon
              routes:
              - matchers: ['severity=="x"', 'a="b"c"']
                receiver: team-a
                group_by: ['...', job]
                contineu: true
            """) == [
                "c.yml:7:13: route: undefined receiver \"team-c\" used in route (did you mean \"team-a\"?)",
                "c.yml:8:19: route: group_interval cannot be zero",
                "c.yml:9:20: route: invalid duration for \"repeat_interval\": \"soon\" (use e.g. 30s, 5m, 4h)",
                "c.yml:11:16: route: invalid matcher \"severity==\"x\"\" in matchers: matcher value contains unescaped double quote: =\"x\"",
                "c.yml:11:33: route: invalid matcher \"a=\"b\"c\"\" in matchers: matcher value contains unescaped double quote: b\"c",
                "c.yml:13:16: route: group_by cannot have the wildcard '...' and other labels at the same time",
                "c.yml:14:5: route: unknown field \"contineu\" (did you mean \"continue\"?)",
            ])
    }

    @Test func matcherErrors() {
        #expect(Self.problems(Self.receivers + """
            route:
              receiver: team-a
              routes:
              - matchers: ['x=~"(unclosed"', 'no operator', '{a="b"']
                match: {'bad-name': x}
                match_re: {y: '(?<=a)b'}
            """).map { $0.components(separatedBy: ": error parsing regexp").first! } == [
                "c.yml:9:16: route: invalid matcher \"x=~\"(unclosed\"\" in matchers",
                "c.yml:9:34: route: invalid matcher \"no operator\" in matchers: bad matcher format: no operator",
                "c.yml:9:49: route: invalid matcher \"{a=\"b\"\" in matchers: bad matcher format: {a=\"b\"",
                "c.yml:10:13: route: invalid label name \"bad-name\" in match",
                "c.yml:11:19: route: invalid regular expression in match_re.y",
            ])
    }

    @Test func receiverErrors() {
        #expect(Self.problems("""
            route: {receiver: a}
            receivers:
            - name: a
              webhook_configs:
              - url: 'ftp://x/'
                max_alerts: -1
                send_resolved: maybe
              - {}
              - url: 'http://x/'
                http_config:
                  bearer_token: t
                  authorization: {type: Basic, credentials: c}
                  basic_auth: {username: u, password: p, password_file: f}
                  tls_config: {cert_file: c.pem}
            - name: a
              email_configs: [{to: x}]
            - webhook_configs: []
            """) == [
                "c.yml:5:10: receiver \"a\": webhook_config: invalid url \"ftp://x/\": the scheme must be http or https",
                "c.yml:6:17: receiver \"a\": webhook_config: max_alerts must not be negative",
                "c.yml:7:20: receiver \"a\": webhook_config: field \"send_resolved\" must be true or false, got a string",
                "c.yml:8:5: receiver \"a\": webhook_config: one of url or url_file must be configured",
                "c.yml:12:22: receiver \"a\": webhook_config http_config: authorization cannot be used with bearer_token or bearer_token_file",
                "c.yml:12:29: receiver \"a\": webhook_config http_config authorization: type cannot be \"Basic\", use basic_auth instead",
                "c.yml:13:19: receiver \"a\": webhook_config http_config basic_auth: at most one of password and password_file may be configured",
                "c.yml:13:19: receiver \"a\": webhook_config http_config: at most one of basic_auth, authorization, bearer_token and bearer_token_file may be configured",
                "c.yml:14:19: receiver \"a\": webhook_config http_config tls_config: cert_file and key_file must be configured together",
                "c.yml:15:9: receiver: name \"a\" is not unique",
                "c.yml:16:3: warning: receiver \"a\": email_configs are not supported by Burnrate (webhooks only); ignored",
                "c.yml:17:3: receiver: missing required field \"name\"",
            ])
    }

    @Test func inhibitRuleErrors() {
        #expect(Self.problems(Self.receivers + """
            route: {receiver: team-a}
            inhibit_rules:
            - source_matchers: ['severity=critical']
              target_matchers: [42, 'a=~"["']
              equal: ['not valid']
              sorce_match: {a: b}
            """).map { $0.components(separatedBy: ": error parsing regexp").first! } == [
                "c.yml:9:21: inhibit rule: invalid matcher \"42\" in target_matchers: bad matcher format: 42",
                "c.yml:9:25: inhibit rule: invalid matcher \"a=~\"[\"\" in target_matchers",
                "c.yml:10:11: inhibit rule: invalid label name \"not valid\" in equal",
                "c.yml:11:3: inhibit rule: unknown field \"sorce_match\" (did you mean \"source_match\"?)",
            ])
    }

    @Test func timeIntervalErrors() {
        #expect(Self.problems(Self.receivers + """
            route: {receiver: team-a}
            time_intervals:
            - name: t
              time_intervals:
              - times: [{start_time: '25:00', end_time: '26:00'}, {start_time: '10:00', end_time: '09:00'}]
                weekdays: [funday, '1']
                days_of_month: ['0', '-1:3', '5:2']
                months: [smarch, '13']
                location: Mars/Olympus
            mute_time_intervals:
            - name: t
              time_intervals: []
            """) == [
                "c.yml:10:26: time interval: invalid start_time \"25:00\" (expected HH:MM between 00:00 and 24:00)",
                "c.yml:10:45: time interval: invalid end_time \"26:00\" (expected HH:MM between 00:00 and 24:00)",
                "c.yml:10:55: time interval: start_time must be before end_time",
                "c.yml:11:16: time interval: invalid weekdays entry \"funday\"",
                "c.yml:11:24: time interval: invalid weekdays entry \"1\"",
                "c.yml:12:21: time interval: invalid days_of_month entry \"0\"",
                "c.yml:12:26: time interval: invalid days_of_month range \"-1:3\": the end must be negative when the start is",
                "c.yml:12:34: time interval: invalid days_of_month range \"5:2\": the start is after the end",
                "c.yml:13:14: time interval: invalid months entry \"smarch\"",
                "c.yml:13:22: time interval: invalid months entry \"13\"",
                "c.yml:14:15: time interval: unknown time zone \"Mars/Olympus\"",
                "c.yml:16:9: mute_time_intervals entry: time interval name \"t\" is not unique",
            ])
    }

    @Test func receiversWithoutARouteAndTemplates() {
        #expect(Self.problems(Self.receivers + "templates: ['*.tmpl']\n") == [
            "c.yml:2:1: configuration: missing \"route\": notifications need a root route with a default receiver",
            "c.yml:6:12: warning: templates: Burnrate sends webhook payloads only, which are not templated; ignored",
        ])
    }

    @Test func matcherParsing() throws {
        #expect(try AlertMatcher.parseList("{foo=\"bar\", baz=~\"x|y\"}").map(\.description) == ["foo=\"bar\"", "baz=~\"x|y\""])
        #expect(try AlertMatcher.parseList("foo = bar ,").map(\.description) == ["foo=\"bar\""])
        #expect(try AlertMatcher.parse("a!~\"b,c\"").value == "b,c")
        #expect(try AlertMatcher.parse("msg=\"say \\\"hi\\\"\\n\"").value == "say \"hi\"\n")
        #expect(try AlertMatcher.parse("a!=").value == "")
        #expect(throws: AlertMatcherError.self) { try AlertMatcher.parse("=x") }
        let regex = try AlertMatcher.parse("job=~\"api|web\"")
        #expect(regex.matches("api") && !regex.matches("apix") && !regex.matches(""))
    }
}
