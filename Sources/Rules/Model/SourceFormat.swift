/// The file format a definition was read from: an input detail, kept for messages and the API.
public enum SourceFormat: String, Sendable, Hashable, Codable {
    /// Sloth `version: prometheus/v1`.
    case sloth
    /// Sloth's Kubernetes form, `sloth.slok.dev/v1` `PrometheusServiceLevel`.
    case slothKubernetes = "sloth-kubernetes"
    /// OpenSLO `openslo/v1`.
    case openSLO = "openslo"
    /// OpenSLO `openslo/v1alpha`, the version Sloth reads.
    case openSLOv1alpha = "openslo-v1alpha"
    /// Burnrate's own `burnrate/v1`.
    case burnrate
    /// A Prometheus rule file (`groups:`).
    case prometheus
}
