/// Sloth `version: prometheus/v1` specs. (Stub: being written.)
enum SlothFormat {
    static func load(_ document: YAMLDocument, into context: inout LoadContext, diagnostics: inout Diagnostics) {}
}
/// Sloth's Kubernetes `PrometheusServiceLevel`. (Stub: being written.)
enum SlothKubernetesFormat {
    static func load(_ document: YAMLDocument, into context: inout LoadContext, diagnostics: inout Diagnostics) {}
}
/// Burnrate `version: burnrate/v1` specs. (Stub: being written.)
enum BurnrateFormat {
    static func load(_ document: YAMLDocument, into context: inout LoadContext, diagnostics: inout Diagnostics) {}
}
enum SlothAlertWindowsFormat {
    static func load(_ document: YAMLDocument, into catalogs: inout [AlertWindowCatalog], diagnostics: inout Diagnostics) {}
}
