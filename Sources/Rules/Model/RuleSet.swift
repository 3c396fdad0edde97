/// Everything loaded from the rule files: SLOs and Prometheus rule groups, format-independent.
public struct RuleSet: Sendable, Hashable {
    /// The SLOs, in file order.
    public var slos: [SLO]
    /// The rule groups, in file order.
    public var groups: [RuleGroup]
    /// The files that were read.
    public var files: [String]
    /// Alert-window catalogs read from Sloth `kind: AlertWindows` files, one per SLO period.
    /// They replace the built-in catalogs (`AlertWindowCatalog.builtIn`) for their period.
    public var alertWindowCatalogs: [AlertWindowCatalog]

    /// Creates a rule set.
    public init(slos: [SLO] = [], groups: [RuleGroup] = [], files: [String] = [], alertWindowCatalogs: [AlertWindowCatalog] = []) {
        self.slos = slos
        self.groups = groups
        self.files = files
        self.alertWindowCatalogs = alertWindowCatalogs
    }

    /// An empty rule set.
    public static let empty = RuleSet()
}
