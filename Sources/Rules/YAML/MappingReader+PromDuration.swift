extension MappingReader {
    /// A Prometheus duration field such as `5m` or `30d`, with the node it was read from.
    /// Zero, a number without unit, a fraction or a sign is reported at the value.
    mutating func promDuration(
        _ key: String, required: Bool = false, diagnostics: inout Diagnostics
    ) -> (duration: Duration, node: YAMLNode)? {
        guard let node = value(key) else {
            if required {
                diagnostics.error(self.node.location, "\(what): missing required field \"\(key)\"")
            }
            return nil
        }
        guard let text = node.scalar else {
            diagnostics.error(node.location, "\(what): field \"\(key)\" must be a duration such as 5m, 1h or 30d, got \(node.typeDescription)")
            return nil
        }
        guard let duration = PromQLBridge.duration(text) else {
            diagnostics.error(node.location, "\(what): field \"\(key)\": \"\(text)\" is not a duration: use whole numbers with the units ms, s, m, h, d, w, y, largest first, e.g. 5m, 1h30m, 30d")
            return nil
        }
        guard duration > .zero else {
            diagnostics.error(node.location, "\(what): field \"\(key)\" must be longer than 0")
            return nil
        }
        return (duration, node)
    }
}
