import ArgumentParser
import Foundation

/// Entry point: runs the command, mapping usage errors to exit code 2 as documented
/// (ArgumentParser's default is 64).
@main
enum Main {
    static func main() async {
        do {
            var command = try Burnrate.parseAsRoot()
            if let serve = command as? ServeCommand, serve.tasksOnEventLoops {
                // Here, on the main thread, before the service starts any task.
                EventLoopExecutor.install()
            }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if Burnrate.exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((Burnrate.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            Burnrate.exit(withError: error)
        }
    }
}
