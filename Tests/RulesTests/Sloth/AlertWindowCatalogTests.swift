@testable import Rules
import Testing

/// Sloth's alert-window catalogs: the built-in Google ones and `kind: AlertWindows` files.
struct AlertWindowCatalogTests {
    static let hour = Duration.seconds(3600)

    func expectFactors(_ catalog: AlertWindowCatalog, _ expected: [Double], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let factors = catalog.windows.map(\.factor)
        #expect(factors.count == expected.count, sourceLocation: sourceLocation)
        for (factor, want) in zip(factors, expected) {
            #expect(abs(factor - want) < 1e-9, "factor \(factor), expected \(want)", sourceLocation: sourceLocation)
        }
    }

    @Test func builtIn30dIsGoogles() {
        let catalog = AlertWindowCatalog.google30d
        #expect(catalog.period == .seconds(30 * 86400))
        #expect(catalog.windows.map(\.factor) == [14.4, 6, 3, 1])
        #expect(catalog.windows.map(\.short) == [.seconds(300), .seconds(1800), Self.hour * 2, Self.hour * 6])
        #expect(catalog.windows.map(\.long) == [Self.hour, Self.hour * 6, Self.hour * 24, Self.hour * 72])
        #expect(catalog.windows.map(\.severity) == [.page, .page, .ticket, .ticket])
    }

    @Test func builtIn28dScalesTheFactors() {
        expectFactors(AlertWindowCatalog.google28d, [13.44, 5.6, 2.8, 0.9333333333333333])
        #expect(AlertWindowCatalog.builtIn(for: .seconds(28 * 86400)) == .google28d)
        #expect(AlertWindowCatalog.builtIn(for: .seconds(7 * 86400)) == nil)
    }

    @Test(requiresSharedData) func sevenDayCatalogFromTheSlothTests() throws {
        let result = try SlothTestSupport.loadConformance("test/integration/prometheus/windows/7d.yaml")
        expectSlothClean(result)
        let catalog = try #require(result.ruleSet.alertWindowCatalogs.first)
        #expect(result.ruleSet.alertWindowCatalogs.count == 1)
        #expect(catalog.period == .seconds(7 * 86400))
        expectFactors(catalog, [13.44, 3.5, 1.4, 0.98])
        #expect(catalog.windows.map(\.long) == [Self.hour, Self.hour * 6, Self.hour * 24, Self.hour * 72])
        #expect(catalog.location?.line == 1)
    }

    @Test(requiresSharedData) func embeddedCatalogFilesMatchTheBuiltIns() throws {
        let result = try SlothTestSupport.loadConformance("internal/alert/windows/google-30d.yaml", "internal/alert/windows/google-28d.yaml")
        expectSlothClean(result)
        let catalogs = result.ruleSet.alertWindowCatalogs
        try #require(catalogs.count == 2)
        #expect(catalogs[0].hasSameWindows(as: .google30d))
        #expect(catalogs[1].hasSameWindows(as: .google28d))
    }

    @Test func secondCatalogForAPeriodIsAnErrorUnlessIdentical() {
        func catalog(_ percent: Int) -> String {
            """
            apiVersion: sloth.slok.dev/v1
            kind: AlertWindows
            spec:
              sloPeriod: 7d
              page:
                quick: {errorBudgetPercent: \(percent), shortWindow: 5m, longWindow: 1h}
                slow: {errorBudgetPercent: 12.5, shortWindow: 30m, longWindow: 6h}
              ticket:
                quick: {errorBudgetPercent: 20, shortWindow: 2h, longWindow: 24h}
                slow: {errorBudgetPercent: 42, shortWindow: 6h, longWindow: 72h}
            """
        }
        let same = RuleLoader().load(files: [RuleFile(path: "a.yml", contents: catalog(8)), RuleFile(path: "b.yml", contents: catalog(8))])
        #expect(same.isValid)
        #expect(same.diagnostics.map(\.description) == ["b.yml:4:14: warning: AlertWindows: an identical catalog for period 1w was already loaded at a.yml:1:1; this one is ignored"])
        let different = RuleLoader().load(files: [RuleFile(path: "a.yml", contents: catalog(8)), RuleFile(path: "b.yml", contents: catalog(9))])
        expectSlothError(different, at: "b.yml:4:14", "a different catalog for period 1w was already loaded at a.yml:1:1")
        #expect(different.ruleSet.alertWindowCatalogs.count == 1)
    }

    @Test func windowProblemsArePositioned() {
        let result = SlothTestSupport.load("""
        apiVersion: sloth.slok.dev/v1
        kind: AlertWindows
        spec:
          sloPeriod: 7 days
          page:
            quick: {errorBudgetPercent: 0, shortWindow: 5m, longWindow: 1h}
            slow: {errorBudgetPercent: 12.5, shortWindow: 6h, longWindow: 6h}
          ticket:
            quick: {errorBudgetPercent: 20, shortWindow: 2h, longWindow: 24h}
        """)
        expectSlothError(result, at: "spec.yml:4:14", #""7 days" is not a duration"#)
        expectSlothError(result, at: "spec.yml:6:33", "errorBudgetPercent must be greater than 0 and at most 100")
        expectSlothError(result, at: "spec.yml:7:51", "shortWindow 6h must be shorter than longWindow 6h")
        expectSlothError(result, at: "spec.yml:9:5", #"AlertWindows spec.ticket: missing required field "slow""#)
        #expect(result.ruleSet.alertWindowCatalogs.isEmpty)
    }
}
