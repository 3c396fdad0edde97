/// A node of the routing tree (`route:` and its nested `routes:`), as written: unset fields are
/// nil and inherited from the parent when the tree is built.
public struct RouteConfig: Sendable, Hashable {
    /// The receiver of alerts routed here.
    public var receiver: String?
    /// The labels alerts are grouped by; nil inherits the parent's.
    public var groupBy: [String]?
    /// `group_by: ['...']`: every label set is a group of its own.
    public var groupByAll = false
    /// How long a new group waits before its first notification (default 30s).
    public var groupWait: Duration?
    /// How long a group waits between notifications about changes (default 5m).
    public var groupInterval: Duration?
    /// How long before a notification already sent is sent again (default 4h).
    public var repeatInterval: Duration?
    /// The conditions an alert must meet (`matchers`, `match`, `match_re`), in Alertmanager's
    /// sorted order.
    public var matchers: [AlertMatcher] = []
    /// Whether matching goes on to the next sibling after this route matched.
    public var `continue` = false
    /// The child routes, in order.
    public var routes: [RouteConfig] = []
    /// Names of time intervals when notifications are muted (not inherited).
    public var muteTimeIntervals: [String] = []
    /// Names of time intervals outside which notifications are muted (not inherited).
    public var activeTimeIntervals: [String] = []

    /// The defaults of the root route.
    public static let defaultGroupWait: Duration = .seconds(30)
    /// The default `group_interval`.
    public static let defaultGroupInterval: Duration = .seconds(300)
    /// The default `repeat_interval`.
    public static let defaultRepeatInterval: Duration = .seconds(4 * 3600)

    /// Creates a route.
    public init(
        receiver: String? = nil, groupBy: [String]? = nil, groupByAll: Bool = false, groupWait: Duration? = nil,
        groupInterval: Duration? = nil, repeatInterval: Duration? = nil, matchers: [AlertMatcher] = [], continue: Bool = false,
        routes: [RouteConfig] = [], muteTimeIntervals: [String] = [], activeTimeIntervals: [String] = []
    ) {
        self.receiver = receiver
        self.groupBy = groupBy
        self.groupByAll = groupByAll
        self.groupWait = groupWait
        self.groupInterval = groupInterval
        self.repeatInterval = repeatInterval
        self.matchers = matchers
        self.continue = `continue`
        self.routes = routes
        self.muteTimeIntervals = muteTimeIntervals
        self.activeTimeIntervals = activeTimeIntervals
    }
}
