/// The format of one YAML document, recognised from its top-level keys.
public enum DocumentFormat: Sendable, Hashable {
    /// Sloth `version: prometheus/v1`.
    case sloth
    /// Burnrate `version: burnrate/v1`.
    case burnrate
    /// Sloth `apiVersion: sloth.slok.dev/v1`, `kind: PrometheusServiceLevel`.
    case slothKubernetes
    /// Sloth `apiVersion: sloth.slok.dev/v1`, `kind: AlertWindows`: a window catalog for one SLO period.
    case slothAlertWindows
    /// OpenSLO `apiVersion: openslo/v1` or `openslo/v1alpha`.
    case openSLO(version: String)
    /// A Prometheus rule file.
    case prometheus
    /// An empty document (only comments): nothing to load.
    case empty

    /// Recognises the format of `root`, or reports why it is none of the known ones.
    public static func recognise(_ root: YAMLNode?, diagnostics: inout Diagnostics, location: SourceLocation) -> DocumentFormat? {
        guard let root else { return .empty }
        if root.isNull { return .empty }
        guard root.pairs != nil else {
            diagnostics.error(root.location, "not a rule file: expected a mapping with \"version\", \"apiVersion\" or \"groups\", got \(root.typeDescription)")
            return nil
        }
        if let version = root["version"] {
            switch version.scalar {
            case "prometheus/v1": return .sloth
            case "burnrate/v1": return .burnrate
            default:
                diagnostics.error(version.location, "unsupported version \"\(version.scalar ?? version.typeDescription)\": expected \"prometheus/v1\" (Sloth) or \"burnrate/v1\"")
                return nil
            }
        }
        if let apiVersion = root["apiVersion"] {
            switch apiVersion.scalar {
            case "sloth.slok.dev/v1":
                let kind = root["kind"]?.scalar
                if kind == "PrometheusServiceLevel" { return .slothKubernetes }
                if kind == "AlertWindows" { return .slothAlertWindows }
                diagnostics.error((root["kind"] ?? apiVersion).location, "unsupported kind \"\(kind ?? "")\" for apiVersion sloth.slok.dev/v1: expected PrometheusServiceLevel or AlertWindows")
                return nil
            case "openslo/v1", "openslo/v1alpha":
                return .openSLO(version: apiVersion.scalar ?? "")
            default:
                diagnostics.error(apiVersion.location, "unsupported apiVersion \"\(apiVersion.scalar ?? apiVersion.typeDescription)\": expected openslo/v1, openslo/v1alpha or sloth.slok.dev/v1")
                return nil
            }
        }
        if root["groups"] != nil { return .prometheus }
        diagnostics.error(root.location, "not a rule file: none of \"version\" (Sloth, burnrate/v1), \"apiVersion\" (OpenSLO, Sloth Kubernetes) or \"groups\" (Prometheus rules) is present")
        return nil
    }
}
