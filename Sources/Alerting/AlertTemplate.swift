/// A parsed alert label or annotation template: the subset of Go's `text/template` that alert
/// rules use — text, `{{ $labels.x }}`, `{{ $value }}`, `{{ $externalLabels.x }}`, `.Labels.x`,
/// pipelines with `|`, parentheses, string and number literals, and the functions `humanize`,
/// `humanizePercentage`, `humanizeDuration`, `printf`, `toUpper`, `toLower`. Control actions
/// (`if`, `range`, ...) are not supported and fail to parse.
public struct AlertTemplate: Sendable, Hashable {
    indirect enum Operand: Sendable, Hashable {
        case variable(String, fields: [String])
        case field([String])
        case dot
        case literal(TemplateValue)
        case function(String)
        case pipeline([[Operand]])
    }

    enum Node: Sendable, Hashable {
        case text(String)
        case action([[Operand]])
    }

    let nodes: [Node]

    /// Parses a template.
    public init(parsing text: String) throws(TemplateError) {
        var parser = TemplateParser(text)
        nodes = try parser.parse()
    }

    /// Expands the template with `data`.
    public func expand(_ data: TemplateData) throws(TemplateError) -> String {
        var output = ""
        for node in nodes {
            switch node {
            case .text(let text): output += text
            case .action(let pipeline): output += try Self.run(pipeline, data).printed
            }
        }
        return output
    }

    /// Whether the expansion may depend on the result's value: `$value`, `.Value`, `$.Value`, or
    /// the whole data (`.`, `$`). When not, the same labels, external labels and external URL
    /// always expand to the same text (every function is pure).
    public var readsValue: Bool {
        nodes.contains { node in
            if case .action(let pipeline) = node { return Self.readsValue(pipeline) }
            return false
        }
    }

    private static func readsValue(_ pipeline: [[Operand]]) -> Bool {
        pipeline.contains { command in command.contains(where: readsValue) }
    }

    private static func readsValue(_ operand: Operand) -> Bool {
        switch operand {
        case .dot: true
        case .field(let fields): fields.first.map { $0 == "Value" } ?? true
        case .variable(let name, let fields): name == "$value" || (name == "$" && (fields.first.map { $0 == "Value" } ?? true))
        case .literal, .function: false
        case .pipeline(let pipeline): readsValue(pipeline)
        }
    }

    /// Expands `text` with `data`, or returns `<error expanding template: ...>` as Prometheus does.
    public static func render(_ text: String, _ data: TemplateData) -> String {
        guard text.contains("{{") else { return text }
        do {
            return try AlertTemplate(parsing: text).expand(data)
        } catch {
            return "<error expanding template: \(error.message)>"
        }
    }

    static func run(_ pipeline: [[Operand]], _ data: TemplateData) throws(TemplateError) -> TemplateValue {
        var piped: TemplateValue?
        for command in pipeline {
            piped = try run(command: command, piped: piped, data)
        }
        guard let piped else { throw TemplateError("missing value for command") }
        return piped
    }

    static func run(command: [Operand], piped: TemplateValue?, _ data: TemplateData) throws(TemplateError) -> TemplateValue {
        guard let first = command.first else { throw TemplateError("empty command") }
        if case .function(let name) = first {
            var arguments: [TemplateValue] = []
            for operand in command.dropFirst() { arguments.append(try value(operand, data)) }
            if let piped { arguments.append(piped) }
            return try call(name, arguments)
        }
        guard command.count == 1, piped == nil else {
            throw TemplateError("can't give argument to non-function \(first)")
        }
        return try value(first, data)
    }

    static func value(_ operand: Operand, _ data: TemplateData) throws(TemplateError) -> TemplateValue {
        switch operand {
        case .literal(let value): return value
        case .dot: return .data
        case .pipeline(let pipeline): return try run(pipeline, data)
        case .function(let name): return try call(name, [])
        case .field(let fields): return try lookup(.data, fields, data)
        case .variable(let name, let fields):
            let root: TemplateValue
            switch name {
            case "$": root = .data
            case "$labels": root = .map(data.labels)
            case "$externalLabels": root = .map(data.externalLabels)
            case "$value": root = .float(data.value)
            case "$externalURL": root = .string(data.externalURL)
            default: throw TemplateError("undefined variable \"\(name)\"")
            }
            return try lookup(root, fields, data)
        }
    }

    static func lookup(_ root: TemplateValue, _ fields: [String], _ data: TemplateData) throws(TemplateError) -> TemplateValue {
        var current = root
        for field in fields {
            switch current {
            case .map(let map):
                // Prometheus runs templates with missingkey=zero: a missing label is "".
                current = .string(map[field] ?? "")
            case .data:
                switch field {
                case "Labels": current = .map(data.labels)
                case "ExternalLabels": current = .map(data.externalLabels)
                case "Value": current = .float(data.value)
                case "ExternalURL": current = .string(data.externalURL)
                default: throw TemplateError("can't evaluate field \(field) in type *template.tmplQueryResults")
                }
            default:
                throw TemplateError("can't evaluate field \(field) in type \(current.goType)")
            }
        }
        return current
    }

    static func call(_ name: String, _ arguments: [TemplateValue]) throws(TemplateError) -> TemplateValue {
        func single() throws(TemplateError) -> TemplateValue {
            guard arguments.count == 1 else {
                throw TemplateError("wrong number of args for \(name): want 1 got \(arguments.count)")
            }
            return arguments[0]
        }
        switch name {
        case "humanize": return .string(TemplateFunctions.humanize(try single().toFloat()))
        case "humanizePercentage": return .string(TemplateFunctions.humanizePercentage(try single().toFloat()))
        case "humanizeDuration": return .string(TemplateFunctions.humanizeDuration(try single().toFloat()))
        case "toUpper", "toLower":
            guard case .string(let s) = try single() else { throw TemplateError("wrong type for value; expected string") }
            return .string(name == "toUpper" ? s.uppercased() : s.lowercased())
        case "printf":
            guard case .string(let format)? = arguments.first else {
                throw TemplateError("wrong type for value; expected string")
            }
            return .string(GoPrintf.format(format, Array(arguments.dropFirst())))
        default:
            throw TemplateError("function \"\(name)\" not defined")
        }
    }
}
