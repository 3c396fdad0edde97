internal import PromQL
internal import Storage

/// Query results in Prometheus' JSON shape, written directly (values as Go formats them).
enum QueryResultJSON {
    /// `{"status":"success","data":{"resultType":…,"result":…}}`.
    static func envelope(_ value: Value) -> String {
        "{\"status\":\"success\",\"data\":{\"resultType\":\"\(value.typeName)\",\"result\":\(result(value))}}"
    }

    static func result(_ value: Value) -> String {
        switch value {
        case .scalar(let t, let v):
            return point(t, v)
        case .string(let t, let text):
            return "[\(SampleFormat.timestamp(milliseconds: t)),\(jsonString(text))]"
        case .vector(let samples):
            return "[" + samples.map { "{\"metric\":\(labels($0.labels)),\"value\":\(point($0.t, $0.v))}" }.joined(separator: ",") + "]"
        case .matrix(let series):
            return "[" + series.map { entry in
                "{\"metric\":\(labels(entry.labels)),\"values\":[" + entry.points.map { point($0.t, $0.v) }.joined(separator: ",") + "]}"
            }.joined(separator: ",") + "]"
        }
    }

    static func point(_ t: Int64, _ v: Double) -> String {
        "[\(SampleFormat.timestamp(milliseconds: t)),\"\(SampleFormat.value(v))\"]"
    }

    static func labels(_ labels: Labels) -> String {
        "{" + labels.map { "\(jsonString($0.name)):\(jsonString($0.value))" }.joined(separator: ",") + "}"
    }

    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
