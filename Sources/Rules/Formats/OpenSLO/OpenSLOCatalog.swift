/// OpenSLO objects collected across all files of a load, kept by kind until every file is read so
/// that references (`indicatorRef`, `alertPolicyRef`, `conditionRef`, `targetRef`,
/// `metricSourceRef`) resolve across files.
public struct OpenSLOCatalog: Sendable {
    /// `openslo/v1` SLOs, in load order.
    var slos: [OpenSLOSLODefinition] = []
    /// Standalone `openslo/v1` SLIs.
    var slis: [OpenSLOIndicator] = []
    /// Standalone alert policies.
    var alertPolicies: [OpenSLOAlertPolicyDefinition] = []
    /// Standalone alert conditions.
    var alertConditions: [OpenSLOAlertConditionDefinition] = []
    /// Standalone notification targets.
    var notificationTargets: [OpenSLONotificationTarget] = []
    /// Data sources.
    var dataSources: [OpenSLODataSource] = []
    /// Services, v1 and v1alpha.
    var services: [OpenSLOService] = []
    /// `openslo/v1alpha` SLOs, in load order.
    var v1alphaSLOs: [OpenSLOv1alphaSLO] = []
    /// The load position of every SLO (v1 and v1alpha), so the rule set keeps file order.
    var sloOrder: [SourceLocation] = []

    /// Creates an empty catalog.
    public init() {}

    /// The standalone SLI named `name` (the first one when a name is duplicated, which is an error).
    func sli(named name: String) -> OpenSLOIndicator? { slis.first { $0.metadata?.name == name } }

    /// The standalone alert policy named `name`.
    func alertPolicy(named name: String) -> OpenSLOAlertPolicyDefinition? { alertPolicies.first { $0.metadata?.name == name } }

    /// The standalone alert condition named `name`.
    func alertCondition(named name: String) -> OpenSLOAlertConditionDefinition? { alertConditions.first { $0.metadata?.name == name } }

    /// The standalone notification target named `name`.
    func notificationTarget(named name: String) -> OpenSLONotificationTarget? { notificationTargets.first { $0.metadata?.name == name } }

    /// The data source named `name`.
    func dataSource(named name: String) -> OpenSLODataSource? { dataSources.first { $0.metadata?.name == name } }
}
