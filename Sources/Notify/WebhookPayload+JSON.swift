internal import Storage

extension WebhookPayload {
    /// The body as Go's `json.Encoder` writes it: fields in Alertmanager's order, maps sorted,
    /// HTML characters escaped, a newline at the end.
    public var json: [UInt8] {
        var writer = GoJSONWriter()
        writer.raw("{")
        writer.key("receiver", first: true)
        writer.string(receiver)
        writer.key("status")
        writer.string(status)
        writer.key("alerts")
        writer.raw("[")
        for (index, alert) in alerts.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{")
            writer.key("status", first: true)
            writer.string(alert.status)
            writer.key("labels")
            writer.map(Self.dictionary(alert.labels))
            writer.key("annotations")
            writer.map(alert.annotations)
            writer.key("startsAt")
            writer.string(alert.startsAt.description)
            writer.key("endsAt")
            writer.string(alert.endsAt?.description ?? AlertTimestamp.goZeroText)
            writer.key("generatorURL")
            writer.string(alert.generatorURL)
            writer.key("fingerprint")
            writer.string(alert.fingerprint)
            writer.raw("}")
        }
        writer.raw("]")
        writer.key("groupLabels")
        writer.map(Self.dictionary(groupLabels))
        writer.key("commonLabels")
        writer.map(Self.dictionary(commonLabels))
        writer.key("commonAnnotations")
        writer.map(commonAnnotations)
        writer.key("externalURL")
        writer.string(externalURL)
        writer.key("version")
        writer.string("4")
        writer.key("groupKey")
        writer.string(groupKey)
        writer.key("truncatedAlerts")
        writer.raw(String(truncatedAlerts))
        writer.raw("}\n")
        return writer.bytes
    }

    private static func dictionary(_ labels: Labels) -> [String: String] {
        var result: [String: String] = [:]
        for label in labels { result[label.name] = label.value }
        return result
    }
}
