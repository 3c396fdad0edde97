public import Rules
public import Storage

/// A node of the routing tree with its settings resolved (inherited from the parent where the
/// configuration leaves them out) and its key, as Alertmanager builds them.
public struct RouteNode: Sendable {
    /// The position in the tree, `0` for the root and `0.2.1` for the second child of the
    /// third child: tells apart routes whose keys are equal.
    public let id: String
    /// The receiver of alerts routed here.
    public let receiver: String
    /// The labels alerts are grouped by.
    public let groupBy: [String]
    /// `group_by: ['...']`.
    public let groupByAll: Bool
    /// Milliseconds.
    public let groupWait: Int64
    /// Milliseconds.
    public let groupInterval: Int64
    /// Milliseconds.
    public let repeatInterval: Int64
    /// The conditions of this route.
    public let matchers: [AlertMatcher]
    /// Whether siblings after this route are tried once it matched.
    public let `continue`: Bool
    /// Names of the time intervals that mute this route's notifications.
    public let muteTimeIntervals: [String]
    /// Names of the time intervals outside which this route's notifications are muted.
    public let activeTimeIntervals: [String]
    /// The route's key: the parent's key, `/`, and this route's matchers (`{}/{scenario="s1"}`).
    public let key: String
    /// The children.
    public private(set) var routes: [RouteNode]

    /// Builds the tree from the root route of the configuration.
    public init(root config: RouteConfig) {
        self.init(config: config, parent: nil, id: "0")
    }

    private init(config: RouteConfig, parent: RouteNode?, id: String) {
        func milliseconds(_ duration: Duration?, _ inherited: Int64?, _ fallback: Duration) -> Int64 {
            if let duration {
                let (seconds, attoseconds) = duration.components
                return seconds * 1000 + attoseconds / 1_000_000_000_000_000
            }
            if let inherited { return inherited }
            return milliseconds(fallback, nil, fallback)
        }
        self.id = id
        receiver = config.receiver ?? parent?.receiver ?? ""
        if let groupBy = config.groupBy {
            self.groupBy = groupBy.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            groupByAll = config.groupByAll
        } else {
            self.groupBy = parent?.groupBy ?? []
            groupByAll = parent?.groupByAll ?? false
        }
        groupWait = milliseconds(config.groupWait, parent?.groupWait, RouteConfig.defaultGroupWait)
        groupInterval = milliseconds(config.groupInterval, parent?.groupInterval, RouteConfig.defaultGroupInterval)
        repeatInterval = milliseconds(config.repeatInterval, parent?.repeatInterval, RouteConfig.defaultRepeatInterval)
        matchers = config.matchers
        self.continue = config.continue
        muteTimeIntervals = config.muteTimeIntervals
        activeTimeIntervals = config.activeTimeIntervals
        key = (parent.map { $0.key + "/" } ?? "") + config.matchers.keyDescription
        routes = []
        // Children need this node as their parent, so they are built once it exists.
        let built = self
        routes = config.routes.enumerated().map { index, child in
            RouteNode(config: child, parent: built, id: "\(id).\(index)")
        }
    }

    /// The routes an alert with `labels` goes to: the deepest matching routes, the first matching
    /// child only unless it has `continue`; this route itself when no child matches; none when
    /// this route does not match.
    public func match(_ labels: Labels) -> [RouteNode] {
        guard matchers.matches({ labels[$0] }) else { return [] }
        var result: [RouteNode] = []
        for child in routes {
            let matched = child.match(labels)
            result += matched
            if !matched.isEmpty, !child.continue { break }
        }
        return result.isEmpty ? [self] : result
    }

    /// The labels of an alert that make its group: those named in `group_by` that it has, or all
    /// of them with `group_by: ['...']`.
    public func groupLabels(for labels: Labels) -> Labels {
        if groupByAll { return labels }
        return Labels(labels.filter { groupBy.contains($0.name) })
    }

    /// The group key Alertmanager sends as `groupKey`: the route's key, `:`, and the group's
    /// labels printed as Go prints a label set (`{alertname="DiskFull", job="node"}`).
    public func groupKey(for groupLabels: Labels) -> String {
        let pairs = groupLabels.map { AlertMatcher.equal($0.name, $0.value).description }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return key + ":{" + pairs.joined(separator: ", ") + "}"
    }
}
