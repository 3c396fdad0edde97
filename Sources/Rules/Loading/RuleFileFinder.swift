internal import Foundation

/// Finds rule files: the files named, and every `*.yml`/`*.yaml` below the directories named.
///
/// This is the one place of the module that touches the file system.
public enum RuleFileFinder {
    /// Reads every rule file under `paths`, sorted by path within each directory. A path that does
    /// not exist or cannot be read is reported as a diagnostic at `path:1:1`.
    public static func read(_ paths: [String]) -> (files: [RuleFile], problems: [Diagnostic]) {
        var files: [RuleFile] = []
        var problems: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(SourceLocation(file: path, line: 1, column: 1), "no such file or directory"))
                continue
            }
            let found = isDirectory.boolValue ? yamlFiles(under: path) : [path]
            for file in found {
                guard let data = manager.contents(atPath: file) else {
                    problems.append(Diagnostic(SourceLocation(file: file, line: 1, column: 1), "cannot read file"))
                    continue
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    problems.append(Diagnostic(SourceLocation(file: file, line: 1, column: 1), "file is not valid UTF-8"))
                    continue
                }
                files.append(RuleFile(path: file, contents: text))
            }
        }
        return (files, problems)
    }

    private static func yamlFiles(under directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") else { continue }
            let full = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(full)
            }
        }
        return result.sorted()
    }
}
