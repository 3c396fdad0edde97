import ArgumentParser

/// `ingest-load`: builds realistic remote-write bodies in memory, then posts them to a server
/// as Prometheus 2.42 does (`post`), or only decodes them in-process (`decode`: the physical
/// limit of ingest on the same bodies).
@main
struct IngestLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest-load",
        abstract: "Remote-write load generator: samples/s of a server, or of decoding alone.",
        subcommands: [
            PostCommand.self, DecodeCommand.self, StoreCommand.self, DumpCommand.self,
            SLOFilesCommand.self, SLOPostCommand.self, SLOFeedCommand.self, SLOStoreCommand.self,
        ],
        defaultSubcommand: PostCommand.self
    )
}
