internal import Storage

extension NotifiableAlert {
    /// Alertmanager's order of the alerts in a notification: by `job`, then `instance` (an alert
    /// with the label before one without), then by label set (fewer labels first, then the first
    /// differing label in name order).
    static func precedes(_ lhs: NotifiableAlert, _ rhs: NotifiableAlert) -> Bool {
        for key in ["job", "instance"] {
            switch (lhs.labels[key], rhs.labels[key]) {
            case (nil, nil): continue
            case (nil, .some): return false
            case (.some, nil): return true
            case (.some(let left), .some(let right)):
                if left != right { return left.utf8.lexicographicallyPrecedes(right.utf8) }
            }
        }
        return labelSetPrecedes(lhs.labels, rhs.labels)
    }

    private static func labelSetPrecedes(_ lhs: Labels, _ rhs: Labels) -> Bool {
        if lhs.count != rhs.count { return lhs.count < rhs.count }
        let names = (lhs.map(\.name) + rhs.map(\.name)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names {
            guard let left = lhs[name] else { return true }
            guard let right = rhs[name] else { return false }
            if left != right { return left.utf8.lexicographicallyPrecedes(right.utf8) }
        }
        return false
    }
}
