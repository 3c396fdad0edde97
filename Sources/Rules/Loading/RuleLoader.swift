/// Loads rule files of every supported format into one `RuleSet`, validating as it goes.
///
/// Each YAML document is recognised on its own, so one file may mix formats. Problems are
/// collected, never thrown: a load reports every problem of every file at once.
public struct RuleLoader: Sendable {
    /// Creates a loader.
    public init() {}

    /// Reads and loads every rule file under `paths` (files, or directories searched recursively for
    /// `*.yml` and `*.yaml`).
    public func load(paths: [String]) -> LoadResult {
        let (files, problems) = RuleFileFinder.read(paths)
        var result = load(files: files)
        result.diagnostics = problems + result.diagnostics
        return result
    }

    /// Loads rule files from their text.
    public func load(files: [RuleFile]) -> LoadResult {
        var diagnostics = Diagnostics()
        var context = LoadContext()
        var catalogs: [AlertWindowCatalog] = []
        for file in files {
            let (documents, syntaxProblems) = YAMLReader.documents(in: file.contents, file: file.path)
            diagnostics.append(contentsOf: syntaxProblems)
            for document in documents {
                load(document, into: &context, catalogs: &catalogs, diagnostics: &diagnostics)
            }
        }
        OpenSLOFormat.resolve(&context, diagnostics: &diagnostics)
        RuleSetValidator.validate(context, files: files, diagnostics: &diagnostics)
        let ruleSet = RuleSet(slos: context.slos, groups: context.groups, files: files.map(\.path), alertWindowCatalogs: catalogs)
        return LoadResult(ruleSet: ruleSet, diagnostics: diagnostics.sorted)
    }

    private func load(_ document: YAMLDocument, into context: inout LoadContext, catalogs: inout [AlertWindowCatalog], diagnostics: inout Diagnostics) {
        let start = SourceLocation(file: document.file, line: 1, column: 1)
        // OpenSLO tools also accept a top-level list of objects.
        if let items = document.root?.items {
            for item in items {
                var itemDocument = document
                itemDocument.root = item
                guard let format = DocumentFormat.recognise(item, diagnostics: &diagnostics, location: start) else { continue }
                guard case .openSLO = format else {
                    diagnostics.error(item.location, "only OpenSLO objects may be given as a list")
                    continue
                }
                dispatch(format, itemDocument, into: &context, catalogs: &catalogs, diagnostics: &diagnostics)
            }
            return
        }
        guard let format = DocumentFormat.recognise(document.root, diagnostics: &diagnostics, location: start) else { return }
        dispatch(format, document, into: &context, catalogs: &catalogs, diagnostics: &diagnostics)
    }

    private func dispatch(
        _ format: DocumentFormat, _ document: YAMLDocument, into context: inout LoadContext,
        catalogs: inout [AlertWindowCatalog], diagnostics: inout Diagnostics
    ) {
        switch format {
        case .empty: break
        case .sloth: SlothFormat.load(document, into: &context, diagnostics: &diagnostics)
        case .burnrate: BurnrateFormat.load(document, into: &context, diagnostics: &diagnostics)
        case .slothKubernetes: SlothKubernetesFormat.load(document, into: &context, diagnostics: &diagnostics)
        case .slothAlertWindows: SlothAlertWindowsFormat.load(document, into: &catalogs, diagnostics: &diagnostics)
        case .openSLO(let version): OpenSLOFormat.load(document, version: version, into: &context, diagnostics: &diagnostics)
        case .prometheus: PrometheusRuleFormat.load(document, into: &context, diagnostics: &diagnostics)
        }
    }
}
