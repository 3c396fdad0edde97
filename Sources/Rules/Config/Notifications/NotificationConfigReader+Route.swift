extension NotificationConfigReader {
    /// A route and its children; `isRoot` applies the root's extra rules.
    mutating func route(_ node: YAMLNode, isRoot: Bool) -> RouteConfig? {
        let what = isRoot ? "route" : "route"
        guard var reader = MappingReader(node, what: what, diagnostics: &diagnostics) else { return nil }
        var route = RouteConfig()
        if let receiverNode = reader.value("receiver") {
            if let name = receiverNode.scalar, !name.isEmpty {
                route.receiver = name
                if !receiverNames.contains(name) {
                    var message = "route: undefined receiver \"\(name)\" used in route"
                    if let suggestion = DidYouMean.suggest(name, from: receiverNames.sorted()) {
                        message += " (did you mean \"\(suggestion)\"?)"
                    }
                    diagnostics.error(receiverNode.location, message)
                }
            } else {
                diagnostics.error(receiverNode.location, "route: receiver must be a non-empty string")
            }
        } else if isRoot {
            diagnostics.error(node.location, "route: the root route must specify a default receiver")
        }
        if let items = reader.sequence("group_by", diagnostics: &diagnostics) {
            var names: [String] = []
            var all = false
            for item in items {
                guard let name = item.scalar else {
                    diagnostics.error(item.location, "route: each entry of group_by must be a label name, got \(item.typeDescription)")
                    continue
                }
                if name == "..." {
                    all = true
                } else if !Names.isValidLabelName(name) {
                    diagnostics.error(item.location, "route: invalid label name \"\(name)\" in group_by")
                } else if names.contains(name) {
                    diagnostics.error(item.location, "route: duplicated label \"\(name)\" in group_by")
                } else {
                    names.append(name)
                }
            }
            if all, items.count > 1, let first = items.first {
                diagnostics.error(first.location, "route: group_by cannot have the wildcard '...' and other labels at the same time")
            }
            route.groupByAll = all
            route.groupBy = all ? [] : names
        }
        route.groupWait = duration(&reader, "group_wait", positive: false)
        route.groupInterval = duration(&reader, "group_interval", positive: true)
        route.repeatInterval = duration(&reader, "repeat_interval", positive: true)
        let matcherKeys = ["matchers", "match", "match_re"]
        route.matchers = matchers(&reader, new: "matchers", equal: "match", regex: "match_re")
        if isRoot, let key = matcherKeys.first(where: { reader.has($0) }), let keyNode = reader.node.pairs?.first(where: { $0.key.scalar == key })?.key {
            diagnostics.error(keyNode.location, "route: the root route must not have any matchers")
        }
        route.continue = reader.bool("continue", diagnostics: &diagnostics) ?? false
        for key in ["mute_time_intervals", "active_time_intervals"] {
            let names = strings(&reader, key)
            if isRoot, let first = names.first {
                diagnostics.error(first.1.location, "route: the root route must not have any \(key)")
            }
            for (name, item) in names where !intervalNames.contains(name) {
                var message = "route: undefined time interval \"\(name)\" used in route"
                if let suggestion = DidYouMean.suggest(name, from: intervalNames.sorted()) {
                    message += " (did you mean \"\(suggestion)\"?)"
                }
                diagnostics.error(item.location, message)
            }
            if key == "mute_time_intervals" {
                route.muteTimeIntervals = names.map(\.0)
            } else {
                route.activeTimeIntervals = names.map(\.0)
            }
        }
        if let items = reader.sequence("routes", diagnostics: &diagnostics) {
            route.routes = items.compactMap { self.route($0, isRoot: false) }
        }
        if let repeatInterval = route.repeatInterval, let groupInterval = route.groupInterval, repeatInterval < groupInterval,
           let node = reader.node["repeat_interval"]
        {
            diagnostics.warning(node.location, "route: repeat_interval is shorter than group_interval; repeats happen only on group_interval ticks")
        }
        reader.finish(diagnostics: &diagnostics)
        return route
    }
}
