internal import Rules

/// The three labels that identify an SLO's series in Sloth's rules, and the selector matching them.
struct SLOIdentity: Sendable, Hashable {
    /// `sloth_id`: `<service>-<name>`.
    var id: String
    /// `sloth_service`.
    var service: String
    /// `sloth_slo`: the SLO's name.
    var name: String

    /// The identity of an SLO.
    init(_ slo: SLO) {
        id = slo.id
        service = slo.service
        name = slo.name
    }

    /// The labels, by name.
    var labels: [String: String] {
        ["sloth_id": id, "sloth_service": service, "sloth_slo": name]
    }

    /// `{sloth_id="svc-slo", sloth_service="svc", sloth_slo="slo"}`, as Sloth writes it.
    var selector: String {
        "{sloth_id=\(SlothNumber.quote(id)), sloth_service=\(SlothNumber.quote(service)), sloth_slo=\(SlothNumber.quote(name))}"
    }

    /// The label names Sloth matches meta rules on: `sloth_id, sloth_slo, sloth_service`.
    static let matchingLabels = "sloth_id, sloth_slo, sloth_service"
}
