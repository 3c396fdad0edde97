internal import Foundation

/// What the deploy gate asks of every SLO it looks at (`burnrate gate`, `GET /api/v1/gate`).
public struct GatePolicy: Sendable, Hashable {
    /// Which firing SLO alerts block a deploy.
    public enum Blocking: String, Sendable, Hashable, CaseIterable {
        /// A firing page alert blocks (the default).
        case page
        /// A firing page or ticket alert blocks.
        case ticket
        /// Alerts do not block.
        case none
    }

    /// Deny when less than this share of the period's budget is left (0 denies only an exhausted
    /// budget).
    public var minRemaining: Double
    /// Deny when the burn rate over a window exceeds its maximum, e.g. `["1h": 2, "6h": 1]`.
    public var maxBurnRates: [String: Double]
    /// Which firing alerts deny.
    public var blockOnFiring: Blocking
    /// Unknown (insufficient data) when less than this share of the period is covered by data;
    /// 0 asks nothing.
    public var minCoverage: Double
    /// Deny while an incident of the SLO state is unresolved (open or acknowledged).
    public var blockOnIncident: Bool

    /// Creates a policy; the defaults deny only on an exhausted budget or a firing page alert.
    public init(
        minRemaining: Double = 0, maxBurnRates: [String: Double] = [:], blockOnFiring: Blocking = .page, minCoverage: Double = 0,
        blockOnIncident: Bool = false
    ) {
        self.minRemaining = minRemaining
        self.maxBurnRates = maxBurnRates
        self.blockOnFiring = blockOnFiring
        self.minCoverage = minCoverage
        self.blockOnIncident = blockOnIncident
    }

    /// Parses `1h=2,6h=1`; nil when malformed.
    public static func burnRates(_ text: String) -> [String: Double]? {
        var result: [String: Double] = [:]
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[0].isEmpty, let value = Double(pieces[1]), value >= 0 else { return nil }
            result[pieces[0]] = value
        }
        return result.isEmpty ? nil : result
    }
}
